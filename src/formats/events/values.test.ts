import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactNumberFromText, jsonNumberFromLiteral } from "./exactNumber.ts";
import { parseEventTime } from "./eventTime.ts";
import { readJson, readJsonLossless } from "./losslessJson.ts";

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
    "1e400",
    "0.10000000000000000001",
    "NaN",
    "",
    "12abc",
  ])("keeps %j as text", (text) => {
    expect(exactNumberFromText(text)).toBeNull();
  });
});

describe("jsonNumberFromLiteral", () => {
  it("keeps big integers as digit strings and decimals as doubles", () => {
    expect(jsonNumberFromLiteral("2232732093077520756")).toBe("2232732093077520756");
    expect(jsonNumberFromLiteral("-9007199254740993")).toBe("-9007199254740993");
    expect(jsonNumberFromLiteral("42")).toBe(42);
    expect(jsonNumberFromLiteral("1.5e2")).toBe(150);
  });
});

describe("readJson", () => {
  it("is lossless for long integers anywhere", () => {
    expect(
      readJson('{"a": [1, 12345678901234567890, {"b": -99999999999999999}], "c": "1234567890123456789"}'),
    ).toEqual({
      ok: true,
      value: { a: [1, "12345678901234567890", { b: "-99999999999999999" }], c: "1234567890123456789" },
    });
  });

  it("reports line and column of a syntax error", () => {
    expect(readJson('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      ok: false,
      problem: { line: 3, column: 7, message: "expected ':' after property name, found '2'" },
    });
    expect(readJson('{"a": 12345678901234567890')).toEqual({
      ok: false,
      problem: { line: 1, column: 27, message: "expected ',' or '}' in object, found end of input" },
    });
  });

  it("keeps __proto__ as data", () => {
    const result = readJson('{"__proto__": {"x": 1}, "n": 12345678901234567890}');
    expect(result.ok && Object.keys(result.value as object)).toEqual(["__proto__", "n"]);
    expect(Object.getPrototypeOf(result.ok ? result.value : null)).toBe(Object.prototype);
  });
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
  ])("reads %j", (text, millis) => {
    expect(parseEventTime(text, "t")).toEqual({ ok: true, millis });
  });

  it("reads epoch milliseconds given as numbers", () => {
    expect(parseEventTime(1577836860000, "t")).toEqual({ ok: true, millis: 1577836860000 });
    expect(parseEventTime(-5, "t")).toEqual({ ok: true, millis: -5 });
  });

  it.each([["2021-02-30 00:00:00"], ["2020-13-01"], ["yesterday"], ["2020-01-01 25:00:00"]])(
    "refuses %j",
    (text) => {
      expect(parseEventTime(text, "t").ok).toBe(false);
    },
  );

  it("refuses fractions of a millisecond and non-times", () => {
    expect(parseEventTime(1.5, "t")).toEqual({
      ok: false,
      message: "time field 't' must be a whole number of milliseconds: 1.5",
    });
    expect(parseEventTime(true, "t").ok).toBe(false);
    expect(parseEventTime(null, "t").ok).toBe(false);
  });
});

describe("readJson fast path", () => {
  /** JSON text with integer literals of any size, strings full of digits, doubles and nesting. */
  const jsonText = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map((n) => n.toString()),
      fc.stringMatching(/^[0-9a-z.e+\- ]{0,30}$/).map((s) => JSON.stringify(s)),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
      fc.constantFrom("true", "false", "null"),
      fc.array(tie("value"), { maxLength: 4 }).map((items) => `[ ${items.join(" ,\n")} ]`),
      fc
        .array(fc.tuple(fc.stringMatching(/^[0-9a-z]{1,20}$/), tie("value")), { maxLength: 4 })
        .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
    ),
  })).value;

  it("agrees with the hand-written parser", () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        expect(readJson(text)).toEqual(readJsonLossless(text));
      }),
      { numRuns: 500 },
    );
  });

  it("agrees on errors too", () => {
    for (const text of [
      "{12345678901234567890: 1}",
      "[1.12345678901234567890",
      '{"a": "x, "b": 12345678901234567890}',
    ]) {
      expect(readJson(text)).toEqual(readJsonLossless(text));
      expect(readJson(text).ok).toBe(false);
    }
  });
});
