/**
 * When a number written as text may become a JavaScript number without losing anything.
 *
 * Identifiers such as REES46 `category_id` (2232732093077520756) exceed 2^53 and must survive
 * digit for digit, so they stay strings. Zip codes and ids such as `007` stay strings too.
 */

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
  const scan = scanNumber(text);
  if (scan === NOT_A_NUMBER) return null;
  const shape = scan & 3;
  const value = Number(text);
  if (!Number.isFinite(value)) return shape === INTEGER ? null : BEYOND_DOUBLE;
  if (Object.is(value, -0)) return null;
  // Without an exponent, at most 15 digits (so |value| is within 1e±15) always round-trips
  // through a double (DBL_DIG = 15).
  if (shape !== EXPONENT && scan >> 2 <= 15) return value;
  if (shape === INTEGER) return Number.isSafeInteger(value) ? value : null;
  return sameDecimal(text, String(value)) ? value : null;
}

/** Kinds of number literal {@link scanNumber} tells apart (its answer's two low bits). */
const NOT_A_NUMBER = 0;
const INTEGER = 1;
const DECIMAL = 2;
const EXPONENT = 3;

/**
 * Whether `text` is a JSON number literal (no leading zeros, no `+`, no bare `.5` or `5.`):
 * {@link NOT_A_NUMBER}, or its kind plus 4 × the number of its mantissa's digits (one number,
 * so a cell costs no object). One pass over char codes: every CSV cell comes here, and regular
 * expressions plus a digit count took a seventh of the time of reading a REES46-like CSV.
 */
function scanNumber(text: string): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const first = text.charCodeAt(i);
  if (!isDigit(first)) return NOT_A_NUMBER;
  i++;
  if (first !== 0x30) while (i < n && isDigit(text.charCodeAt(i))) i++;
  let digits = i - (text.charCodeAt(0) === 0x2d ? 1 : 0);
  let shape = INTEGER;
  if (i < n && text.charCodeAt(i) === 0x2e) {
    const start = ++i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === start) return NOT_A_NUMBER;
    digits += i - start;
    shape = DECIMAL;
  }
  if (i < n && (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45)) {
    i++;
    if (i < n && (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d)) i++;
    const start = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === start) return NOT_A_NUMBER;
    shape = EXPONENT;
  }
  return i === n ? digits * 4 + shape : NOT_A_NUMBER;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
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
