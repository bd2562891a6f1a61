/**
 * Reads an event's time field as epoch milliseconds (Flink's `long` timestamps).
 *
 * Accepted, always read as UTC unless the text carries an offset:
 * - a whole number of epoch milliseconds (number or digit string), e.g. `1577836860000`;
 * - ISO-8601: `2020-01-01T00:01:00Z`, `2020-01-01T00:01:00.123+08:00`, `2020-01-01`;
 * - SQL style: `2020-01-01 00:01:00`, `2020-01-01 00:01:00.0` (the seed scenarios);
 * - either of those with a trailing ` UTC` (REES46's `2019-11-17 16:58:15 UTC`).
 * Fractions finer than a millisecond are truncated.
 */

export type EventTimeResult = { ok: true; millis: number } | { ok: false; message: string };

/** JavaScript dates span ±8.64e15 ms; Flink's longs span more, but nothing real lives there. */
const MAX_MILLIS = 8.64e15;

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/;

/** Parses one time value; `field` only names the field in messages. */
export function parseEventTime(value: unknown, field: string): EventTimeResult {
  if (typeof value === "number") return fromMillis(value, field);
  if (typeof value !== "string") {
    return {
      ok: false,
      message: `time field '${field}' must be epoch milliseconds or a date-time, not ${describe(value)}`,
    };
  }
  const text = value.trim();
  if (/^-?\d+$/.test(text)) {
    const millis = Number(text);
    if (!Number.isSafeInteger(millis))
      return { ok: false, message: `time field '${field}' is out of range: ${text}` };
    return fromMillis(millis, field);
  }
  const parsed = parseDateTime(text);
  if (parsed === null) {
    return {
      ok: false,
      message: `time field '${field}' is not a date-time (YYYY-MM-DD HH:mm:ss[.f], ISO-8601) or epoch milliseconds: ${JSON.stringify(value)}`,
    };
  }
  return fromMillis(parsed, field);
}

function fromMillis(millis: number, field: string): EventTimeResult {
  if (!Number.isInteger(millis)) {
    return { ok: false, message: `time field '${field}' must be a whole number of milliseconds: ${millis}` };
  }
  if (Math.abs(millis) > MAX_MILLIS)
    return { ok: false, message: `time field '${field}' is out of range: ${millis}` };
  return { ok: true, millis };
}

/** Epoch milliseconds of an ISO-8601 / SQL date-time, or null when it is not one (or not a real date). */
export function parseDateTime(text: string): number | null {
  const common = commonLayout(text);
  if (common !== undefined) return common;
  const m = DATE_TIME.exec(text);
  if (m === null) return null;
  const offset = zoneOffsetMinutes(m[8] ?? "");
  if (offset === null) return null;
  const fraction = m[7];
  return civilMillis(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    m[4] === undefined ? 0 : Number(m[4]),
    m[5] === undefined ? 0 : Number(m[5]),
    m[6] === undefined ? 0 : Number(m[6]),
    fraction === undefined ? 0 : Number(fraction.padEnd(3, "0").slice(0, 3)),
    offset,
  );
}

/**
 * `YYYY-MM-DD HH:mm:ss` (or `T`) with an optional `.f` and an optional `Z` or ` UTC`: the
 * layouts event files hold, read from char codes, since the regular expression's groups and
 * their number conversions took a tenth of the CLI's time on REES46-like JSON Lines. Undefined
 * for any other text, which the regular expression then reads.
 */
function commonLayout(text: string): number | null | undefined {
  if (text.length < 19) return undefined;
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return undefined;
  if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
  const separator = text.charCodeAt(10);
  if (separator !== 0x20 && separator !== 0x54 && separator !== 0x74) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let end = 19;
  let millis = 0;
  const mark = text.charCodeAt(19);
  if (mark === 0x2e || mark === 0x2c) {
    end = 20;
    while (end < text.length && isDigit(text.charCodeAt(end))) {
      if (end < 23) millis = millis * 10 + text.charCodeAt(end) - 0x30;
      end++;
    }
    const digits = end - 20;
    if (digits === 0 || digits > 9) return undefined;
    if (digits < 3) millis *= digits === 1 ? 100 : 10;
  }
  const zone = end === text.length ? "" : text.slice(end);
  if (zone !== "" && zone !== "Z" && zone !== " UTC") return undefined;
  return civilMillis(year, month, day, hour, minute, second, millis, 0);
}

/** The number written by `count` ASCII digits at `start`, or −1. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    value = value * 10 + c - 0x30;
  }
  return value;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Epoch milliseconds of a proleptic Gregorian date and time at a UTC offset, or null when it is
 * not a real one. Calendar arithmetic rather than `Date` objects, which cost two allocations per
 * value on files of millions of events.
 */
function civilMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second;
  return seconds * 1_000 + millis - offsetMinutes * 60_000;
}

/** Days in `month` (1–12) of the proleptic Gregorian `year`, as `Date` counts them. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * Days from 1970-01-01 to the proleptic Gregorian date (Hinnant's `days_from_civil`): years
 * counted from March, so the leap day ends the year, and 400-year eras of 146 097 days.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function zoneOffsetMinutes(zone: string): number | null {
  if (zone === "" || zone === "Z" || zone === "z" || zone === "UTC" || zone === "GMT") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (m === null) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? "0");
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
