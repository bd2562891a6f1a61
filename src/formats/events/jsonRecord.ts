/**
 * One JSON event record's text as a {@link ReadItem}, shared by the JSON Lines and JSON array
 * readers: positions inside the record become positions in the file, a value that cannot be read
 * names its path, and duplicate keys or bytes that were not UTF-8 ride on the event as a warning
 * (the row is still read, with the last value, as Flink's Jackson reads it).
 */
import { parseJsonData } from "../json/jsonData.ts";
import { linePositions } from "../../text/lineBreaks.ts";
import { duplicateKeyMessage } from "../json/jsonText.ts";
import type { JsonTextPosition, JsonTextWarning } from "../json/jsonText.ts";
import type { ReadItem } from "./eventReader.ts";
import { jsonRecordItem } from "./eventReader.ts";
import { notUtf8Warning, recordLengthProblem, REPLACEMENT_CHARACTER } from "./recordText.ts";

/**
 * Reads `text`, which starts in the file at `line`, `column` (1-based). A problem is reported on
 * the line it is on, with its column; a warning rides on the event (reported on the record's
 * first line), so it names the line too when the record spans lines and it is not the first.
 */
export function readJsonRecord(text: string, line: number, column: number): ReadItem {
  const tooLong = recordLengthProblem(text.length);
  if (tooLong !== null) return { type: "problem", line, message: tooLong };
  const inFile = (p: JsonTextPosition): JsonTextPosition => ({
    line: line + p.line - 1,
    column: p.line === 1 ? column + p.column - 1 : p.column,
  });
  const result = parseJsonData(text);
  if (!result.ok) {
    const { problem } = result;
    // The problem is reported on its own line, so its column is enough.
    const at = inFile(problem);
    const what = problem.path === undefined ? "invalid JSON" : problem.path;
    return { type: "problem", line: at.line, message: `${what} at column ${at.column}: ${problem.message}` };
  }
  const item = jsonRecordItem(result.value, line);
  if (item.type !== "event") return item;
  const warnings: string[] = [];
  const [first, ...more] = result.warnings;
  const where = (p: JsonTextPosition): string => describe(inFile(p), line);
  if (first !== undefined) warnings.push(duplicateKeys(first, more.length, where));
  const replaced = text.indexOf(REPLACEMENT_CHARACTER);
  if (replaced !== -1) warnings.push(notUtf8Warning(where(linePositions(text)(replaced))));
  return warnings.length === 0 ? item : { ...item, warning: warnings.join("; ") };
}

/** `data.p at column 20: duplicate key "p" (first at column 8); … (and 2 more duplicate keys)`. */
function duplicateKeys(first: JsonTextWarning, more: number, where: (p: JsonTextPosition) => string): string {
  const others = more === 0 ? "" : ` (and ${more} more duplicate key${more === 1 ? "" : "s"})`;
  return `${first.path} at ${where(first)}: ${duplicateKeyMessage(first.key, where(first.first))}${others}`;
}

function describe(at: JsonTextPosition, line: number): string {
  return at.line === line ? `column ${at.column}` : `line ${at.line}, column ${at.column}`;
}
