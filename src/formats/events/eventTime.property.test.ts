/**
 * `parseDateTime` does its own calendar arithmetic; this checks it against `Date`, which is the
 * definition of the proleptic Gregorian calendar JavaScript (and `java.time`) use, over every
 * shape of date-time it accepts, real dates and impossible ones alike.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateTime } from "./eventTime.ts";

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** What `Date` makes of the fields, or null when they are not a real date and time. */
function byDate(f: Fields): number | null {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 59) return null;
  const millis = Number(f.fraction.padEnd(3, "0").slice(0, 3));
  const date = new Date(Date.UTC(2000, f.month - 1, f.day, f.hour, f.minute, f.second, millis));
  date.setUTCFullYear(f.year);
  if (date.getUTCDate() !== f.day) return null;
  return date.getTime() - f.offsetMinutes * 60_000;
}

interface Fields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly fraction: string;
  readonly zone: string;
  readonly offsetMinutes: number;
}

/** Zones as written, with their offsets. */
const ZONES = [
  ["", 0],
  ["Z", 0],
  [" UTC", 0],
  ["+08:00", 480],
  ["-0530", -330],
  ["-12", -720],
] as const;

const fields: fc.Arbitrary<Fields> = fc
  .tuple(
    fc.record({
      // Century years and month ends often: leap rules live there.
      year: fc.oneof(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }).map((c) => c * 100),
      ),
      month: fc.oneof(fc.integer({ min: 0, max: 13 }), fc.constant(2)),
      day: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 28, max: 31 })),
      hour: fc.integer({ min: 0, max: 24 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.integer({ min: 0, max: 60 }),
      fraction: fc.oneof(fc.constant(""), fc.stringMatching(/^\d{1,9}$/)),
    }),
    fc.constantFrom(...ZONES),
  )
  .map(([f, [zone, offsetMinutes]]) => ({ ...f, zone, offsetMinutes }));

describe("parseDateTime agrees with Date", () => {
  it("on dates and times of every year 0–9999, real or not", () => {
    fc.assert(
      fc.property(fields, fc.constantFrom(" ", "T", "t"), fc.constantFrom(".", ","), (f, separator, mark) => {
        const fraction = f.fraction === "" ? "" : `${mark}${f.fraction}`;
        const text =
          `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}${separator}` +
          `${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}${fraction}${f.zone}`;
        expect(parseDateTime(text)).toBe(byDate(f));
      }),
      { numRuns: 5_000 },
    );
  });

  it("on bare dates", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z") }),
        (d) => {
          if (Number.isNaN(d.getTime())) return;
          const text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
          const midnight = new Date(d.getTime());
          midnight.setUTCHours(0, 0, 0, 0);
          expect(parseDateTime(text)).toBe(midnight.getTime());
        },
      ),
    );
  });
});
