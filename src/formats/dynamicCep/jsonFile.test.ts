import { describe, expect, it } from "vitest";
import { formatDiagnostic, locateDiagnostics, parseJsonFile } from "./index.ts";

describe("parseJsonFile", () => {
  it("reads integers beyond 2^53 as bigint, for exact numeric rule ids", () => {
    expect(parseJsonFile('{"id": 12345678901234567890}', "f.json")).toEqual({
      ok: true,
      value: { id: 12345678901234567890n },
      warnings: [],
    });
  });

  it("reports a syntax error as one diagnostic at file:line:col", () => {
    const result = parseJsonFile('{\n  "a": 1,\n}', "f.json");
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "", message: "trailing comma before '}'", location: { file: "f.json", line: 3, column: 1 } },
      ],
      warnings: [],
    });
  });

  it("refuses a text over the size limit", () => {
    const big = parseJsonFile("x".repeat(11 * 1024 * 1024), "big.json");
    expect(big.ok ? [] : big.errors.map(formatDiagnostic)).toEqual([
      "big.json:1:1: the input is 11.0 MB, over the 10.0 MB limit",
    ]);
    const small = parseJsonFile("[1, 2]", "small.json", { maxLength: 5 });
    expect(small.ok ? [] : small.errors.map(formatDiagnostic)).toEqual([
      "small.json:1:1: the input is 6 characters, over the 5 characters limit",
    ]);
  });

  it("warns about duplicate keys, keeping the last value", () => {
    const result = parseJsonFile('{\n  "a": 1,\n  "a": 2,\n  "b": {"c": 1, "c": 2}\n}', "f.json");
    expect(result.ok && result.value).toEqual({ a: 2, b: { c: 2 } });
    const jackson = "the last value is used, as Flink's Jackson reads it";
    expect(result.ok && result.warnings.map(formatDiagnostic)).toEqual([
      `f.json:3:3: a: duplicate key "a" (first at 2:3); ${jackson}`,
      `f.json:4:17: b.c: duplicate key "c" (first at 4:9); ${jackson}`,
    ]);
  });

  it("reports a number beyond a double's range as an error with its JSON path", () => {
    expect(parseJsonFile('{\n  "window": {"time": -1e400}\n}', "f.json")).toEqual({
      ok: false,
      errors: [
        {
          path: "window.time",
          message:
            "the number -1e400 is beyond a double's range (±1.8e308); Flink's Jackson would read it as -Infinity",
          location: { file: "f.json", line: 2, column: 22 },
        },
      ],
      warnings: [],
    });
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
      { path: "x", message: "m5", location: { file: "g.json", line: 9, column: 9 } },
    ]);
    expect(located.map(formatDiagnostic)).toEqual([
      "f.json:3:14: nodes[0].name: m1",
      'f.json:3:30: nodes[0]["odd.key"]: m2',
      "f.json:3:5: nodes[0].quantifier.times: m3",
      "f.json:1:1: m4",
      "g.json:9:9: x: m5",
    ]);
  });
});
