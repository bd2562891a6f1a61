/**
 * Aviator comparison semantics (`AviatorObject.compare` / `compareEq` and the type-specific
 * `innerCompare` methods):
 *
 * - nil equals nil and is less than every other value (`nil < 1` and `'a' > nil` are true).
 * - Numbers compare numerically; as soon as a double is involved both sides are compared as
 *   doubles with `Double.compare` (so NaN equals NaN and is above everything, and −0.0 < 0.0);
 *   long/bigint pairs compare exactly.
 * - Strings compare with `String.compareTo` (UTF-16 code units); booleans with `false < true`.
 * - Any other pair is "not comparable": `==` is false, `!=` is true, `<`/`>` are errors.
 *
 * Project rule (a deliberate extension): our loaders keep identifiers too large for a double as
 * strings of digits, where Flink would see a `Long`. So a string that spells a number compares
 * with a number numerically — exactly for integers (`'2232732093077520756' == 2232732093077520756`).
 */

import { ExprRuntimeError } from "./errors.ts";
import {
  Kind,
  PatternValue,
  isNumericKind,
  isRecord,
  kindOf,
  makeLong,
  toBigInt,
  toDouble,
  type Value,
} from "./values.ts";

/** Java's `Double.compare`: a total order with −0.0 < 0.0 and NaN above everything. */
export function javaDoubleCompare(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) {
    if (x !== 0) return 0;
    const nx = Object.is(x, -0);
    const ny = Object.is(y, -0);
    return nx === ny ? 0 : nx ? -1 : 1;
  }
  const xNaN = Number.isNaN(x);
  const yNaN = Number.isNaN(y);
  return xNaN && yNaN ? 0 : xNaN ? 1 : -1;
}

/** Compares two numeric values of the given kinds (see the module comment). */
export function compareNumbers(a: Value, ka: Kind, b: Value, kb: Kind): number {
  if (ka === Kind.Double || kb === Kind.Double) return javaDoubleCompare(toDouble(a), toDouble(b));
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const x = toBigInt(a);
  const y = toBigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const INTEGER_STRING = /^[+-]?\d{1,4000}$/;
const DECIMAL_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,5})?$/;

/**
 * The number a string spells, for the project's string-vs-number comparison rule: integers become
 * exact longs/bigints, decimals become doubles; anything else (including blanks) is `undefined`.
 * So is a decimal beyond a double's range (`'1e400'`): no loader keeps such a number as text (a
 * row holding one is refused), so the string is just a string, and Aviator's own rule holds —
 * a string does not compare with a number.
 */
export function numericStringValue(s: string): { value: Value; kind: Kind } | undefined {
  if (s.length === 0 || s.length > 4001) return undefined;
  if (INTEGER_STRING.test(s)) {
    const n = BigInt(s);
    const value = BigInt.asIntN(64, n) === n ? makeLong(n) : n;
    return { value, kind: kindOf(value) };
  }
  if (!DECIMAL_STRING.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? { value, kind: Kind.Double } : undefined;
}

/**
 * Aviator's compare: negative, zero or positive — or NaN when the pair is not comparable (the
 * caller decides: `==` treats it as "different", `<` reports an error).
 */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === Kind.Nil) return kb === Kind.Nil ? 0 : -1;
  if (kb === Kind.Nil) return 1;
  const na = isNumericKind(ka);
  const nb = isNumericKind(kb);
  if (na && nb) return compareNumbers(a, ka, b, kb);
  switch (ka) {
    case Kind.String:
      if (kb === Kind.String) return (a as string) < (b as string) ? -1 : 1; // a !== b here
      if (nb) {
        const n = numericStringValue(a as string);
        return n ? compareNumbers(n.value, n.kind, b, kb) : NaN;
      }
      return NaN;
    case Kind.Boolean:
      return kb === Kind.Boolean ? (a ? 1 : -1) : NaN;
    case Kind.Pattern:
      if (kb !== Kind.Pattern) return NaN;
      return compareValues((a as PatternValue).source, (b as PatternValue).source);
    case Kind.Seq:
    case Kind.Map:
      return ka === kb && structurallyEqual(a, b, 0, { left: MAX_EQUAL_ELEMENTS }) ? 0 : NaN;
    default:
      if (na && kb === Kind.String) {
        const n = numericStringValue(b as string);
        return n ? compareNumbers(a, ka, n.value, n.kind) : NaN;
      }
      return NaN;
  }
}

/** Aviator `==`: compare, with "not comparable" meaning "not equal". */
export function valuesEqual(a: Value, b: Value): boolean {
  return a === b || compareValues(a, b) === 0;
}

const MAX_EQUAL_DEPTH = 32;
/** Most elements one structural comparison visits (host data may be cyclic). */
const MAX_EQUAL_ELEMENTS = 100_000;

/** Java `List.equals` / `Map.equals`, with Aviator `==` for the elements. */
function structurallyEqual(a: Value, b: Value, depth: number, budget: { left: number }): boolean {
  if (depth > MAX_EQUAL_DEPTH) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    const xs = a as readonly unknown[];
    const ys = b as readonly unknown[];
    if (xs.length !== ys.length) return false;
    spend(budget, xs.length);
    for (let i = 0; i < xs.length; i++) if (!elementEqual(xs[i], ys[i], depth, budget)) return false;
    return true;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    spend(budget, keys.length);
    for (const k of keys) {
      if (!Object.hasOwn(b, k) || !elementEqual(a[k], b[k], depth, budget)) return false;
    }
    return true;
  }
  return false;
}

function spend(budget: { left: number }, n: number): void {
  budget.left -= n;
  if (budget.left < 0) throw new ExprRuntimeError("values are too large to compare");
}

function elementEqual(x: Value, y: Value, depth: number, budget: { left: number }): boolean {
  const kx = kindOf(x);
  if ((kx === Kind.Seq || kx === Kind.Map) && kx === kindOf(y)) {
    return x === y || structurallyEqual(x, y, depth + 1, budget);
  }
  return valuesEqual(x, y);
}
