/**
 * Aviator's `math.*` functions (`runtime/function/math/*`): abs keeps the argument's type,
 * round returns a long (`Math.round`), floor/ceil and the rest return doubles, pow stays exact
 * for bigint bases. Aviator's `math.log` of a bigint yields a BigDecimal; we return a double.
 */

import { checkBigIntSize, MAX_BIGINT_BITS } from "../arith.ts";
import { ExprRuntimeError } from "../errors.ts";
import {
  JBigInt,
  JDouble,
  Kind,
  doubleToLong,
  kindOf,
  makeBigInt,
  makeDouble,
  makeLong,
  toBigInt,
  toDouble,
  toJavaInt,
  type Value,
} from "../values.ts";
import { builtin, numberArg, type Builtin } from "./types.ts";

/** A `math.*` function of one double argument returning a double. */
function unary(name: string, doc: string, f: (x: number) => number): Builtin {
  const impl = (x: Value): Value => makeDouble(f(toDouble(numberArg(name, x, 1))));
  return builtin(name, 1, 1, doc, (_, [x]) => impl(x), { call1: (_, x) => impl(x) });
}

function abs(x: Value): Value {
  const v = numberArg("math.abs", x, 1);
  if (typeof v === "number") return Math.abs(v); // a long stays a long, a plain double a double
  if (v instanceof JDouble) return new JDouble(Math.abs(v.value));
  if (v instanceof JBigInt) return makeBigInt(v.value < 0n ? -v.value : v.value);
  const b = v as bigint;
  // A long: Math.abs(Long.MIN_VALUE) overflows back to MIN_VALUE in Java.
  return kindOf(b) === Kind.Long ? makeLong(b < 0n ? -b : b) : b < 0n ? -b : b;
}

function round(x: Value): Value {
  const d = toDouble(numberArg("math.round", x, 1));
  // Java Math.round: floor(d + 0.5) computed exactly; NaN → 0; saturates at the long range.
  return doubleToLong(Math.round(d));
}

function pow(x: Value, y: Value): Value {
  const base = numberArg("math.pow", x, 1);
  const exp = numberArg("math.pow", y, 2);
  if (kindOf(base) === Kind.BigInt) {
    const n = toJavaInt(exp);
    if (n < 0) throw new ExprRuntimeError("math.pow: BigInteger: negative exponent");
    const b = toBigInt(base);
    const bits = (b < 0n ? -b : b).toString(2).length;
    if ((b > 1n || b < -1n) && bits * n > MAX_BIGINT_BITS) {
      throw new ExprRuntimeError(`math.pow: bigint result exceeds ${MAX_BIGINT_BITS} bits`);
    }
    return makeBigInt(checkBigIntSize(b ** BigInt(n)));
  }
  return makeDouble(Math.pow(toDouble(base), toDouble(exp)));
}

/** The `math.*` builtins. */
export const mathFunctions: readonly Builtin[] = [
  builtin("math.abs", 1, 1, "math.abs(x): absolute value, same type as x", (_, [x]) => abs(x), {
    call1: (_, x) => abs(x),
  }),
  builtin("math.round", 1, 1, "math.round(x): nearest long (half up)", (_, [x]) => round(x), {
    call1: (_, x) => round(x),
  }),
  unary("math.floor", "math.floor(x): largest integral double ≤ x", Math.floor),
  unary("math.ceil", "math.ceil(x): smallest integral double ≥ x", Math.ceil),
  builtin("math.pow", 2, 2, "math.pow(x, y): x to the power y", (_, [x, y]) => pow(x, y)),
  unary("math.sqrt", "math.sqrt(x): square root", Math.sqrt),
  unary("math.log", "math.log(x): natural logarithm", Math.log),
  unary("math.log10", "math.log10(x): base-10 logarithm", Math.log10),
  unary("math.sin", "math.sin(x): sine (radians)", Math.sin),
  unary("math.cos", "math.cos(x): cosine (radians)", Math.cos),
  unary("math.tan", "math.tan(x): tangent (radians)", Math.tan),
  unary("math.asin", "math.asin(x): arc sine", Math.asin),
  unary("math.acos", "math.acos(x): arc cosine", Math.acos),
  unary("math.atan", "math.atan(x): arc tangent", Math.atan),
];
