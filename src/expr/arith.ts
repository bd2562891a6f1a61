/**
 * Aviator arithmetic (`AviatorLong`, `AviatorDouble`, `AviatorBigInt`, `AviatorString.add`…):
 *
 * - long ∘ long stays a long with Java's 64-bit wrap-around (Aviator does not promote on overflow;
 *   only integer *literals* beyond the long range become BigInts); `/` truncates, `%` keeps the
 *   dividend's sign, and both throw on a zero divisor.
 * - anything ∘ double is a double (IEEE, `%` is fmod); bigint ∘ long/bigint is an exact bigint,
 *   where `%` is `BigInteger.mod` (non-negative, positive modulus required).
 * - `+` concatenates when either side is a string, formatting the other side as Java would
 *   (`'a' + 1.0` is `"a1.0"`, `'a' + nil` is `"anull"`); seqs/maps only concatenate on the right.
 * - nil, booleans and other values are errors in arithmetic.
 */

import { ExprRuntimeError } from "./errors.ts";
import {
  JBigInt,
  JDouble,
  Kind,
  MAX_LONG,
  MIN_LONG,
  PatternValue,
  describe,
  doubleToLong,
  javaToString,
  kindOf,
  makeBigInt,
  makeDouble,
  makeLong,
  toBigInt,
  toDouble,
  toJavaInt,
  type Value,
} from "./values.ts";

/** Longest string `+` may build; beyond it evaluation fails instead of exhausting memory. */
export const MAX_STRING_LENGTH = 1 << 24;
/** Largest bigint (in bits) arithmetic may build. */
export const MAX_BIGINT_BITS = 1 << 16;

type NumOp = "+" | "-" | "*" | "/" | "%";
const OP_VERB: Readonly<Record<NumOp, string>> = {
  "+": "add",
  "-": "sub",
  "*": "mult",
  "/": "div",
  "%": "mod",
};

/** Long, double or bigint class of a numeric value, or Other when it is not a number. */
function numKind(v: Value): Kind {
  switch (typeof v) {
    case "number":
      return Number.isSafeInteger(v) ? Kind.Long : Kind.Double;
    case "bigint":
      return v >= MIN_LONG && v <= MAX_LONG ? Kind.Long : Kind.BigInt;
    case "object":
      if (v instanceof JDouble) return Kind.Double;
      if (v instanceof JBigInt) return Kind.BigInt;
      return Kind.Other;
    default:
      return Kind.Other;
  }
}

function cannot(op: NumOp, a: Value, b: Value): ExprRuntimeError {
  return new ExprRuntimeError(`could not ${OP_VERB[op]} ${describe(a)} with ${describe(b)}`);
}

/** Guards bigint growth so one expression cannot stall the worker computing a huge number. */
export function checkBigIntSize(x: bigint): bigint {
  const magnitude = x < 0n ? -x : x;
  if (magnitude >> BigInt(MAX_BIGINT_BITS) !== 0n) {
    throw new ExprRuntimeError(`bigint result exceeds ${MAX_BIGINT_BITS} bits`);
  }
  return x;
}

/** Concatenation with the length guard. */
export function concat(a: string, b: string): string {
  if (a.length + b.length > MAX_STRING_LENGTH) {
    throw new ExprRuntimeError(`string result exceeds ${MAX_STRING_LENGTH} characters`);
  }
  return a + b;
}

/** Applies a numeric operator to two numbers of known kinds. */
function numeric(op: NumOp, a: Value, ka: Kind, b: Value, kb: Kind): Value {
  if (ka === Kind.Double || kb === Kind.Double) {
    const x = toDouble(a);
    const y = toDouble(b);
    switch (op) {
      case "+":
        return makeDouble(x + y);
      case "-":
        return makeDouble(x - y);
      case "*":
        return makeDouble(x * y);
      case "/":
        return makeDouble(x / y);
      default:
        return makeDouble(x % y);
    }
  }
  const x = toBigInt(a);
  const y = toBigInt(b);
  const big = ka === Kind.BigInt || kb === Kind.BigInt;
  if ((op === "/" || op === "%") && y === 0n) {
    throw new ExprRuntimeError(big ? "BigInteger divide by zero" : "/ by zero");
  }
  let r: bigint;
  switch (op) {
    case "+":
      r = x + y;
      break;
    case "-":
      r = x - y;
      break;
    case "*":
      r = big ? checkBigIntSize(x * y) : x * y;
      break;
    case "/":
      r = x / y; // BigInt division truncates toward zero, like Java
      break;
    default:
      if (big) {
        if (y < 0n) throw new ExprRuntimeError("BigInteger: modulus not positive");
        r = ((x % y) + y) % y;
      } else {
        r = x % y;
      }
  }
  return big ? makeBigInt(r) : makeLong(r);
}

/** Aviator `+`: numeric addition or string concatenation. */
export function add(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number" && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    const r = a + b;
    return Number.isSafeInteger(r) ? r : makeLong(BigInt(a) + BigInt(b));
  }
  if (typeof a === "string") return concat(a, javaToString(b));
  const ka = numKind(a);
  const kb = numKind(b);
  if (ka !== Kind.Other && kb !== Kind.Other) return numeric("+", a, ka, b, kb);
  if (typeof b === "string") {
    // number/boolean/nil/pattern + string concatenate; seqs, maps and functions do not (Aviator).
    if (ka !== Kind.Other || a == null || typeof a === "boolean" || a instanceof PatternValue) {
      return concat(javaToString(a), b);
    }
  }
  throw cannot("+", a, b);
}

/** Aviator `-`, `*`, `/`, `%` (numbers only). */
export function arithmetic(op: "-" | "*" | "/" | "%", a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number" && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    switch (op) {
      case "-": {
        const r = a - b;
        if (Number.isSafeInteger(r)) return r;
        break;
      }
      case "*": {
        const r = a * b;
        if (Number.isSafeInteger(r)) return r + 0; // −1 * 0 is a long zero, not −0
        break;
      }
      case "/":
        if (b !== 0) return (a - (a % b)) / b + 0; // exact truncating division
        throw new ExprRuntimeError("/ by zero");
      default:
        if (b !== 0) return (a % b) + 0;
        throw new ExprRuntimeError("/ by zero");
    }
  }
  const ka = numKind(a);
  const kb = numKind(b);
  if (ka === Kind.Other || kb === Kind.Other) throw cannot(op, a, b);
  return numeric(op, a, ka, b, kb);
}

/** Aviator unary `-`. */
export function negate(a: Value): Value {
  if (typeof a === "number") return Number.isSafeInteger(a) ? 0 - a : -a;
  if (typeof a === "bigint") return a >= MIN_LONG && a <= MAX_LONG ? makeLong(-a) : -a;
  if (a instanceof JDouble) return new JDouble(-a.value);
  if (a instanceof JBigInt) return makeBigInt(-a.value);
  throw new ExprRuntimeError(`${describe(a)} doesn't support negative operation '-'`);
}

/**
 * Aviator `**` (`Utils.exponent`): a bigint base stays exact (`BigInteger.pow(exp.intValue())`);
 * otherwise `Math.pow`, truncated to a long unless a double or a negative exponent is involved.
 */
export function power(a: Value, b: Value): Value {
  const ka = numKind(a);
  const kb = numKind(b);
  if (ka === Kind.Other || kb === Kind.Other) {
    throw new ExprRuntimeError(`could not exponent ${describe(a)} with ${describe(b)}`);
  }
  if (ka === Kind.BigInt) {
    const exp = toJavaInt(b);
    if (exp < 0) throw new ExprRuntimeError("BigInteger: negative exponent");
    const base = toBigInt(a);
    const bits = base < 0n ? (-base).toString(2).length : base.toString(2).length;
    if (base > 1n || base < -1n) {
      if (bits * exp > MAX_BIGINT_BITS)
        throw new ExprRuntimeError(`bigint result exceeds ${MAX_BIGINT_BITS} bits`);
    }
    return makeBigInt(base ** BigInt(exp));
  }
  const r = Math.pow(toDouble(a), toDouble(b));
  if (ka === Kind.Double || kb === Kind.Double || toDouble(b) < 0) return makeDouble(r);
  return doubleToLong(r);
}

type BitOp = "&" | "|" | "^" | "<<" | ">>" | ">>>";

/**
 * Aviator bitwise operators: longs only (a double operand is an error); a bigint left operand
 * works with long/bigint right operands for `&`, `|`, `^` and with a long shift count.
 */
export function bitwise(op: BitOp, a: Value, b: Value): Value {
  const shift = op === "<<" || op === ">>" || op === ">>>";
  if (!shift && typeof a === "number" && typeof b === "number" && isInt32(a) && isInt32(b)) {
    return op === "&" ? a & b : op === "|" ? a | b : a ^ b;
  }
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === Kind.Long && kb === Kind.Long) return bigBit(op, a, b, false);
  if (ka === Kind.BigInt && (kb === Kind.Long || (!shift && kb === Kind.BigInt)))
    return bigBit(op, a, b, true);
  throw new ExprRuntimeError(`could not apply '${op}' to ${describe(a)} and ${describe(b)}`);
}

function isInt32(x: number): boolean {
  return (x | 0) === x;
}

function bigBit(op: BitOp, a: Value, b: Value, big: boolean): Value {
  const x = toBigInt(a);
  const y = toBigInt(b);
  if (big) {
    switch (op) {
      case "&":
        return makeBigInt(x & y);
      case "|":
        return makeBigInt(x | y);
      case "^":
        return makeBigInt(x ^ y);
      case "<<": {
        const n = Number(BigInt.asIntN(32, y));
        if (n > MAX_BIGINT_BITS) throw new ExprRuntimeError(`bigint result exceeds ${MAX_BIGINT_BITS} bits`);
        return makeBigInt(checkBigIntSize(n >= 0 ? x << BigInt(n) : x >> BigInt(-n)));
      }
      default: {
        const n = Number(BigInt.asIntN(32, y));
        if (-n > MAX_BIGINT_BITS) throw new ExprRuntimeError(`bigint result exceeds ${MAX_BIGINT_BITS} bits`);
        return makeBigInt(n >= 0 ? x >> BigInt(n) : checkBigIntSize(x << BigInt(-n)));
      }
    }
  }
  const count = BigInt(Number(BigInt.asUintN(6, y))); // Java masks long shift counts to 6 bits
  switch (op) {
    case "&":
      return makeLong(x & y);
    case "|":
      return makeLong(x | y);
    case "^":
      return makeLong(x ^ y);
    case "<<":
      return makeLong(x << count);
    case ">>":
      return makeLong(x >> count);
    default:
      return makeLong(BigInt.asUintN(64, x) >> count);
  }
}

/** Aviator `~`: bitwise complement of a long or bigint. */
export function bitNot(a: Value): Value {
  if (typeof a === "number" && Number.isSafeInteger(a)) return -a - 1;
  const k = kindOf(a);
  if (k === Kind.Long) return makeLong(~toBigInt(a));
  if (k === Kind.BigInt) return makeBigInt(~toBigInt(a));
  throw new ExprRuntimeError(`${describe(a)} doesn't support bit not operation '~'`);
}
