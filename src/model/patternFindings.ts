/**
 * The diagnostics `validatePattern` produces, and the small collector its rule modules share.
 */

/** One finding about a pattern. `error`s make Flink reject the pattern; `warning`s do not. */
export interface PatternDiagnostic {
  readonly severity: "error" | "warning";
  /** The stage the finding is about, or null for pattern-wide findings. */
  readonly stage: string | null;
  /** JSON path from the GraphSpec root, e.g. `nodes[1].quantifier.untilCondition`. */
  readonly path: string;
  /** Starts with `stage '<name>': ` when `stage` is set. */
  readonly message: string;
}

/** Collects diagnostics in the order rules find them, prefixing stage names to messages. */
export class Findings {
  readonly list: PatternDiagnostic[] = [];

  error(stage: string | null, path: string, message: string): void {
    this.list.push({ severity: "error", stage, path, message: prefixed(stage, message) });
  }

  warning(stage: string | null, path: string, message: string): void {
    this.list.push({ severity: "warning", stage, path, message: prefixed(stage, message) });
  }
}

function prefixed(stage: string | null, message: string): string {
  return stage === null ? message : `stage '${stage}': ${message}`;
}

/** Appends a member or index segment (`nodes[1]`, `quantifier`) to a JSON path; "" is the root. */
export function joinPath(base: string, segment: string): string {
  return base === "" ? segment : `${base}.${segment}`;
}
