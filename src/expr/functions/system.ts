/**
 * Aviator's conversion and utility functions (`runtime/function/system/*`): long, double, bigint,
 * str, boolean, type, identity, min, max. Side-effecting or non-deterministic ones (println,
 * rand, sysdate, now…) are left out: conditions must be pure and repeatable.
 */

import { compareValues } from "../compare.ts";
import { ExprRuntimeError } from "../errors.ts";
import {
  JBigInt,
  JDouble,
  Kind,
  MAX_LONG,
  MIN_LONG,
  describe,
  doubleToLong,
  javaToString,
  kindOf,
  makeBigInt,
  makeDouble,
  makeLong,
  toBigInt,
  toDouble,
  typeName,
  type Value,
} from "../values.ts";
import { builtin, type Builtin } from "./types.ts";

const JAVA_LONG = /^[+-]?\d{1,30}$/;
const JAVA_DOUBLE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,6})?[fFdD]?)$/;

/** Java `Long.valueOf(String)`. */
function parseJavaLong(s: string): Value {
  if (!JAVA_LONG.test(s)) throw new ExprRuntimeError(`long: for input string "${s}"`);
  const n = BigInt(s);
  if (n < MIN_LONG || n > MAX_LONG)
    throw new ExprRuntimeError(`long: for input string "${s}" (out of range)`);
  return makeLong(n);
}

/** Java `Double.parseDouble(String)` (decimal forms, NaN, Infinity, an optional d/f suffix). */
function parseJavaDouble(s: string): number {
  // Java trims every character ≤ U+0020 before parsing.
  let from = 0;
  let to = s.length;
  while (from < to && s.charCodeAt(from) <= 32) from++;
  while (to > from && s.charCodeAt(to - 1) <= 32) to--;
  const t = s.slice(from, to);
  if (!JAVA_DOUBLE.test(t)) throw new ExprRuntimeError(`double: for input string "${s}"`);
  if (t.endsWith("NaN")) return NaN;
  if (t.endsWith("Infinity")) return t.startsWith("-") ? -Infinity : Infinity;
  return Number(/[fFdD]$/.test(t) ? t.slice(0, -1) : t);
}

function toLong(x: Value): Value {
  switch (kindOf(x)) {
    case Kind.Boolean:
      return x ? 1 : 0;
    case Kind.Long:
      return x;
    case Kind.Double:
      return doubleToLong(toDouble(x));
    case Kind.BigInt:
      return makeLong(toBigInt(x)); // Java BigInteger.longValue keeps the low 64 bits
    case Kind.String:
      return parseJavaLong(x as string);
    default:
      throw new ExprRuntimeError(`long: could not cast ${describe(x)} to long`);
  }
}

function toDoubleValue(x: Value): Value {
  switch (kindOf(x)) {
    case Kind.Boolean:
      return new JDouble(x ? 1 : 0);
    case Kind.Long:
    case Kind.Double:
    case Kind.BigInt:
      return makeDouble(toDouble(x));
    case Kind.String:
      return makeDouble(parseJavaDouble(x as string));
    default:
      throw new ExprRuntimeError(`double: could not cast ${describe(x)} to double`);
  }
}

function toBigIntValue(x: Value): Value {
  switch (kindOf(x)) {
    case Kind.Boolean:
      return new JBigInt(x ? 1n : 0n);
    case Kind.Long:
    case Kind.Double:
    case Kind.BigInt:
      return makeBigInt(toBigInt(x));
    case Kind.String: {
      const s = x as string;
      if (!/^[+-]?\d{1,4000}$/.test(s)) throw new ExprRuntimeError(`bigint: for input string "${s}"`);
      return makeBigInt(BigInt(s));
    }
    default:
      throw new ExprRuntimeError(`bigint: could not cast ${describe(x)} to bigint`);
  }
}

/** `min(…)` / `max(…)`: Aviator returns nil for min as soon as it meets nil; max skips nils. */
function extreme(fn: string, args: readonly Value[], wantMax: boolean): Value {
  let result: Value = null;
  let first = true;
  for (const x of args) {
    if (x == null) {
      if (!wantMax) return null;
      first = false;
      continue;
    }
    if (!first) {
      const c = compareValues(x, result);
      if (Number.isNaN(c))
        throw new ExprRuntimeError(`${fn}: could not compare ${describe(x)} with ${describe(result)}`);
      if (wantMax ? c <= 0 : c >= 0) continue;
    }
    result = x;
    first = false;
  }
  return result;
}

/** The conversion and utility builtins. */
export const systemFunctions: readonly Builtin[] = [
  builtin(
    "long",
    1,
    1,
    "long(x): convert to a long (truncating doubles, parsing strings)",
    (_, [x]) => toLong(x),
    {
      call1: (_, x) => toLong(x),
    },
  ),
  builtin("double", 1, 1, "double(x): convert to a double", (_, [x]) => toDoubleValue(x), {
    call1: (_, x) => toDoubleValue(x),
  }),
  builtin("bigint", 1, 1, "bigint(x): convert to a big integer", (_, [x]) => toBigIntValue(x)),
  builtin("str", 1, 1, "str(x): Java string form of x (nil → 'null')", (_, [x]) => javaToString(x), {
    call1: (_, x) => javaToString(x),
  }),
  builtin("boolean", 1, 1, "boolean(x): false for nil and false, true otherwise", (_, [x]) => {
    return typeof x === "boolean" ? x : x != null;
  }),
  builtin("type", 1, 1, "type(x): 'long', 'double', 'string', 'boolean', 'nil'…", (_, [x]) => typeName(x)),
  builtin("identity", 1, 1, "identity(x): x", (_, [x]) => x),
  builtin("min", 0, Infinity, "min(x…): smallest argument (nil if any is nil)", (_, args) =>
    extreme("min", args, false),
  ),
  builtin("max", 0, Infinity, "max(x…): largest argument (nils skipped)", (_, args) =>
    extreme("max", args, true),
  ),
];
