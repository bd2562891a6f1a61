/**
 * Typed reads from untrusted JSON values, collecting every problem with its JSON path instead of
 * stopping at the first. Each read returns the value, or `undefined` once it has reported why it
 * could not; optional reads return `null` for a missing or null key, as Jackson does.
 */
import type { Diagnostic } from "./diagnostics.ts";
import { memberPath } from "../json/jsonPath.ts";

/** A JSON object as read (values not yet checked). */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Largest Java `int`: `Quantifier.Times` fields and rule versions are ints. */
export const JAVA_INT_MAX = 2_147_483_647;

/** A short, quoted rendering of a value for "got …" in messages. */
export function describeJson(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const text = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    return text;
  }
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

/** Lists enum values for a message: `one of A, B, C`. */
export function oneOf(allowed: readonly string[]): string {
  return `one of ${allowed.join(", ")}`;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Collects errors and warnings for one import. */
export class JsonReader {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  /** `value` as an object, or reports `expected <what>`. */
  object(value: unknown, path: string, what: string): JsonObject | undefined {
    if (isJsonObject(value)) return value;
    this.error(path, `expected ${what}, got ${describeJson(value)}`);
    return undefined;
  }

  /** A key that must be present and not null: reports a missing key or a null. */
  private required(obj: JsonObject, key: string, path: string, what: string): unknown {
    const value = obj[key];
    if (value === undefined) {
      this.error(memberPath(path, key), `expected ${what}, but "${key}" is missing`);
      return undefined;
    }
    if (value === null) {
      this.error(memberPath(path, key), `expected ${what}, got null`);
      return undefined;
    }
    return value;
  }

  /** A required string. */
  string(obj: JsonObject, key: string, path: string, what = "a string"): string | undefined {
    const value = this.required(obj, key, path, what);
    if (value === undefined || typeof value === "string") return value;
    this.error(memberPath(path, key), `expected ${what}, got ${describeJson(value)}`);
    return undefined;
  }

  /** A string, or null when the key is missing or null. */
  optionalString(
    obj: JsonObject,
    key: string,
    path: string,
    what = "a string or null",
  ): string | null | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === "string") return value;
    this.error(memberPath(path, key), `expected ${what}, got ${describeJson(value)}`);
    return undefined;
  }

  /** A required enum constant, named as Java's `Enum.valueOf` would accept it (case-sensitive). */
  enumValue<T extends string>(
    obj: JsonObject,
    key: string,
    path: string,
    allowed: readonly T[],
  ): T | undefined {
    const value = this.required(obj, key, path, oneOf(allowed));
    if (value === undefined) return undefined;
    const match = allowed.find((a) => a === value);
    if (match !== undefined) return match;
    this.error(memberPath(path, key), `expected ${oneOf(allowed)}, got ${describeJson(value)}`);
    return undefined;
  }

  /** A required whole number in [min, max]; strings such as "3" are refused, not coerced. */
  wholeNumber(obj: JsonObject, key: string, path: string, min: number, max: number): number | undefined {
    const what =
      max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
    const value = this.required(obj, key, path, what);
    if (value === undefined) return undefined;
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value;
    this.error(memberPath(path, key), `expected ${what}, got ${describeJson(value)}`);
    return undefined;
  }

  /** A required array. */
  array(obj: JsonObject, key: string, path: string, what: string): readonly unknown[] | undefined {
    const value = this.required(obj, key, path, what);
    if (value === undefined || Array.isArray(value)) return value as readonly unknown[] | undefined;
    this.error(memberPath(path, key), `expected ${what}, got ${describeJson(value)}`);
    return undefined;
  }

  /**
   * Warns about keys outside `known` that carry a value (null values are ignored silently,
   * as several writers emit them). `dropped` says what Flink does with such a key.
   */
  unknownKeys(obj: JsonObject, path: string, known: readonly string[], dropped: string): void {
    for (const [key, value] of Object.entries(obj)) {
      if (value === null || known.includes(key)) continue;
      this.warn(
        memberPath(path, key),
        `unknown key "${key}" ignored (${dropped}); known keys: ${known.join(", ")}`,
      );
    }
  }
}
