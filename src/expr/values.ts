/**
 * Run-time values and their Aviator types.
 *
 * Values are plain JS values wherever that is unambiguous, so reading an event field and comparing
 * it allocates nothing:
 *
 * | Aviator type | representation                                                             |
 * | ------------ | -------------------------------------------------------------------------- |
 * | nil          | `null` or `undefined`                                                      |
 * | boolean      | `boolean`                                                                  |
 * | string       | `string`                                                                   |
 * | long         | safe-integer `number`, or `bigint` in [−2^63, 2^63−1] beyond ±(2^53−1)       |
 * | double       | non-safe-integer `number` (fractions, NaN, ±Infinity, huge), or `JDouble`    |
 * | bigint       | `bigint` outside the long range, or `JBigInt`                              |
 * | pattern      | `PatternValue`                                                             |
 * | function     | `FnValue` (lambdas, predicate builders, operator references)                |
 * | seq / map    | arrays / plain objects (events and their nested data)                      |
 *
 * The two boxes exist because a JS number cannot tell `2` (long) from `2.0` (double), and Aviator
 * divides them differently (`7 / 2 == 3` but `7.0 / 2 == 3.5`); likewise a small bigint literal
 * (`1N`) must keep BigInt semantics (no 64-bit wrap-around). Event data cannot carry that
 * distinction, so an integral JS number from an event is a long.
 */

import { ExprRuntimeError } from "./errors.ts";

/** Any run-time value (see the module comment for the representation). */
export type Value = unknown;

/** Base class of the interpreter's own objects: never treated as a map, never readable as fields. */
export abstract class Internal {
  /** Nominal brand: keeps plain objects from type-checking as interpreter values. */
  declare private readonly internalBrand: never;
}

/** A double whose value is a safe integer (or −0.0), boxed so it is not mistaken for a long. */
export class JDouble extends Internal {
  constructor(readonly value: number) {
    super();
  }
}

/** An Aviator BigInt whose value would fit in a long, boxed so it keeps BigInt semantics. */
export class JBigInt extends Internal {
  constructor(readonly value: bigint) {
    super();
  }
}

/** Smallest long, −2^63. */
export const MIN_LONG = -(2n ** 63n);
/** Largest long, 2^63 − 1. */
export const MAX_LONG = 2n ** 63n - 1n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** Aviator's value types, as small integers for fast switches. */
export const Kind = {
  Nil: 0,
  Boolean: 1,
  String: 2,
  Long: 3,
  Double: 4,
  BigInt: 5,
  Pattern: 6,
  Function: 7,
  Seq: 8,
  Map: 9,
  Other: 10,
} as const;
/** One of the `Kind` constants. */
export type Kind = (typeof Kind)[keyof typeof Kind];

/** A compiled Java regular expression (see regex.ts); only the source is needed here. */
export abstract class PatternValue extends Internal {
  abstract readonly source: string;
}

/** A function value: a lambda, a `seq.*` predicate, or an operator reference such as `+`. */
export abstract class FnValue extends Internal {
  /** Shown in error messages. */
  abstract readonly name: string;
}

/** True for values that behave as maps: plain objects that are not interpreter internals. */
export function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof Internal) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The Aviator type of a value. */
export function kindOf(v: Value): Kind {
  switch (typeof v) {
    case "number":
      return Number.isSafeInteger(v) ? Kind.Long : Kind.Double;
    case "string":
      return Kind.String;
    case "boolean":
      return Kind.Boolean;
    case "bigint":
      return v >= MIN_LONG && v <= MAX_LONG ? Kind.Long : Kind.BigInt;
    case "undefined":
      return Kind.Nil;
    case "object":
      if (v === null) return Kind.Nil;
      if (Array.isArray(v)) return Kind.Seq;
      if (v instanceof Internal) {
        if (v instanceof JDouble) return Kind.Double;
        if (v instanceof JBigInt) return Kind.BigInt;
        if (v instanceof PatternValue) return Kind.Pattern;
        if (v instanceof FnValue) return Kind.Function;
        return Kind.Other;
      }
      return isRecord(v) ? Kind.Map : Kind.Other;
    default:
      return Kind.Other;
  }
}

/** True for long, double and bigint kinds. */
export function isNumericKind(k: Kind): boolean {
  return k === Kind.Long || k === Kind.Double || k === Kind.BigInt;
}

/** Wraps a double result: integral values are boxed so they stay doubles. */
export function makeDouble(x: number): Value {
  return Number.isSafeInteger(x) ? new JDouble(x) : x;
}

/** Normalises an exact integer to a long, wrapping to 64 bits like Java `long` arithmetic. */
export function makeLong(x: bigint): number | bigint {
  const wrapped = BigInt.asIntN(64, x);
  return wrapped >= MIN_SAFE && wrapped <= MAX_SAFE ? Number(wrapped) : wrapped;
}

/** Wraps an exact integer as an Aviator BigInt (boxed when it would otherwise read as a long). */
export function makeBigInt(x: bigint): Value {
  return x >= MIN_LONG && x <= MAX_LONG ? new JBigInt(x) : x;
}

/** The numeric value of a long/double/bigint as a double (Java's widening/narrowing conversion). */
export function toDouble(v: Value): number {
  if (typeof v === "number") return v + 0; // −0 is a long zero; longs widen to +0.0
  if (typeof v === "bigint") return Number(v);
  if (v instanceof JDouble) return v.value;
  if (v instanceof JBigInt) return Number(v.value);
  return NaN;
}

/** The exact integer value of a long or bigint (doubles are truncated like Java's `(long)`). */
export function toBigInt(v: Value): bigint {
  if (typeof v === "number") return Number.isSafeInteger(v) ? BigInt(v) : BigInt(doubleToLong(v));
  if (typeof v === "bigint") return v;
  if (v instanceof JBigInt) return v.value;
  if (v instanceof JDouble) return BigInt(v.value);
  return 0n;
}

/** Java's `(long) d`: NaN → 0, saturating at the long range, truncating toward zero. */
export function doubleToLong(d: number): number | bigint {
  if (Number.isNaN(d)) return 0;
  if (d >= 2 ** 63) return MAX_LONG;
  if (d <= -(2 ** 63)) return MIN_LONG;
  const t = Math.trunc(d);
  return Number.isSafeInteger(t) ? t + 0 : BigInt(t);
}

/** Java's `Number.intValue()` for a long/double/bigint (low 32 bits, or a saturating cast). */
export function toJavaInt(v: Value): number {
  if (typeof v === "number") {
    if (Number.isSafeInteger(v)) return v | 0;
    if (Number.isNaN(v)) return 0;
    return Math.max(-2147483648, Math.min(2147483647, Math.trunc(v)));
  }
  if (v instanceof JDouble) return toJavaInt(v.value);
  return Number(BigInt.asIntN(32, toBigInt(v)));
}

/** The Aviator type name returned by `type(x)`. */
export function typeName(v: Value): string {
  switch (kindOf(v)) {
    case Kind.Nil:
      return "nil";
    case Kind.Boolean:
      return "boolean";
    case Kind.String:
      return "string";
    case Kind.Long:
      return "long";
    case Kind.Double:
      return "double";
    case Kind.BigInt:
      return "bigint";
    case Kind.Pattern:
      return "pattern";
    case Kind.Function:
      return "function";
    case Kind.Seq:
      return "java.util.List";
    case Kind.Map:
      return "java.util.Map";
    default:
      return "java.lang.Object";
  }
}

/** A short description for error messages, e.g. `string 'abc'`, `long 5`, `nil`. */
export function describe(v: Value): string {
  const k = kindOf(v);
  switch (k) {
    case Kind.Nil:
      return "nil";
    case Kind.String: {
      const s = v as string;
      return `string '${s.length > 40 ? `${s.slice(0, 40)}…` : s}'`;
    }
    case Kind.Seq:
      return `seq of ${(v as readonly unknown[]).length} element(s)`;
    case Kind.Map:
      return "map";
    case Kind.Function:
      return `function ${(v as FnValue).name}`;
    case Kind.Pattern:
      return `pattern /${(v as PatternValue).source}/`;
    case Kind.Other:
      return "host object";
    default:
      return `${typeName(v)} ${javaToString(v)}`;
  }
}

/** Java's `Double.toString`: `1.0`, `1.5`, `1.0E10`, `1.0E-5`, `NaN`, `Infinity`, `-0.0`. */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (d === Infinity) return "Infinity";
  if (d === -Infinity) return "-Infinity";
  if (d === 0) return Object.is(d, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d); // JS uses plain notation in this range, with the shortest digits
    return s.includes(".") ? s : `${s}.0`;
  }
  const [mantissa = "", exponent = ""] = d.toExponential().split("e");
  const m = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  return `${m}E${exponent.startsWith("+") ? exponent.slice(1) : exponent}`;
}

const MAX_RENDER_DEPTH = 16;
/** Most elements rendered in one conversion: host data may be cyclic, so depth alone is no bound. */
const MAX_RENDER_ELEMENTS = 100_000;

/**
 * Java's `String.valueOf(value)` as Aviator uses it for `+` and `str()`: `null` for nil, Java
 * number formatting, `[a, b]` for seqs and `{k=v}` for maps. Host objects are never asked to
 * render themselves (no host method is ever called).
 */
export function javaToString(v: Value): string {
  return render(v, 0, null);
}

function render(v: Value, depth: number, budget: { left: number } | null): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return Number.isSafeInteger(v) ? String(v + 0) : javaDoubleToString(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
      return "null";
    case "object":
      break;
    default:
      return "<object>";
  }
  if (v === null) return "null";
  if (v instanceof JDouble) return javaDoubleToString(v.value);
  if (v instanceof JBigInt) return v.value.toString();
  if (v instanceof PatternValue) return v.source;
  if (v instanceof FnValue) return `<function ${v.name}>`;
  if (depth >= MAX_RENDER_DEPTH) return "…";
  const b = budget ?? { left: MAX_RENDER_ELEMENTS };
  if (Array.isArray(v)) {
    const xs = v as readonly unknown[];
    b.left -= xs.length;
    if (b.left < 0) throw new ExprRuntimeError("value is too large to convert to a string");
    return `[${xs.map((e) => render(e, depth + 1, b)).join(", ")}]`;
  }
  if (isRecord(v)) {
    const keys = Object.keys(v);
    b.left -= keys.length;
    if (b.left < 0) throw new ExprRuntimeError("value is too large to convert to a string");
    return `{${keys.map((k) => `${k}=${render(v[k], depth + 1, b)}`).join(", ")}}`;
  }
  return "<object>";
}
