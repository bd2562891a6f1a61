import { describe, expect, it } from "vitest";
import { locateJsonPaths, parseJsonText } from "./jsonText.ts";
import type { JsonTextOptions } from "./jsonText.ts";

/** The syntax problem as `line:col: message`. */
function syntaxError(text: string, options?: JsonTextOptions): string {
  const result = parseJsonText(text, options);
  if (result.ok) throw new Error("expected a syntax error");
  const { line, column, message } = result.problem;
  return `${line}:${column}: ${message}`;
}

describe("parseJsonText", () => {
  it("parses what JSON.parse parses", () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9\\"\\\\\\/"], "b": {}, "c": [], "": 0}';
    const result = parseJsonText(text);
    expect(result.ok && result.value).toEqual(JSON.parse(text));
    expect(parseJsonText("\uFEFF [ ]\r\n")).toEqual({ ok: true, value: [], warnings: [] });
  });

  it("keeps integers beyond 2^53 exact as bigint by default", () => {
    const result = parseJsonText('{"id": 12345678901234567890, "small": 9007199254740991, "f": 1.5e300}');
    expect(result.ok && result.value).toEqual({
      id: 12345678901234567890n,
      small: 9007199254740991,
      f: 1.5e300,
    });
  });

  it("keeps them as digit strings anywhere with bigIntegers: string", () => {
    const text = '{"a": [1, 12345678901234567890, {"b": -99999999999999999}], "c": "1234567890123456789"}';
    expect(parseJsonText(text, { bigIntegers: "string" })).toEqual({
      ok: true,
      value: { a: [1, "12345678901234567890", { b: "-99999999999999999" }], c: "1234567890123456789" },
      warnings: [],
    });
    // Decimals and exponents become doubles, as Jackson reads them; safe integers are numbers.
    const numbers = parseJsonText("[2232732093077520756, -9007199254740993, 42, 1.5e2, 1e-400, -0]", {
      bigIntegers: "string",
    });
    expect(numbers.ok && numbers.value).toEqual(["2232732093077520756", "-9007199254740993", 42, 150, 0, -0]);
  });

  it("refuses a decimal or exponent beyond a double's range at its path; integers of any length stay exact", () => {
    expect(parseJsonText('{"a": [1, {"price": 1e400}]}')).toEqual({
      ok: false,
      problem: {
        line: 1,
        column: 21,
        path: "a[1].price",
        message:
          "the number 1e400 is beyond a double's range (±1.8e308); Flink's Jackson would read it as Infinity",
      },
    });
    const long = `-${"9".repeat(400)}.5`;
    const result = parseJsonText(`\n [${long}]`);
    expect(!result.ok && result.problem).toEqual({
      line: 2,
      column: 3,
      path: "[0]",
      message:
        "the number -99999999999999999999... is beyond a double's range (±1.8e308); Flink's Jackson would read it as -Infinity",
    });
    const digits = "1".repeat(400);
    expect(parseJsonText(`[${digits}]`, { bigIntegers: "string" })).toEqual({
      ok: true,
      value: [digits],
      warnings: [],
    });
    expect(parseJsonText(`[-${digits}]`)).toEqual({ ok: true, value: [-BigInt(digits)], warnings: [] });
  });

  it("keeps a __proto__ key as a plain property", () => {
    const result = parseJsonText('{"__proto__": {"polluted": true}, "n": 12345678901234567890}');
    if (!result.ok) throw new Error("expected ok");
    const value = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "n"]);
  });

  it("reports each kind of syntax error at its line and column", () => {
    expect(syntaxError("")).toBe("1:1: the input is empty; expected a JSON value");
    expect(syntaxError('{\n  "a": 1,\n}')).toBe("3:1: trailing comma before '}'");
    expect(syntaxError("[1,]")).toBe("1:4: trailing comma before ']'");
    expect(syntaxError("{'a': 1}")).toBe("1:2: expected a property name in double quotes, got '''");
    expect(syntaxError("{\"a\": 'x'}")).toBe("1:7: unexpected '''; expected a JSON value");
    expect(syntaxError('{"a" 1}')).toBe("1:6: expected ':' after property name \"a\", got '1'");
    expect(syntaxError('{\n  "a": 1,\n  "b" 2\n}')).toBe(
      "3:7: expected ':' after property name \"b\", got '2'",
    );
    expect(syntaxError('{"a": 1 "b": 2}')).toBe("1:9: expected ',' or '}' after a property value, got '\"'");
    expect(syntaxError('{"a": 12345678901234567890')).toBe(
      "1:27: expected ',' or '}' after a property value, got end of input",
    );
    expect(syntaxError("[1 2]")).toBe("1:4: expected ',' or ']' after an array item, got '2'");
    expect(syntaxError('["abc')).toBe("1:2: unterminated string: no closing '\"'");
    expect(syntaxError('["a\tb"]')).toBe("1:4: control character '\\t' in a string must be escaped");
    expect(syntaxError('["\\x"]')).toBe("1:3: invalid escape '\\x' in a string");
    expect(syntaxError('["\\u12"]')).toBe("1:3: \\u needs four hex digits");
    expect(syntaxError("[01]")).toBe("1:2: numbers cannot have leading zeros");
    expect(syntaxError("[01234567890123456789012]", { bigIntegers: "string" })).toBe(
      "1:2: numbers cannot have leading zeros",
    );
    expect(syntaxError("[1.]")).toBe("1:2: malformed number");
    expect(syntaxError("[-]")).toBe("1:2: a number needs digits after '-'");
    expect(syntaxError("[tru]")).toBe(
      "1:2: unexpected 't'; expected a JSON value (strings need double quotes)",
    );
    expect(syntaxError("{} {}")).toBe("1:4: unexpected '{' after the JSON value");
    expect(syntaxError("[1,\n\n  @]")).toBe("3:3: unexpected '@'; expected a JSON value");
  });

  it("bounds nesting depth and input size", () => {
    expect(syntaxError("[".repeat(300))).toBe("1:257: values are nested more than 256 levels deep");
    expect(syntaxError('{"a": [[1]]}', { maxDepth: 2 })).toBe(
      "1:8: values are nested more than 2 levels deep",
    );
    expect(parseJsonText("[".repeat(256) + "]".repeat(256)).ok).toBe(true);
    expect(syntaxError("x".repeat(11 * 1024 * 1024))).toBe(
      "1:1: the input is 11.0 MB, over the 10.0 MB limit",
    );
    expect(syntaxError("[1, 2]", { maxLength: 5 })).toBe(
      "1:1: the input is 6 characters, over the 5 characters limit",
    );
    expect(syntaxError("[" + " ".repeat(2047) + "]", { maxLength: 2047 })).toBe(
      "1:1: the input is 2.0 KB, over the 2.0 KB limit",
    );
  });

  it("warns about duplicate keys at the later key, naming the member and the first, keeping the last value", () => {
    const result = parseJsonText(
      '{\n  "a": 1,\n  "a": 2,\n  "n": [{"odd.key": 1, "odd.key": 3}],\n  "a": {"x": 1, "x": 1}\n}',
    );
    expect(result.ok && result.value).toEqual({ a: { x: 1 }, n: [{ "odd.key": 3 }] });
    const jackson = "the last value is used, as Flink's Jackson reads it";
    expect(result.ok && result.warnings).toEqual([
      {
        line: 3,
        column: 3,
        path: "a",
        key: "a",
        first: { line: 2, column: 3 },
        message: `duplicate key "a" (first at 2:3); ${jackson}`,
      },
      {
        line: 4,
        column: 24,
        path: 'n[0]["odd.key"]',
        key: "odd.key",
        first: { line: 4, column: 10 },
        message: `duplicate key "odd.key" (first at 4:10); ${jackson}`,
      },
      {
        line: 5,
        column: 17,
        path: "a.x",
        key: "x",
        first: { line: 5, column: 9 },
        message: `duplicate key "x" (first at 5:9); ${jackson}`,
      },
      {
        line: 5,
        column: 3,
        path: "a",
        key: "a",
        first: { line: 2, column: 3 },
        message: `duplicate key "a" (first at 2:3); ${jackson}`,
      },
    ]);
  });
});

describe("locateJsonPaths", () => {
  const text = '{\n  "nodes": [\n    {"name": "a", "odd.key": 1}\n  ]\n}';

  it("finds where the values at the wanted paths start", () => {
    const found = locateJsonPaths(
      text,
      new Set(["nodes[0].name", 'nodes[0]["odd.key"]', "nodes[0]", "", "x"]),
    );
    expect(found).toEqual(
      new Map([
        ["", { line: 1, column: 1 }],
        ["nodes[0]", { line: 3, column: 5 }],
        ["nodes[0].name", { line: 3, column: 14 }],
        ['nodes[0]["odd.key"]', { line: 3, column: 30 }],
      ]),
    );
  });

  it("keeps what it found up to a syntax error", () => {
    expect(locateJsonPaths('{"a": 1, "b": }, "c": 2', new Set(["a", "b", "c"]))).toEqual(
      new Map([
        ["a", { line: 1, column: 7 }],
        ["b", { line: 1, column: 15 }],
      ]),
    );
  });
});
