/**
 * What the event readers check in a record's raw text before reading it, the same for CSV, JSON
 * Lines and JSON arrays (so the CLI and the simulator say the same thing about one file):
 *
 * - its size: one event is at most {@link MAX_RECORD_LENGTH}, the bound of a JSON text, so one
 *   runaway record cannot hold the reader's memory or the tables that show it;
 * - its encoding: readers get text decoded as UTF-8 (`TextDecoder`, Node's `setEncoding`). UTF-16
 *   decoded that way is full of NUL characters, and a byte that is not UTF-8 (Latin-1's `ü`)
 *   decodes as U+FFFD: the first makes the file unreadable, the second is read with a warning.
 */
import { MAX_JSON_TEXT_LENGTH } from "../json/jsonText.ts";

/** The longest record (UTF-16 code units) a reader reads: 10 MiB, as a JSON text. */
export const MAX_RECORD_LENGTH = MAX_JSON_TEXT_LENGTH;

/** `12.3 MB` (MiB, as the JSON reader writes sizes). */
export function sizeText(length: number): string {
  return `${(length / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a record of `length` code units is skipped, or null when it is not too long. */
export function recordLengthProblem(length: number): string | null {
  return length <= MAX_RECORD_LENGTH ? null : recordTooLong(length);
}

/** Why a record of `length` code units, known to be over {@link MAX_RECORD_LENGTH}, is skipped. */
export function recordTooLong(length: number): string {
  return `the record is ${sizeText(length)}, over the ${sizeText(MAX_RECORD_LENGTH)} an event may be`;
}

/** The character a UTF-8 decoder puts where bytes are not UTF-8. */
export const REPLACEMENT_CHARACTER = "\uFFFD";

/** The warning for a record holding {@link REPLACEMENT_CHARACTER} at `where` (`column 'city'`). */
export function notUtf8Warning(where: string): string {
  return `${where}: bytes that are not UTF-8, read as '\uFFFD' (is the file Latin-1 or Windows-1252? save it as UTF-8)`;
}

/**
 * Why `text` (a file's first line, or its first bytes) is not UTF-8 text, or null. Only NUL
 * characters are looked at: text never holds them, UTF-16 holds one beside every ASCII
 * character, and pictures, spreadsheets and archives hold them in their first bytes.
 */
export function textEncodingProblem(text: string): string | null {
  return text.includes("\u0000") ? nulProblem(text) : null;
}

/** How many of a file's first characters tell UTF-16 from other text holding NUL characters. */
export const ENCODING_HEAD_LENGTH = 64;

/**
 * Why a file whose first line holds a NUL is not UTF-8 text, judged from `head`: its first line,
 * or at least its first {@link ENCODING_HEAD_LENGTH} characters (all that is looked at).
 */
export function nulProblem(head: string): string {
  if (looksLikeUtf16(head)) {
    return "the file is UTF-16 text, not UTF-8 (a NUL byte between its characters): save it as UTF-8";
  }
  return "the file is not a text file (it holds NUL bytes): CEP Studio reads CSV, JSON and JSON Lines text";
}

/**
 * UTF-16 of mostly ASCII text, decoded as UTF-8: a byte-order mark (FF FE or FE FF, two U+FFFD),
 * or a NUL at every other position of its first characters.
 */
function looksLikeUtf16(text: string): boolean {
  if (text.startsWith("\uFFFD\uFFFD")) return true;
  const head = text.slice(0, ENCODING_HEAD_LENGTH);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head.charCodeAt(i) === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return Math.max(even, odd) >= head.length / 2 - 1 && Math.min(even, odd) === 0;
}
