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
  const m = DATE_TIME.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone = ""] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as written.
  const utc = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis)).setUTCFullYear(year);
  // Date.UTC rolls 2021-02-30 over to March; a real date reads back the same day.
  if (day > 28 && new Date(utc).getUTCDate() !== day) return null;
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return null;
  return utc - offset * 60_000;
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
