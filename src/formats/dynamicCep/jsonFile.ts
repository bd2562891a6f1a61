/**
 * JSON text as the importers see it: `parseJsonText` (src/formats/json) with its syntax problem
 * and duplicate-key warnings turned into {@link Diagnostic}s at `file:line:col`, and the
 * importers' own diagnostics pointed back at the value they concern. Integers beyond 2^53 come
 * back as `bigint`, which `importRule` reads as exact numeric ids.
 */
import { parentPath } from "../json/jsonPath.ts";
import { locateJsonPaths, parseJsonText } from "../json/jsonText.ts";
import type { JsonTextOptions, JsonTextPosition } from "../json/jsonText.ts";
import type { Diagnostic, ImportResult, SourceLocation } from "./diagnostics.ts";

/** Bounds for a JSON file (number handling is fixed: big integers are `bigint`). */
export type JsonFileOptions = Omit<JsonTextOptions, "bigIntegers">;

/**
 * Parses `text` as one JSON value. A syntax error, an over-long text or a number beyond a
 * double's range (with its JSON path) is one error at `fileName:line:col`; duplicate keys are
 * warnings there.
 */
export function parseJsonFile(
  text: string,
  fileName: string,
  options: JsonFileOptions = {},
): ImportResult<unknown> {
  const parsed = parseJsonText(text, { ...options, bigIntegers: "bigint" });
  const at = (position: JsonTextPosition): SourceLocation => ({
    file: fileName,
    line: position.line,
    column: position.column,
  });
  if (!parsed.ok) {
    const { message, path = "" } = parsed.problem;
    const error = { path, message, location: at(parsed.problem) };
    return { ok: false, errors: [error], warnings: [] };
  }
  const warnings = parsed.warnings.map((w) => ({ path: w.path, message: w.message, location: at(w) }));
  return { ok: true, value: parsed.value, warnings };
}

/**
 * Attaches source positions to `diagnostics` about the JSON in `text`: each gets the position of
 * the value at its path, or of the nearest enclosing value that exists (for missing keys).
 */
export function locateDiagnostics(
  text: string,
  fileName: string,
  diagnostics: readonly Diagnostic[],
): Diagnostic[] {
  const wanted = new Set(diagnostics.flatMap((d) => ancestorsOf(d.path)));
  const found = locateJsonPaths(text, wanted);
  return diagnostics.map((d) => {
    if (d.location) return d;
    const position = ancestorsOf(d.path)
      .map((p) => found.get(p))
      .find((o) => o !== undefined);
    return position === undefined
      ? d
      : { ...d, location: { file: fileName, line: position.line, column: position.column } };
  });
}

/** `a.b[1]`, `a.b`, `a`, "" — the path and its ancestors, nearest first. */
function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let p: string | null = path; p !== null; p = parentPath(p)) out.push(p);
  return out;
}
