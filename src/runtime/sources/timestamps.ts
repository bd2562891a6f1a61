/**
 * Reading a mapped time field as epoch milliseconds (Flink's `long` event timestamps).
 *
 * The encoding — date-time text, epoch milliseconds or epoch seconds — is decided once per field
 * from a sample ({@link detectTimeEncoding}), never per value: a value-by-value guess could read
 * one row's `1700000000` as seconds and the next row's `1700000000000` as milliseconds, and a
 * stream whose timestamps jump by a factor of 1000 silently breaks every window. After detection,
 * a value in another encoding is a problem for its row.
 *
 * Date-times and epoch milliseconds are parsed by `parseEventTime` (src/formats/events), which
 * accepts ISO-8601, `YYYY-MM-DD HH:mm:ss[.f]` and a trailing ` UTC`. Added here: epoch seconds,
 * and `YYYY-MM-DD_HH:mm:ss`, the `yyyy-MM-dd_HH:mm:ss` of seed 000's original sample events.
 */
import {
  parseDateTime,
  parseEventTime,
  type EventData,
  type EventTimeResult,
} from "../../formats/events/index.ts";

/** How a time field is written. */
export type TimeEncoding = "date-time" | "epoch-millis" | "epoch-seconds";

/** The encoding of a field, or why the sample does not show one. */
export type TimeEncodingResult =
  { readonly ok: true; readonly encoding: TimeEncoding } | { readonly ok: false; readonly message: string };

/**
 * Below this magnitude an epoch number is read as milliseconds, not seconds: `1e8` seconds is
 * March 1973, so smaller values are relative or test timestamps (Flink's own tests count
 * milliseconds from 0), and Flink's unit is the millisecond.
 */
const RELATIVE_TIME_LIMIT = 1e8;

/**
 * From this magnitude an epoch number is milliseconds: `1e11` seconds is the year 5138, while
 * `1e11` milliseconds is March 1973, so real data is never ambiguous.
 */
const EPOCH_MILLIS_FROM = 1e11;

const INTEGER_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;
const UNDERSCORE_SEPARATOR = /^\d{4}-\d{2}-\d{2}_\d{2}:/;

/**
 * Decides how field `field` is written from sample values (missing, null and empty values are
 * skipped). All values must be date-times, or all numbers; numbers are seconds or milliseconds by
 * the largest magnitude in the sample (see {@link RELATIVE_TIME_LIMIT}, {@link EPOCH_MILLIS_FROM}).
 */
export function detectTimeEncoding(field: string, values: readonly unknown[]): TimeEncodingResult {
  let dateTimes = 0;
  let numbers = 0;
  let largest = 0;
  for (const value of values) {
    if (value === undefined || value === null || value === "") continue;
    const magnitude = epochMagnitude(value);
    if (magnitude !== null) {
      numbers++;
      largest = Math.max(largest, magnitude);
    } else if (typeof value === "string" && isDateTimeText(value)) {
      dateTimes++;
    } else {
      return {
        ok: false,
        message: `field '${field}' holds ${showValue(value)}, which is neither a date-time nor epoch seconds or milliseconds`,
      };
    }
  }
  if (dateTimes > 0 && numbers > 0) {
    return { ok: false, message: `field '${field}' mixes date-times and epoch numbers` };
  }
  if (dateTimes > 0) return { ok: true, encoding: "date-time" };
  if (numbers === 0) return { ok: false, message: `field '${field}' has no values in the sample` };
  const seconds = largest >= RELATIVE_TIME_LIMIT && largest < EPOCH_MILLIS_FROM;
  return { ok: true, encoding: seconds ? "epoch-seconds" : "epoch-millis" };
}

/** |value| when it is an epoch number (a finite number, or integer or decimal text), else null. */
function epochMagnitude(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? Math.abs(value) : null;
  if (typeof value === "string" && DECIMAL_TEXT.test(value.trim())) return Math.abs(Number(value));
  return null;
}

/** True when `text` is a date-time this module reads (see the module comment). */
export function isDateTimeText(text: string): boolean {
  return parseDateTime(withSpaceSeparator(text.trim())) !== null;
}

/** `2018-06-12_09:27:11` → `2018-06-12 09:27:11`; other text is returned as it is. */
function withSpaceSeparator(text: string): string {
  return UNDERSCORE_SEPARATOR.test(text) ? `${text.slice(0, 10)} ${text.slice(11)}` : text;
}

/** Reads one value of a field known to be written in `encoding`. */
export function readEventTime(value: unknown, encoding: TimeEncoding, field: string): EventTimeResult {
  switch (encoding) {
    case "date-time":
      if (typeof value === "string" && !DECIMAL_TEXT.test(value.trim())) {
        return parseEventTime(withSpaceSeparator(value.trim()), field);
      }
      return mismatch(value, field, "a date-time");
    case "epoch-millis":
      if (typeof value === "number" || (typeof value === "string" && INTEGER_TEXT.test(value.trim()))) {
        return parseEventTime(value, field);
      }
      return mismatch(value, field, "epoch milliseconds");
    case "epoch-seconds": {
      const millis = secondsToMillis(value);
      if (millis === null) return mismatch(value, field, "epoch seconds");
      // parseEventTime checks the range and that the result is whole.
      return parseEventTime(millis, field);
    }
  }
}

/** A reader of field `field` in `encoding`, for the events of one stream. */
export function createTimeReader(
  field: string,
  encoding: TimeEncoding,
): (event: EventData) => EventTimeResult {
  return (event) => readEventTime(Object.hasOwn(event, field) ? event[field] : undefined, encoding, field);
}

/**
 * Epoch seconds as milliseconds, truncating below the millisecond as `parseEventTime` does.
 * Decimal text is converted digit by digit: `1577836860.123 * 1000` in doubles is
 * `1577836860123.0002`, and worse for other values.
 */
function secondsToMillis(value: unknown): number | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    text = String(value);
    // Exponent notation (|value| ≥ 1e21 or < 1e-6): far out of range, or less than a millisecond.
    if (/e/i.test(text)) return Math.trunc(value * 1000);
  } else if (typeof value === "string" && DECIMAL_TEXT.test(value.trim())) {
    text = value.trim();
  } else {
    return null;
  }
  const negative = text.startsWith("-");
  const [whole = "", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const millis = Number(whole) * 1000 + Number(fraction.padEnd(3, "0").slice(0, 3));
  return negative ? -millis : millis;
}

function mismatch(value: unknown, field: string, expected: string): EventTimeResult {
  const shown = value === undefined ? "nothing (the field is missing)" : showValue(value);
  return {
    ok: false,
    message: `time field '${field}' holds ${shown}, but its values are ${expected} (as detected from the first events)`,
  };
}

function showValue(value: unknown): string {
  if (typeof value === "bigint") return `${value}`;
  // JSON.stringify gives undefined for functions and symbols, whatever its declared type says.
  const text = JSON.stringify(value) as string | undefined;
  return text ?? typeof value;
}
