import { describe, expect, it } from "vitest";
import { formatDiagnostic, parseJsonText } from "./index.ts";
import { memberPath, parentPath } from "./jsonPath.ts";
import { locateDiagnostics } from "./parseJsonText.ts";

function syntaxError(text: string): string {
  const result = parseJsonText(text, "f.json");
  if (result.ok) throw new Error("expected a syntax error");
  return result.errors.map(formatDiagnostic).join("\n");
}

describe("parseJsonText", () => {
  it("parses what JSON.parse parses", () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9\\"\\\\\\/"], "b": {}, "c": [], "": 0}';
    const result = parseJsonText(text, "f.json");
    expect(result.ok && result.value).toEqual(JSON.parse(text));
    expect(parseJsonText("\uFEFF [ ]\r\n", "f.json")).toEqual({ ok: true, value: [], warnings: [] });
  });

  it("keeps integers beyond 2^53 exact as bigint", () => {
    const result = parseJsonText(
      '{"id": 12345678901234567890, "small": 9007199254740991, "f": 1.5e300}',
      "f.json",
    );
    expect(result.ok && result.value).toEqual({
      id: 12345678901234567890n,
      small: 9007199254740991,
      f: 1.5e300,
    });
  });

  it("keeps a __proto__ key as a plain property", () => {
    const result = parseJsonText('{"__proto__": {"polluted": true}}', "f.json");
    if (!result.ok) throw new Error("expected ok");
    const value = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
  });

  it("reports each kind of syntax error at its line and column", () => {
    expect(syntaxError("")).toBe("f.json:1:1: the input is empty; expected a JSON value");
    expect(syntaxError('{\n  "a": 1,\n}')).toBe("f.json:3:1: trailing comma before '}'");
    expect(syntaxError("[1,]")).toBe("f.json:1:4: trailing comma before ']'");
    expect(syntaxError("{'a': 1}")).toBe("f.json:1:2: expected a property name in double quotes, got '''");
    expect(syntaxError("{\"a\": 'x'}")).toBe("f.json:1:7: unexpected '''; expected a JSON value");
    expect(syntaxError('{"a" 1}')).toBe("f.json:1:6: expected ':' after property name \"a\", got '1'");
    expect(syntaxError('{"a": 1 "b": 2}')).toBe(
      "f.json:1:9: expected ',' or '}' after a property value, got '\"'",
    );
    expect(syntaxError("[1 2]")).toBe("f.json:1:4: expected ',' or ']' after an array item, got '2'");
    expect(syntaxError('["abc')).toBe("f.json:1:2: unterminated string: no closing '\"'");
    expect(syntaxError('["a\tb"]')).toBe("f.json:1:4: control character '\\t' in a string must be escaped");
    expect(syntaxError('["\\x"]')).toBe("f.json:1:3: invalid escape '\\x' in a string");
    expect(syntaxError('["\\u12"]')).toBe("f.json:1:3: \\u needs four hex digits");
    expect(syntaxError("[01]")).toBe("f.json:1:2: numbers cannot have leading zeros");
    expect(syntaxError("[1.]")).toBe("f.json:1:2: malformed number");
    expect(syntaxError("[-]")).toBe("f.json:1:2: a number needs digits after '-'");
    expect(syntaxError("[tru]")).toBe(
      "f.json:1:2: unexpected 't'; expected a JSON value (strings need double quotes)",
    );
    expect(syntaxError("{} {}")).toBe("f.json:1:4: unexpected '{' after the JSON value");
    expect(syntaxError("[1,\n\n  @]")).toBe("f.json:3:3: unexpected '@'; expected a JSON value");
  });

  it("bounds nesting depth and input size", () => {
    expect(syntaxError("[".repeat(300))).toBe("f.json:1:257: values are nested more than 256 levels deep");
    const big = parseJsonText("x".repeat(11 * 1024 * 1024), "big.json");
    expect(big.ok ? "" : formatDiagnostic(big.errors[0] ?? { path: "", message: "" })).toBe(
      "big.json:1:1: the input is 11.0 MB, over the 10.0 MB limit",
    );
  });

  it("warns about duplicate keys, keeping the last value", () => {
    const result = parseJsonText('{\n  "a": 1,\n  "a": 2\n}', "f.json");
    expect(result.ok && result.value).toEqual({ a: 2 });
    expect(result.ok && result.warnings.map(formatDiagnostic)).toEqual([
      'f.json:3:3: duplicate key "a"; the last value is used',
    ]);
  });
});

describe("locateDiagnostics", () => {
  const text = '{\n  "nodes": [\n    {"name": "a", "odd.key": 1}\n  ]\n}';

  it("finds a value's position, or the nearest enclosing value's", () => {
    const located = locateDiagnostics(text, "f.json", [
      { path: "nodes[0].name", message: "m1" },
      { path: 'nodes[0]["odd.key"]', message: "m2" },
      { path: "nodes[0].quantifier.times", message: "m3" },
      { path: "", message: "m4" },
    ]);
    expect(located.map(formatDiagnostic)).toEqual([
      "f.json:3:14: nodes[0].name: m1",
      'f.json:3:30: nodes[0]["odd.key"]: m2',
      "f.json:3:5: nodes[0].quantifier.times: m3",
      "f.json:1:1: m4",
    ]);
  });
});

describe("JSON paths", () => {
  it("quotes keys that are not identifiers and walks back up", () => {
    expect(memberPath("", "nodes")).toBe("nodes");
    expect(memberPath("[0]", "id")).toBe("[0].id");
    expect(memberPath("", "com.x.Cond")).toBe('["com.x.Cond"]');
    expect(parentPath('a.b[2]["c.d"]')).toBe("a.b[2]");
    expect(parentPath("a.b[2]")).toBe("a.b");
    expect(parentPath("a")).toBe("");
    expect(parentPath("[3]")).toBe("");
    expect(parentPath("")).toBeNull();
  });
});
