/**
 * Which event reader a file needs: the file name's extension and the first character of its
 * content. JSON arrays and JSON Lines are told apart by that character alone (`[` or `{`), which
 * settles the common confusion of JSON Lines saved as `.json`; CSV is everything else.
 */
import { eventFormatOf, type EventFormat } from "../../formats/events/index.ts";

/** How the format was chosen, for the UI to show ("read as JSON Lines: the content starts with '{'"). */
export type FormatSource = "option" | "content" | "file name" | "default";

/** A chosen format and why. */
export interface FormatChoice {
  readonly format: EventFormat;
  readonly source: FormatSource;
}

/**
 * Chooses the reader for a file.
 *
 * - A `.csv` name wins: a CSV header may start with any character.
 * - Otherwise a first non-blank `[` means a JSON array and `{` means JSON Lines, whatever the
 *   name says (a JSON array cannot start with `{`, nor a JSON Lines record with `[`).
 * - Other content keeps a `.json`/`.jsonl` name, so its reader reports what is wrong rather than
 *   reading it as CSV; without a name it is CSV.
 *
 * @param fileName the file's name, or null (pasted text, stdin).
 * @param firstChar the first character that is not whitespace or a byte-order mark, or null
 *   when the input is blank.
 */
export function chooseEventFormat(fileName: string | null, firstChar: string | null): FormatChoice {
  const named = fileName === null ? null : eventFormatOf(fileName);
  if (named === "csv") return { format: "csv", source: "file name" };
  if (firstChar === "[") return { format: "json", source: "content" };
  if (firstChar === "{") return { format: "jsonl", source: "content" };
  if (named !== null) return { format: named, source: "file name" };
  return { format: "csv", source: firstChar === null ? "default" : "content" };
}

/** Index of the first character that is not whitespace or a byte-order mark, or -1. */
export function firstNonBlankIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xfeff) return i;
  }
  return -1;
}
