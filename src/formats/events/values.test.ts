import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BEYOND_DOUBLE, exactNumberFromText } from "./exactNumber.ts";
import { parseEventTime } from "./eventTime.ts";

describe("exactNumberFromText", () => {
  it.each([
    ["1130.02", 1130.02],
    ["167.20", 167.2],
    ["0", 0],
    ["-12", -12],
    ["9007199254740991", 9007199254740991],
    ["2.5e3", 2500],
    ["0.1", 0.1],
  ])("reads %s as a number", (text, value) => {
    expect(exactNumberFromText(text)).toBe(value);
  });

  it.each([
    "2232732093077520756",
    "9007199254740993",
    "007",
    "00.5",
    ".5",
    "5.",
    "+5",
    " 5",
    "-0",
    "1e-400",
    "9".repeat(400),
    "0.10000000000000000001",
    "NaN",
    "",
    "12abc",
  ])("keeps %j as text", (text) => {
    expect(exactNumberFromText(text)).toBeNull();
  });

  it.each(["1e400", "-1E+309", "1.8e308", `${"9".repeat(400)}.0`])(
    "calls %j beyond a double's range (Jackson's Infinity), so the row can be reported",
    (text) => {
      expect(exactNumberFromText(text)).toBe(BEYOND_DOUBLE);
    },
  );
});

describe("parseEventTime", () => {
  const ms = (text: string): number => Date.parse(text);
  it.each([
    ["2020-01-01 00:01:00.0", ms("2020-01-01T00:01:00Z")],
    ["2020-01-01 00:01:00", ms("2020-01-01T00:01:00Z")],
    ["2019-11-17 16:58:15 UTC", ms("2019-11-17T16:58:15Z")],
    ["2020-01-01T00:01:00.123456Z", ms("2020-01-01T00:01:00.123Z")],
    ["2020-01-01T08:01:00+08:00", ms("2020-01-01T00:01:00Z")],
    ["2020-01-01T08:01:00+0800", ms("2020-01-01T00:01:00Z")],
    ["2020-01-01", ms("2020-01-01T00:00:00Z")],
    ["1577836860000", 1577836860000],
    ["2020-01-01T00:01:00", ms("2020-01-01T00:01:00Z")],
    ["2020-01-01T00:01", ms("2020-01-01T00:01:00Z")],
    ["2020-01-01 00:01:00.5", ms("2020-01-01T00:01:00.500Z")],
    ["2019-12-31T19:01:00.25-05:00", ms("2020-01-01T00:01:00.250Z")],
    // ISO-8601 parsers (Java's DateTimeFormatter.ISO_DATE_TIME) are case-insensitive.
    ["2020-01-01t00:01:00z", ms("2020-01-01T00:01:00Z")],
    ["2024-02-29 12:00:00", ms("2024-02-29T12:00:00Z")],
    // Years below 100 are the years written, not 1900 + year (Date.UTC's legacy rule).
    ["0001-01-01T00:00:00Z", ms("0001-01-01T00:00:00Z")],
    ["0099-12-31 23:59:59.9", ms("0099-12-31T23:59:59.900Z")],
  ])("reads %j", (text, millis) => {
    expect(parseEventTime(text, "t")).toEqual({ ok: true, millis });
  });

  it("reads epoch milliseconds given as numbers", () => {
    expect(parseEventTime(1577836860000, "t")).toEqual({ ok: true, millis: 1577836860000 });
    expect(parseEventTime(-5, "t")).toEqual({ ok: true, millis: -5 });
  });

  it.each([
    ["2021-02-30 00:00:00"],
    ["2023-02-29"],
    ["0099-02-29"],
    ["2020-13-01"],
    ["yesterday"],
    ["2020-01-01 25:00:00"],
  ])("refuses %j", (text) => {
    expect(parseEventTime(text, "t").ok).toBe(false);
  });

  it("refuses fractions of a millisecond and non-times", () => {
    expect(parseEventTime(1.5, "t")).toEqual({
      ok: false,
      message: "time field 't' must be a whole number of milliseconds: 1.5",
    });
    expect(parseEventTime(true, "t").ok).toBe(false);
    expect(parseEventTime(null, "t").ok).toBe(false);
  });
});

describe("exactNumberFromText against its definition", () => {
  /** JSON's number grammar, as the regular expression that defined it before the scanner. */
  const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
  const JSON_INTEGER = /^-?(?:0|[1-9]\d*)$/;

  /** The definition: a JSON number that a double holds exactly (digit for digit); else text. */
  function byDefinition(text: string): number | typeof BEYOND_DOUBLE | null {
    if (!JSON_NUMBER.test(text)) return null;
    const value = Number(text);
    if (!Number.isFinite(value)) return JSON_INTEGER.test(text) ? null : BEYOND_DOUBLE;
    if (Object.is(value, -0)) return null;
    if (JSON_INTEGER.test(text)) return Number.isSafeInteger(value) ? value : null;
    const exact = new Decimal(text).equals(new Decimal(String(value)));
    return exact ? value : null;
  }

  /** A decimal literal's value as (sign, significant digits, exponent), for exact comparison. */
  class Decimal {
    readonly key: string;
    constructor(text: string) {
      const negative = text.startsWith("-");
      const [mantissa = "", exp = "0"] = (negative ? text.slice(1) : text).split(/[eE]/);
      const [whole = "", fraction = ""] = mantissa.split(".");
      const all = (whole + fraction).replace(/^0+/, "");
      const digits = all.replace(/0+$/, "");
      const exponent = Number(exp) - fraction.length + (all.length - digits.length);
      this.key = digits === "" ? "0" : `${negative ? "-" : ""}${digits}e${exponent}`;
    }
    equals(other: Decimal): boolean {
      return this.key === other.key;
    }
  }

  const numberLike = fc.stringMatching(/^-?[0-9]{0,22}(\.[0-9]{0,20})?([eE][+-]?[0-9]{0,4})?$/);
  const anyCell = fc.oneof(
    numberLike,
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[-+.eE0-9 ]{0,12}$/),
  );

  it("agrees on number-like and arbitrary cells", () => {
    fc.assert(
      fc.property(anyCell, (text) => {
        expect(exactNumberFromText(text)).toBe(byDefinition(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
