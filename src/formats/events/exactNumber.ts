/**
 * When a number written as text may become a JavaScript number without losing anything.
 *
 * Identifiers such as REES46 `category_id` (2232732093077520756) exceed 2^53 and must survive
 * digit for digit, so they stay strings. Zip codes and ids such as `007` stay strings too.
 */

/** JSON's number grammar (no leading zeros, no `+`, no bare `.5` or `5.`). */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const JSON_INTEGER = /^-?(?:0|[1-9]\d*)$/;

/**
 * What {@link exactNumberFromText} returns for a decimal or exponent literal beyond a double's
 * range (`1e400`, `-2.5E999`): Jackson would read it as ±Infinity, so it is neither a number
 * nor text to keep, but a cell to report.
 */
export const BEYOND_DOUBLE: unique symbol = Symbol("beyond a double's range");

/**
 * Reads a CSV cell as a number when that is exact, else returns null (keep the text).
 *
 * Rules:
 * - the text must be a JSON number literal: `"007"`, `"+5"`, `" 5"`, `".5"`, `"1,5"` stay text;
 * - an integer literal becomes a number only if it is a safe integer (|n| ≤ 2^53 − 1); longer
 *   ones stay digit strings however long (Jackson reads them as `BigInteger`);
 * - a decimal or exponent literal becomes a number only if the double prints back to the same
 *   decimal value (`"167.20"` → 167.2 is exact; `"0.10000000000000000001"` is not), and is
 *   {@link BEYOND_DOUBLE} when a double cannot hold it at all;
 * - `-0` stays text (a double would print it as `0`).
 */
export function exactNumberFromText(text: string): number | typeof BEYOND_DOUBLE | null {
  if (!JSON_NUMBER.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return JSON_INTEGER.test(text) ? null : BEYOND_DOUBLE;
  if (Object.is(value, -0)) return null;
  // Fast path: without an exponent, at most 15 digits (so |value| is within 1e±15) always
  // round-trips through a double (DBL_DIG = 15).
  if (text.length <= 16 && countDigits(text) <= 15 && !/[eE]/.test(text)) return value;
  if (JSON_INTEGER.test(text)) return Number.isSafeInteger(value) ? value : null;
  return sameDecimal(text, String(value)) ? value : null;
}

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

interface Decimal {
  readonly negative: boolean;
  /** Significant digits without leading or trailing zeros ("" for zero). */
  readonly digits: string;
  /** Power of ten of the digit after the last one in `digits`. */
  readonly exponent: number;
}

function sameDecimal(a: string, b: string): boolean {
  const x = toDecimal(a);
  const y = toDecimal(b);
  if (x.digits === "" || y.digits === "") return x.digits === y.digits;
  return x.negative === y.negative && x.digits === y.digits && x.exponent === y.exponent;
}

function toDecimal(text: string): Decimal {
  const negative = text.startsWith("-");
  const unsigned = negative ? text.slice(1) : text;
  const [mantissa = "", exponentText] = unsigned.split(/[eE]/);
  const [whole = "", fraction = ""] = mantissa.split(".");
  let digits = whole + fraction;
  let exponent = (exponentText === undefined ? 0 : Number(exponentText)) - fraction.length;
  digits = digits.replace(/^0+/, "");
  const trimmed = digits.replace(/0+$/, "");
  exponent += digits.length - trimmed.length;
  return { negative, digits: trimmed, exponent };
}
