/**
 * Event records as JSON data: the same result as `parseJsonText(text, { bigIntegers: "string" })`
 * without its warnings, but through `JSON.parse` whenever that is exact, because event files are
 * millions of small records and the engine's own parser reads them two to three times faster
 * than ours (REES46-like lines, Node 20).
 *
 * Texts without a run of 16+ digits go straight to `JSON.parse`; in the others the integer
 * literals a double cannot hold are first quoted (a regular expression that skips string
 * literals). Whatever `JSON.parse` refuses, and anything that might be nested too deep, goes to
 * the hand-written parser, which writes every error message.
 */
import { MAX_JSON_DEPTH, MAX_JSON_TEXT_LENGTH, parseJsonText } from "./jsonText.ts";
import type { JsonSyntaxProblem } from "./jsonText.ts";

/** A JSON value as read here: integers that a double cannot hold exactly are digit strings. */
export type JsonData = null | boolean | number | string | JsonData[] | { [key: string]: JsonData };

/** A record's value, or where and why its text is not JSON. */
export type JsonDataResult =
  | { readonly ok: true; readonly value: JsonData }
  | { readonly ok: false; readonly problem: JsonSyntaxProblem };

/** The bounds of {@link parseJsonData}; defaults as for `parseJsonText`. */
export interface JsonDataOptions {
  readonly maxLength?: number;
  readonly maxDepth?: number;
}

/** A run of 16 or more digits may be an integer a double cannot hold. */
const LONG_DIGIT_RUN = /\d{16}/;

/**
 * A JSON string literal, or an integer literal of 16+ digits in value position: after `:`, `,`,
 * `[` or at the start (so not a fraction, an exponent or a bare key), without a leading zero
 * (which JSON refuses, so quoting it must not make it valid), and not followed by `.`, `e` or
 * more digits (so an integer).
 */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<=(?:^|[:,[])[ \t\n\r]*)-?[1-9]\d{15,}(?![\d.eE])/g;

/**
 * Parses one record's text losslessly: integers beyond 2^53 become their digit strings,
 * duplicate keys keep the last value (silently), `__proto__` is a plain key.
 */
export function parseJsonData(text: string, options: JsonDataOptions = {}): JsonDataResult {
  const maxLength = options.maxLength ?? MAX_JSON_TEXT_LENGTH;
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  if (text.length <= maxLength && mayNestAtMost(text, maxDepth)) {
    try {
      const exactText = LONG_DIGIT_RUN.test(text)
        ? text.replace(STRING_OR_LONG_INTEGER, quoteUnsafeInteger)
        : text;
      return { ok: true, value: JSON.parse(exactText) as JsonData };
    } catch {
      // The hand-written parser finds the position and says what is wrong.
    }
  }
  const result = parseJsonText(text, { maxLength, maxDepth, bigIntegers: "string" });
  return result.ok ? { ok: true, value: result.value as JsonData } : result;
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
