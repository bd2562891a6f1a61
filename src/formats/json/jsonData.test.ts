import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonData } from "./jsonData.ts";
import type { JsonDataOptions, JsonDataResult } from "./jsonData.ts";
import { parseJsonText } from "./jsonText.ts";

/** The hand-written parser alone: what the fast path must agree with. */
function reference(text: string, options: JsonDataOptions = {}): JsonDataResult {
  const result = parseJsonText(text, { ...options, bigIntegers: "string" });
  return result.ok ? { ok: true, value: result.value as never, warnings: result.warnings } : result;
}

describe("parseJsonData", () => {
  it("is lossless for long integers anywhere", () => {
    expect(
      parseJsonData(
        '{"a": [1, 12345678901234567890, {"b": -99999999999999999}], "c": "1234567890123456789"}',
      ),
    ).toEqual({
      ok: true,
      value: { a: [1, "12345678901234567890", { b: "-99999999999999999" }], c: "1234567890123456789" },
      warnings: [],
    });
  });

  it("reports a number beyond a double's range at its path, through the fast path too", () => {
    for (const [text, path, column] of [
      ['{"userId": 1, "price": 1e400}', "price", 24],
      ['{"userId": 1, "price": -1E+400}', "price", 24],
      [`{"data": {"m": 1${"0".repeat(400)}.5}, "id": 2232732093077520756}`, "data.m", 16],
      ['{"id": 2232732093077520756, "x": [2.5e308]}', "x[0]", 35],
    ] as const) {
      const result = parseJsonData(text);
      expect(result).toEqual(reference(text));
      expect(!result.ok && result.problem).toMatchObject({ line: 1, column, path });
    }
    // Underflow rounds to zero as Jackson's double does; a 400-digit integer stays its digits.
    const digits = "7".repeat(400);
    expect(parseJsonData(`{"a": 1e-400, "b": ${digits}}`)).toEqual({
      ok: true,
      value: { a: 0, b: digits },
      warnings: [],
    });
  });

  it("warns about duplicate keys, keeping the last value, and tells a string holding '\":' from one", () => {
    const text = '{"userId": 1, "data": {"p": 1, "p": 2}, "userId": 3}';
    const result = parseJsonData(text);
    expect(result).toEqual(reference(text));
    expect(result.ok && result.value).toEqual({ userId: 3, data: { p: 2 } });
    expect(result.ok && result.warnings.map((w) => `${w.column} ${w.path} ${w.first.column}`)).toEqual([
      "32 data.p 24",
      "41 userId 2",
    ]);
    const quoted = '{"note": "a\\": b", "k" : {"x" :\t1}}';
    expect(parseJsonData(quoted)).toEqual({ ok: true, value: { note: 'a": b', k: { x: 1 } }, warnings: [] });
  });

  it("reports line and column of a syntax error", () => {
    expect(parseJsonData('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      ok: false,
      problem: { line: 3, column: 7, message: "expected ':' after property name \"b\", got '2'" },
    });
  });

  it("keeps __proto__ as data", () => {
    const result = parseJsonData('{"__proto__": {"x": 1}, "n": 12345678901234567890}');
    expect(result.ok && Object.keys(result.value as object)).toEqual(["__proto__", "n"]);
    expect(Object.getPrototypeOf(result.ok ? result.value : null)).toBe(Object.prototype);
  });

  it("keeps the limits of the hand-written parser", () => {
    const deep = "[".repeat(300) + "]".repeat(300);
    expect(parseJsonData(deep)).toEqual(reference(deep));
    expect(parseJsonData(deep, { maxDepth: 300 })).toEqual({
      ok: true,
      value: expect.any(Array) as unknown,
      warnings: [],
    });
    expect(parseJsonData(`{"a": "${"[".repeat(600)}"}`)).toEqual({
      ok: true,
      value: { a: "[".repeat(600) },
      warnings: [],
    });
    expect(parseJsonData("[1, 2]", { maxLength: 5 })).toEqual({
      ok: false,
      problem: { line: 1, column: 1, message: "the input is 6 characters, over the 5 characters limit" },
    });
  });
});

describe("parseJsonData fast path", () => {
  /**
   * JSON text with integer literals of any size, strings full of digits, doubles (some beyond a
   * double's range), nesting and (by chance) duplicate keys.
   */
  const jsonText = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map((n) => n.toString()),
      fc.stringMatching(/^[0-9a-z.e+\- ]{0,30}$/).map((s) => JSON.stringify(s)),
      // Ids already quoted, and digits next to escaped quotes, inside strings.
      fc.bigInt({ min: 0n, max: 10n ** 25n }).map((n) => JSON.stringify(n.toString())),
      fc.stringMatching(/^[0-9"\\]{0,30}$/).map((s) => JSON.stringify(s)),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
      fc.constantFrom("true", "false", "null", "1e400", "-2.5E+308", "1e-400"),
      fc.array(tie("value"), { maxLength: 4 }).map((items) => `[ ${items.join(" ,\n")} ]`),
      fc
        .array(fc.tuple(fc.stringMatching(/^[0-9a-z]{1,20}$/), tie("value")), { maxLength: 4 })
        .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
    ),
  })).value;

  it("agrees with the hand-written parser", () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        expect(parseJsonData(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it("agrees on errors too", () => {
    for (const text of [
      "{12345678901234567890: 1}",
      "[1.12345678901234567890",
      '{"a": "x, "b": 12345678901234567890}',
      "[01234567890123456789012]",
      "[-012345678901234567890]",
      '["x, 12345678901234567890]',
      '["x"12345678901234567890"y"]',
      '{"a":"12345678901234567890"12345678901234567890}',
      "\uFEFF[1] x",
      "",
    ]) {
      expect(parseJsonData(text)).toEqual(reference(text));
      expect(parseJsonData(text).ok).toBe(false);
    }
  });

  it("reads what JSON.parse refuses but the reference accepts", () => {
    expect(parseJsonData("\uFEFF[12345678901234567890]")).toEqual({
      ok: true,
      value: ["12345678901234567890"],
      warnings: [],
    });
  });
});
