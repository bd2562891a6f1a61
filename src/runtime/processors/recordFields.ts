/**
 * Reading typed fields out of input records (a parsed JSON line, a CSV row) for the built-in
 * processors, with messages that say which record, which field and what was wrong. Ids stay text:
 * a number is accepted for an id only while it is a safe integer, and then turned into its digits.
 */

/** A record as read from a file: field name → value. */
export type InputRecord = Readonly<Record<string, unknown>>;

/** An input record that does not have the shape a processor needs. */
export class RecordFormatError extends Error {
  constructor(
    /** Where the record came from, e.g. `events.jsonl:3` or `broadcast[0]`. */
    readonly where: string,
    detail: string,
  ) {
    super(`${where}: ${detail}`);
    this.name = "RecordFormatError";
  }
}

/** `value` as a record, or a {@link RecordFormatError} naming `where`. */
export function requireRecord(value: unknown, where: string): InputRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RecordFormatError(where, `expected an object, got ${describe(value)}`);
  }
  return value as InputRecord;
}

/** A text field; ids may also arrive as safe integers or BigInts and are kept as their digits. */
export function requireText(record: InputRecord, field: string, where: string): string {
  const value = record[field];
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value)))
    return String(value);
  if (typeof value === "number" && Number.isInteger(value)) {
    throw new RecordFormatError(
      where,
      `field "${field}" holds the number ${value}, beyond 2^53, whose digits may already be lost: write it as text`,
    );
  }
  throw new RecordFormatError(where, `field "${field}" must be text, got ${describe(value)}`);
}

/** A Java `int` field: an integer number or integer text within -2^31..2^31-1. */
export function requireInt(record: InputRecord, field: string, where: string): number {
  const value = record[field];
  const number = typeof value === "string" && /^[+-]?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number === "number" && Number.isInteger(number) && number >= -(2 ** 31) && number < 2 ** 31) {
    return number;
  }
  throw new RecordFormatError(
    where,
    `field "${field}" must be an integer (Java int), got ${describe(value)}`,
  );
}

/** A text field whose value is one of `allowed` (a Java enum constant). */
export function requireOneOf<T extends string>(
  record: InputRecord,
  field: string,
  allowed: readonly T[],
  where: string,
): T {
  const value = record[field];
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new RecordFormatError(
    where,
    `field "${field}" must be one of ${allowed.join(", ")}, got ${describe(value)}`,
  );
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value.toString()}n`;
  if (typeof value === "object")
    return value === null ? "null" : Array.isArray(value) ? "an array" : "an object";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `a ${typeof value}`;
}
