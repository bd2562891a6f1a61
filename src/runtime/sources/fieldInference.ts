/**
 * What kind of values a field of an unknown event schema holds, inferred from sample events, so
 * the UI can offer sensible choices for the key, time and type fields and ask the user once.
 *
 * Kinds are inferred from the values first and from the field's name only where the values alone
 * cannot tell: `1700000000` may be a user id or epoch seconds, so a number field counts as a
 * timestamp only when its name says time (`ts`, `createdAt`, `event_time`), and as an id when its
 * name says id (`user_id`, `sessionKey`) or its digits cannot be a number (leading zeros, beyond
 * 2^53).
 */
import type { EventData } from "../../formats/events/index.ts";
import { detectTimeEncoding, isDateTimeText, type TimeEncoding } from "./timestamps.ts";

/** What a field holds. `mixed`: values of different kinds; `empty`: no value in the sample. */
export type FieldKind =
  "number" | "id" | "timestamp" | "text" | "boolean" | "object" | "array" | "mixed" | "empty";

/** One field as seen in the sample. */
export interface InferredField {
  readonly name: string;
  readonly kind: FieldKind;
  /** How many sample events hold a value (not missing, null or ""). */
  readonly present: number;
  /** How many different values, counted up to {@link MAX_DISTINCT}. */
  readonly distinct: number;
  /** Up to three values as text, for the UI. */
  readonly examples: readonly string[];
  /** How a timestamp field is written; null for other kinds. */
  readonly timeEncoding: TimeEncoding | null;
  /** The fields of an `object` field (nested objects), else empty. */
  readonly fields: readonly InferredField[];
}

/** Distinct values are counted up to this many (enough to tell a category from an id). */
export const MAX_DISTINCT = 1000;
const MAX_NESTING = 4;

type ValueClass =
  "boolean" | "integer" | "id-digits" | "decimal" | "date-time" | "token" | "text" | "object" | "array";

/** Infers every field of `events`, in the order fields first appear. */
export function inferFields(events: readonly EventData[], depth = 0): InferredField[] {
  const values = new Map<string, unknown[]>();
  for (const event of events) {
    for (const [name, value] of Object.entries(event)) {
      let list = values.get(name);
      if (list === undefined) values.set(name, (list = []));
      list.push(value);
    }
  }
  return [...values].map(([name, list]) => inferField(name, list, depth));
}

function inferField(name: string, values: readonly unknown[], depth: number): InferredField {
  const present = values.filter((v) => v !== undefined && v !== null && v !== "");
  const classes = new Set(present.map(classify));
  const kind = fieldKind(name, classes, present);
  const nested =
    kind === "object" && depth < MAX_NESTING ? inferFields(present as EventData[], depth + 1) : [];
  const timeEncoding = kind === "timestamp" ? encodingOf(name, present) : null;
  const distinct = new Set<string>();
  for (const value of present) {
    if (distinct.size >= MAX_DISTINCT) break;
    distinct.add(showValue(value));
  }
  return {
    name,
    kind,
    present: present.length,
    distinct: distinct.size,
    examples: [...distinct].slice(0, 3),
    timeEncoding,
    fields: nested,
  };
}

function fieldKind(name: string, classes: ReadonlySet<ValueClass>, values: readonly unknown[]): FieldKind {
  if (classes.size === 0) return "empty";
  const only = (...allowed: ValueClass[]): boolean => [...classes].every((c) => allowed.includes(c));
  const words = nameWords(name);
  if (only("boolean")) return "boolean";
  if (only("object")) return "object";
  if (only("array")) return "array";
  if (only("date-time")) return "timestamp";
  if (only("integer", "decimal", "id-digits") && saysTime(words) && encodingOf(name, values) !== null) {
    return "timestamp";
  }
  if (only("integer", "id-digits", "token")) {
    if (classes.has("id-digits") || classes.has("token") || saysId(words)) return "id";
    return "number";
  }
  if (only("integer", "decimal")) return "number";
  if (only("token", "text")) return saysId(words) && !classes.has("text") ? "id" : "text";
  return "mixed";
}

function encodingOf(name: string, values: readonly unknown[]): TimeEncoding | null {
  const result = detectTimeEncoding(name, values);
  return result.ok ? result.encoding : null;
}

const INTEGER_TEXT = /^-?\d+$/;
/** A single token of letters, digits and `_-:.` holding a digit: a UUID, a hash, `u-1042`. */
const ID_TOKEN = /^(?=[^\d]*\d)[\w\-:.]{1,64}$/;

function classify(value: unknown): ValueClass {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return Number.isInteger(value) ? "integer" : "decimal";
    case "bigint":
      return "id-digits";
    case "string":
      return classifyText(value);
    default:
      return Array.isArray(value) ? "array" : typeof value === "object" ? "object" : "text";
  }
}

function classifyText(text: string): ValueClass {
  // CSV has no booleans: "true"/"false" cells are its way of writing them.
  if (text === "true" || text === "false") return "boolean";
  // The CSV and JSON readers turn every exact number into a number, so digits left as text are
  // ids: leading zeros (`007`) or beyond 2^53 (`2232732093077520756`).
  if (INTEGER_TEXT.test(text)) return "id-digits";
  if (isDateTimeText(text)) return "date-time";
  return ID_TOKEN.test(text) ? "token" : "text";
}

/** `userSession` / `user_session` / `User-Session` → ["user", "session"]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter((w) => w !== "");
}

const TIME_WORDS = new Set(["time", "timestamp", "ts", "date", "datetime", "at", "when", "epoch"]);
const ID_WORDS = new Set(["id", "ids", "key", "uuid", "guid", "uid", "sid", "session"]);

/** The name's last word says time: `ts`, `eventTime`, `created_at`. */
export function saysTime(words: readonly string[]): boolean {
  const last = words.at(-1);
  return last !== undefined && TIME_WORDS.has(last);
}

/** The name's last word says identifier: `user_id`, `sessionKey`, `userSession`. */
export function saysId(words: readonly string[]): boolean {
  const last = words.at(-1);
  return last !== undefined && ID_WORDS.has(last);
}

function showValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return `${value}`;
  const text = JSON.stringify(value) as string | undefined;
  return text ?? typeof value;
}
