/**
 * Literal values exactly as Aviator's lexer computes them.
 *
 * Aviator does not parse decimals with `Double.parseDouble`: `ExpressionLexer` accumulates the
 * digits in a double (`dval += digit / d`, then multiplies or divides by 10 once per exponent
 * step). The result can differ from the correctly rounded value in the last bit (`99.99` is
 * 99.99000000000001, so on Flink `price == 99.99` is false for a price parsed as 99.99), and a
 * comparison against a boundary value can flip on that bit, so we replay the same arithmetic to
 * get the very same doubles Flink will see.
 */

import type { NumberKind } from "./ast.ts";
import { MAX_LONG } from "./values.ts";

/** The run-time reading of a numeric literal. */
export interface NumberLiteralValue {
  readonly kind: NumberKind;
  /** number when exact and safe (doubles, longs within ±(2^53−1)); bigint otherwise. */
  readonly value: number | bigint;
}

/** Aviator's double accumulation for a decimal literal such as `1.25` or `3e-2`. */
function aviatorDouble(text: string): number {
  let dval = 0;
  let d = 10;
  let seenDot = false;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      seenDot = true; // '.'
    } else if (c === 101 || c === 69) {
      break; // 'e' / 'E'
    } else {
      const digit = c - 48;
      if (seenDot) {
        dval = dval + digit / d;
        d = d * 10;
      } else {
        dval = 10 * dval + digit;
      }
    }
  }
  if (i < text.length) {
    let j = i + 1;
    const negative = text.charAt(j) === "-";
    if (negative) j++;
    let n = 0;
    for (; j < text.length; j++) n = (10 * n + (text.charCodeAt(j) - 48)) | 0; // Java int arithmetic
    // Beyond ~2000 steps the value is already 0 or Infinity: stop early, same result.
    for (let k = Math.min(n, 2000); k > 0; k--) dval = negative ? dval / 10 : 10 * dval;
  }
  return dval;
}

/** Evaluates a numeric literal as written (the lexer guarantees its shape). */
export function numberLiteralValue(raw: string): NumberLiteralValue {
  const last = raw.charAt(raw.length - 1);
  if (raw.startsWith("0x") || raw.startsWith("0X")) {
    // Aviator accumulates hex digits in a long, so overflow wraps.
    const n = BigInt.asIntN(64, BigInt(`0x${raw.slice(2)}`));
    return { kind: "long", value: safe(n) };
  }
  if (last === "N") return { kind: "bigint", value: BigInt(raw.slice(0, -1)) };
  if (last === "M") return { kind: "decimal", value: Number(raw.slice(0, -1)) };
  if (/[.eE]/.test(raw)) return { kind: "double", value: aviatorDouble(raw) };
  const n = BigInt(raw);
  // Integers beyond the long range become BigIntegers in Aviator.
  return n > MAX_LONG ? { kind: "bigint", value: n } : { kind: "long", value: safe(n) };
}

function safe(n: bigint): number | bigint {
  return n >= -BigInt(Number.MAX_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

/** Escapes a string for a single-quoted Aviator literal. */
export function quoteString(value: string): string {
  let out = "'";
  for (const ch of value) {
    switch (ch) {
      case "\\":
        out += "\\\\";
        break;
      case "'":
        out += "\\'";
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      case "\b":
        out += "\\b";
        break;
      case "\f":
        out += "\\f";
        break;
      case "#":
        out += "\\#"; // an unescaped '#{' would be string interpolation in Aviator
        break;
      default:
        out += ch;
    }
  }
  return `${out}'`;
}
