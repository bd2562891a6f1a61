/**
 * Event records as JSON data: the same result as `parseJsonText(text, { bigIntegers: "string" })`
 * without its warnings, but through `JSON.parse` whenever that is exact, because event files are
 * millions of small records and the engine's own parser reads them two to three times faster
 * than ours (REES46-like lines, Node 20).
 *
 * Texts without a run of 16+ digits go straight to `JSON.parse`; in the others the integer
 * literals a double cannot hold are first quoted (a regular expression that skips string
 * literals). Whatever `JSON.parse` refuses, and anything that might be nested too deep, goes to
 * the hand-written parser, which writes every error message. So does a record whose value holds
 * Infinity (a literal such as `1e400`, refused there) or fewer keys than the text has `"…":`
 * separators (a duplicate key, warned about there; or a string holding `":`, a false alarm).
 * One walk over the parsed value and one pass over the text's colons check both: about 8 % more
 * time per REES46-like line, the price of never reading a row other than Flink would.
 */
import { MAX_JSON_DEPTH, MAX_JSON_TEXT_LENGTH, parseJsonText } from "./jsonText.ts";
import type { JsonSyntaxProblem, JsonTextWarning } from "./jsonText.ts";

/** A JSON value as read here: integers that a double cannot hold exactly are digit strings. */
export type JsonData = null | boolean | number | string | JsonData[] | { [key: string]: JsonData };

/** A record's value with its duplicate keys (usually none), or where and why it cannot be read. */
export type JsonDataResult =
  | { readonly ok: true; readonly value: JsonData; readonly warnings: readonly JsonTextWarning[] }
  | { readonly ok: false; readonly problem: JsonSyntaxProblem };

const NO_WARNINGS: readonly JsonTextWarning[] = Object.freeze([]);

/** The bounds of {@link parseJsonData}; defaults as for `parseJsonText`. */
export interface JsonDataOptions {
  readonly maxLength?: number;
  readonly maxDepth?: number;
}

/**
 * A JSON string literal, or an integer literal of 16+ digits in value position: after `:`, `,`,
 * `[` or at the start (so not a fraction, an exponent or a bare key), without a leading zero
 * (which JSON refuses, so quoting it must not make it valid), and not followed by `.`, `e` or
 * more digits (so an integer).
 */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<=(?:^|[:,[])[ \t\n\r]*)-?[1-9]\d{15,}(?![\d.eE])/g;

/**
 * Parses one record's text losslessly: integers beyond 2^53 become their digit strings, numbers
 * beyond a double's range are a problem at their path, duplicate keys keep the last value (with
 * a warning each), `__proto__` is a plain key.
 */
export function parseJsonData(text: string, options: JsonDataOptions = {}): JsonDataResult {
  const maxLength = options.maxLength ?? MAX_JSON_TEXT_LENGTH;
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  if (text.length <= maxLength && mayNestAtMost(text, maxDepth)) {
    try {
      const exactText = mayHoldLongInteger(text)
        ? text.replace(STRING_OR_LONG_INTEGER, quoteUnsafeInteger)
        : text;
      const value = JSON.parse(exactText) as JsonData;
      if (keyCount(value) === keySeparators(text)) return { ok: true, value, warnings: NO_WARNINGS };
    } catch {
      // The hand-written parser finds the position and says what is wrong.
    }
  }
  const result = parseJsonText(text, { maxLength, maxDepth, bigIntegers: "string" });
  return result.ok ? { ok: true, value: result.value as JsonData, warnings: result.warnings } : result;
}

/**
 * Whether `text` has a run of 16+ digits (an integer a double may not hold) that is not a whole
 * string literal. Ids such as REES46's `"category_id":"2053013087214557351"` are quoted already,
 * and quoting the unquoted ones would otherwise scan every such record with a regular expression
 * for nothing. A run followed by `"` is inside a string in any text `JSON.parse` accepts: a number
 * token cannot touch a string token. A loop over char codes, as this runs on every
 * record and a regular expression retries at every digit.
 */
function mayHoldLongInteger(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      run++;
      continue;
    }
    if (run >= 16 && c !== 0x22) return true;
    run = 0;
  }
  return run >= 16;
}

/** How many keys `value`'s objects hold, all levels; -1 when it holds a non-finite number. */
function keyCount(value: JsonData): number {
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const n = itemKeys(item);
      if (n < 0) return -1;
      keys += n;
    }
    return keys;
  }
  if (value === null || typeof value !== "object") return itemKeys(value);
  for (const key in value) {
    const n = itemKeys(value[key] ?? null);
    if (n < 0) return -1;
    keys += n + 1;
  }
  return keys;
}

function itemKeys(value: JsonData): number {
  if (typeof value === "number") return value - value === 0 ? 0 : -1;
  return value !== null && typeof value === "object" ? keyCount(value) : 0;
}

/**
 * How many `:` follow a `"` (JSON whitespace between). Every key is followed by one; outside keys
 * only a string holding `":` makes one, so a count above the parsed keys means a duplicate key,
 * or that false alarm.
 */
function keySeparators(text: string): number {
  let count = 0;
  for (let i = text.indexOf(":"); i !== -1; i = text.indexOf(":", i + 1)) {
    let j = i - 1;
    let c = text.charCodeAt(j);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(--j);
    if (c === 0x22) count++;
  }
  return count;
}

/**
 * True when `text` cannot hold values nested deeper than `maxDepth`: valid JSON nested `d`
 * deep is at least `2d` long and has at least `d` opening brackets.
 */
function mayNestAtMost(text: string, maxDepth: number): boolean {
  if (text.length <= 2 * maxDepth) return true;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x5b || c === 0x7b) && ++open > maxDepth) return false;
  }
  return true;
}

function quoteUnsafeInteger(token: string): string {
  if (token.charCodeAt(0) === 0x22 || Number.isSafeInteger(Number(token))) return token;
  return `"${token}"`;
}
