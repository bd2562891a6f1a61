/**
 * What the dynamic-CEP importers report: a JSON path and a message, plus the source position
 * when the input came from text.
 */

/** A 1-based position in a source file. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One import problem or remark. */
export interface Diagnostic {
  /** JSON path of the offending value (`nodes[2].quantifier.times.from`); "" for the document itself. */
  readonly path: string;
  readonly message: string;
  /** Where the value starts in the source text (set by the text readers, e.g. `parseRuleSetText`). */
  readonly location?: SourceLocation;
}

/** An import's outcome: the value with any warnings, or every error found (plus warnings so far). */
export type ImportResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: Diagnostic[] }
  | { readonly ok: false; readonly errors: Diagnostic[]; readonly warnings: Diagnostic[] };

/** `file:line:col: path: message`, leaving out what the diagnostic does not have. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { location, path, message } = diagnostic;
  const where = location ? `${location.file}:${location.line}:${location.column}: ` : "";
  return `${where}${path === "" ? "" : `${path}: `}${message}`;
}
