/**
 * Java's `Object.hashCode()` for the boxed key types a Flink job keys by: `java.lang.String`,
 * `Long`, `Integer`, `Boolean` and `Double`. Flink routes a record by `key.hashCode()` (see
 * `keyGroups.ts`, `KeyGroupRangeAssignment`), so these must agree with the JDK bit for bit:
 *
 * - `String.hashCode`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 code units, in int32 arithmetic.
 * - `Long.hashCode`: `(int) (value ^ (value >>> 32))` — done in BigInt, because ids reach 2^63 − 1.
 * - `Integer.hashCode`: the value itself.
 * - `Boolean.hashCode`: 1231 for true, 1237 for false.
 * - `Double.hashCode`: `Long.hashCode(doubleToLongBits(value))`; every NaN is the canonical NaN.
 *
 * Keys arrive from CSV/JSON as text or numbers, so each type accepts the representations that can
 * be read without losing precision and rejects the rest with a message naming the key and type.
 */

/** The Java types a key can be hashed as (the CLI's `--key-type` values, the simulator's choices). */
export const JAVA_KEY_TYPES = ["String", "Long", "Integer", "Boolean", "Double"] as const;

/** The Java type a key is hashed as. */
export type JavaKeyType = (typeof JAVA_KEY_TYPES)[number];

/** True when `text` names one of {@link JAVA_KEY_TYPES}. */
export function isJavaKeyType(text: string): text is JavaKeyType {
  return (JAVA_KEY_TYPES as readonly string[]).includes(text);
}

/** A key value as read from an event: text, a JavaScript number, a BigInt or a boolean. */
export type KeyValue = string | number | bigint | boolean;

/** A key that cannot be read as the requested Java type. */
export class KeyTypeError extends Error {
  constructor(
    readonly key: KeyValue,
    readonly javaType: JavaKeyType,
    detail: string,
  ) {
    super(`Cannot hash key ${describeKey(key)} as java.lang.${javaType}: ${detail}`);
    this.name = "KeyTypeError";
  }
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Decimal integer text as `Long.parseLong` / `Integer.parseInt` accept it (radix 10). */
const INTEGER_TEXT = /^[+-]?\d+$/;
/** Decimal floating-point text (no hex floats and no `d`/`f` suffixes: those are Java-only). */
const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_DOUBLES: Readonly<Record<string, number>> = {
  NaN: NaN,
  Infinity: Infinity,
  "+Infinity": Infinity,
  "-Infinity": -Infinity,
};

/**
 * `key.hashCode()` of `key` boxed as `javaType`, as a signed 32-bit integer.
 *
 * @throws KeyTypeError when the key is not a value of that type (e.g. `"12a"` as Long, 2^31 as
 *   Integer, an unsafe JavaScript number as Long).
 */
export function javaHashCode(key: KeyValue, javaType: JavaKeyType): number {
  switch (javaType) {
    case "String":
      return stringHashCode(toJavaString(key));
    case "Long":
      return longHashCode(toJavaLong(key));
    case "Integer":
      return toJavaInteger(key);
    case "Boolean":
      return toJavaBoolean(key) ? 1231 : 1237;
    case "Double":
      return doubleHashCode(toJavaDouble(key));
  }
}

/** `String.hashCode()`: 31-multiplier polynomial over UTF-16 code units, wrapping at 32 bits. */
export function stringHashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}

/** `Long.hashCode(value)`: the two 32-bit halves of the two's-complement value, XOR-ed. */
export function longHashCode(value: bigint): number {
  const bits = BigInt.asUintN(64, value);
  return Number(BigInt.asIntN(32, bits ^ (bits >> 32n)));
}

/** `Double.hashCode(value)`: `Long.hashCode(Double.doubleToLongBits(value))`. */
export function doubleHashCode(value: number): number {
  // doubleToLongBits collapses every NaN to 0x7ff8000000000000; DataView may keep a payload.
  if (Number.isNaN(value)) return 0x7ff80000;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return view.getInt32(0) ^ view.getInt32(4);
}

function toJavaString(key: KeyValue): string {
  if (typeof key === "string") return key;
  if (typeof key === "number" && !Number.isSafeInteger(key)) {
    // JavaScript and Java print non-integral doubles differently (1.0 vs 1, 1.0E10 vs 10000000000).
    throw new KeyTypeError(key, "String", "only integral numbers have the same text in Java; pass the text");
  }
  return String(key);
}

function toJavaLong(key: KeyValue): bigint {
  let value: bigint;
  if (typeof key === "bigint") value = key;
  else if (typeof key === "number") {
    if (!Number.isSafeInteger(key)) {
      throw new KeyTypeError(key, "Long", "not a safe integer; pass ids above 2^53 as text or BigInt");
    }
    value = BigInt(key);
  } else if (typeof key === "string" && INTEGER_TEXT.test(key)) value = BigInt(key);
  else throw new KeyTypeError(key, "Long", "not a decimal integer");
  if (value < LONG_MIN || value > LONG_MAX) {
    throw new KeyTypeError(key, "Long", "outside the range -2^63 .. 2^63-1");
  }
  return value;
}

function toJavaInteger(key: KeyValue): number {
  let value: number;
  if (typeof key === "number" && Number.isInteger(key)) value = key;
  else if (typeof key === "bigint" || (typeof key === "string" && INTEGER_TEXT.test(key))) {
    const big = BigInt(key);
    value = big >= BigInt(INT_MIN) && big <= BigInt(INT_MAX) ? Number(big) : NaN;
  } else throw new KeyTypeError(key, "Integer", "not a decimal integer");
  if (!(value >= INT_MIN && value <= INT_MAX)) {
    throw new KeyTypeError(key, "Integer", "outside the range -2^31 .. 2^31-1");
  }
  return value | 0;
}

function toJavaBoolean(key: KeyValue): boolean {
  if (typeof key === "boolean") return key;
  // Boolean.parseBoolean reads every other text as false; a typo there would silently re-route keys.
  if (key === "true") return true;
  if (key === "false") return false;
  throw new KeyTypeError(key, "Boolean", 'expected true, false, "true" or "false"');
}

function toJavaDouble(key: KeyValue): number {
  if (typeof key === "number") return key;
  if (typeof key === "bigint") return Number(key); // round-to-nearest, like Java's (double) cast
  if (typeof key === "string") {
    const text = key.trim(); // Double.parseDouble trims whitespace too
    const special = SPECIAL_DOUBLES[text];
    if (special !== undefined) return special;
    if (DECIMAL_TEXT.test(text)) return Number(text);
  }
  throw new KeyTypeError(key, "Double", "not a decimal number");
}

function describeKey(key: KeyValue): string {
  if (typeof key === "string") return JSON.stringify(key);
  if (typeof key === "bigint") return `${key.toString()}n`;
  return String(key);
}
