/**
 * A rule's validation findings indexed by the canvas element they belong to, built once per
 * findings list. Matching every finding against every stage and edge made each rebuild of the
 * canvas quadratic: a dense broken rule (hundreds of edges, thousands of findings) spent most of
 * a selection change or a drag step there.
 */
import type { PatternDiagnostic } from "../model/patternFindings.ts";

/** Where a finding's path goes one level deeper into a graph: those findings belong to an inner element. */
const INNER_ELEMENT = [".nodes[", ".edges["] as const;

const bySeverity = (a: PatternDiagnostic, b: PatternDiagnostic) =>
  (a.severity === "error" ? 0 : 1) - (b.severity === "error" ? 0 : 1);

/** The findings of one list, by the stage they name and by the JSON path of the element they sit on. */
export class DiagnosticIndex {
  /** Positions in the list of the findings naming each stage. */
  private readonly byStage = new Map<string, number[]>();
  /** Positions in the list of the findings each element path owns. */
  private readonly byPath = new Map<string, number[]>();
  /** Answers already given, so an unchanged element keeps the same array from one rebuild to the next. */
  private readonly answers = new Map<string, readonly PatternDiagnostic[]>();

  constructor(readonly diagnostics: readonly PatternDiagnostic[]) {
    diagnostics.forEach((d, i) => {
      if (d.stage !== null) append(this.byStage, d.stage, i);
      for (const owner of ownerPaths(d.path)) append(this.byPath, owner, i);
    });
  }

  /**
   * The findings about the element at JSON path `path` — on it or inside it, but not inside an
   * inner stage or edge of a group — and, for a stage (`stageName` set), those naming it; errors
   * first, otherwise in list order. Returns the same array for the same question.
   */
  about(stageName: string | null, path: string): readonly PatternDiagnostic[] {
    const key = `${stageName ?? ""}\u0000${path}`;
    const known = this.answers.get(key);
    if (known) return known;
    const positions = new Set([
      ...(stageName === null ? [] : (this.byStage.get(stageName) ?? [])),
      ...(this.byPath.get(path) ?? []),
    ]);
    const found = [...positions]
      .sort((a, b) => a - b)
      .flatMap((i) => this.diagnostics[i] ?? [])
      .sort(bySeverity);
    this.answers.set(key, found);
    return found;
  }
}

const indexes = new WeakMap<readonly PatternDiagnostic[], DiagnosticIndex>();

/** The index of `diagnostics`, built on first use and kept while the list lives. */
export function diagnosticIndexOf(diagnostics: readonly PatternDiagnostic[]): DiagnosticIndex {
  let index = indexes.get(diagnostics);
  if (!index) {
    index = new DiagnosticIndex(diagnostics);
    indexes.set(diagnostics, index);
  }
  return index;
}

/**
 * Every element path that owns a finding at `path`: each non-empty prefix ending where a segment
 * ends (`.`, `[` or the end) whose remainder does not enter an inner stage or edge.
 */
function ownerPaths(path: string): string[] {
  const owners: string[] = [];
  for (let end = 1; end <= path.length; end++) {
    const next = path.charAt(end);
    if (next !== "" && next !== "." && next !== "[") continue;
    const rest = path.slice(end);
    if (INNER_ELEMENT.some((inner) => rest.startsWith(inner))) continue;
    owners.push(path.slice(0, end));
  }
  return owners;
}

function append(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}
