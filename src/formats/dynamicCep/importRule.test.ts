import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import {
  BARE_GRAPH_RULE,
  exportGraphSpec,
  exportRule,
  exportRuleSet,
  formatDiagnostic,
  importRule,
  importRuleSet,
  parseRuleSetText,
} from "./index.ts";
import type { Diagnostic, ImportResult } from "./index.ts";

const pattern = exportGraphSpec(PatternBuilder.begin("a").followedBy("b").within(1000).build());
const rule = (extra: Record<string, unknown> = {}) => ({
  id: "r1",
  version: 2,
  pattern,
  function: "com.example.Fn",
  ...extra,
});

const JACKSON = "the last value is used, as Flink's Jackson reads it";

function errorsOf<T>(result: ImportResult<T>): Diagnostic[] {
  if (result.ok) throw new Error("expected the import to fail");
  return result.errors;
}

describe("importRule", () => {
  it("reads {id, version, pattern, function} and ignores other table columns", () => {
    const result = importRule(rule({ is_deleted: 0 }));
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      value: { id: "r1", version: 2, function: "com.example.Fn" },
    });
    expect(result.ok && "idIsNumber" in result.value).toBe(false);
  });

  it("keeps a numeric id as a string and writes it back as a number", () => {
    const result = importRule(rule({ id: 7 }));
    if (!result.ok) throw new Error("expected ok");
    expect(result.value.id).toBe("7");
    expect(result.value.idIsNumber).toBe(true);
    expect(exportRule(result.value).id).toBe(7);
  });

  it("keeps ids beyond 2^53 exact when read from text, writing them back as strings", () => {
    const text = JSON.stringify(rule({ id: 0 })).replace('"id":0', '"id":12345678901234567890123');
    const result = parseRuleSetText(text, "rules.json");
    if (!result.ok) throw new Error("expected ok");
    expect(result.value[0]?.id).toBe("12345678901234567890123");
    expect(
      exportRule(
        result.value[0] ?? { ...BARE_GRAPH_RULE, id: "", pattern: PatternBuilder.begin("a").build() },
      ).id,
    ).toBe("12345678901234567890123");
    expect(errorsOf(importRule(rule({ id: 2 ** 60 })))).toEqual([
      {
        path: "id",
        message: `the numeric id ${2 ** 60} is beyond 2^53 and may have lost digits already; write it as a JSON string`,
      },
    ]);
  });

  it("reports each bad field with its path", () => {
    expect(errorsOf(importRule({ version: "1", pattern: 5, function: 3 }))).toEqual([
      {
        path: "id",
        message: 'expected the rule id (a non-empty string or a whole number), but "id" is missing',
      },
      { path: "version", message: 'expected a whole number from 0 to 2147483647, got "1"' },
      {
        path: "pattern",
        message:
          'expected a GraphSpec object {"nodes": [...], "edges": [...], "afterMatchStrategy": {...}}, got 5',
      },
      {
        path: "function",
        message: "expected the PatternProcessFunction class name (a string) or null, got 3",
      },
    ]);
    expect(errorsOf(importRule(rule({ id: "" })))[0]?.message).toBe(
      'expected the rule id (a non-empty string or a whole number), got ""',
    );
    expect(errorsOf(importRule(rule({ id: 1.5 })))[0]?.path).toBe("id");
  });

  it("reads a pattern stored as JSON text, as the rule table holds it", () => {
    const result = importRule(rule({ pattern: JSON.stringify(pattern) }));
    expect(result.ok && result.value.pattern.nodes.map((n) => n.name)).toEqual(["b", "a"]);
    expect(errorsOf(importRule(rule({ pattern: '{"nodes": [}' })))).toEqual([
      {
        path: "pattern",
        message:
          "the pattern string is not valid JSON: unexpected '}'; expected a JSON value at line 1, column 12",
      },
    ]);
    const bad = JSON.stringify({ ...pattern, edges: "none" });
    expect(errorsOf(importRule(rule({ pattern: bad })))).toEqual([
      { path: "pattern.edges", message: 'expected an array of edges (may be empty), got "none"' },
    ]);
  });

  it("defaults a missing function to null", () => {
    const result = importRule({ id: "1", version: 1, pattern });
    expect(result.ok && result.value.function).toBeNull();
  });
});

describe("importRuleSet", () => {
  it("reads a bare GraphSpec as rule 1, version 1, no function", () => {
    const result = importRuleSet(pattern);
    expect(result.ok && result.value.map(({ id, version, function: fn }) => ({ id, version, fn }))).toEqual([
      { id: "1", version: 1, fn: null },
    ]);
  });

  it("reads one rule or an array of rules, with paths into the array", () => {
    expect(importRuleSet(rule())).toMatchObject({ ok: true, value: [{ id: "r1" }] });
    const set = importRuleSet([rule(), rule({ id: "r2", version: "x" })]);
    expect(errorsOf(set)).toEqual([
      { path: "[1].version", message: 'expected a whole number from 0 to 2147483647, got "x"' },
    ]);
    expect(importRuleSet([])).toEqual({ ok: true, value: [], warnings: [] });
  });

  it("warns about repeated ids", () => {
    const set = importRuleSet([rule(), rule({ version: 3 })]);
    expect(set.ok && set.warnings).toEqual([
      {
        path: "[1].id",
        message: `rule id "r1" also appears at [0]; both run side by side here, but Flink's JDBC discoverer keeps only the highest version of each id`,
      },
    ]);
  });

  it("rejects bare GraphSpecs inside an array, and other values", () => {
    expect(errorsOf(importRuleSet([pattern]))).toEqual([
      {
        path: "[0]",
        message:
          'expected a rule {"id", "version", "pattern", "function"}; a bare GraphSpec is only accepted as the whole document',
      },
    ]);
    expect(errorsOf(importRuleSet("rules"))).toEqual([
      {
        path: "",
        message:
          'expected a GraphSpec object, a rule {"id", "version", "pattern", "function"} or an array of rules, got "rules"',
      },
    ]);
  });

  it("exports a rule set as an array of rows", () => {
    const result = importRuleSet([rule(), rule({ id: 9 })]);
    if (!result.ok) throw new Error("expected ok");
    expect(exportRuleSet(result.value).map((r) => (r as { id: unknown }).id)).toEqual(["r1", 9]);
  });
});

describe("parseRuleSetText", () => {
  it("reports syntax errors as FILE:LINE:COL", () => {
    const result = parseRuleSetText('{\n  "id": "1",\n  "version": 1,\n  "pattern": {,}\n}', "rules.json");
    expect(errorsOf(result).map(formatDiagnostic)).toEqual([
      "rules.json:4:15: expected a property name in double quotes, got ','",
    ]);
  });

  it("points import errors at the value's line and column", () => {
    const looping = exportGraphSpec(PatternBuilder.begin("a").followedBy("b").oneOrMore().build());
    const text = JSON.stringify(rule({ pattern: looping }), null, 2).replace('"from": 1', '"from": "1"');
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes('"from": "1"')) + 1;
    const column = (lines[line - 1]?.indexOf('"1"') ?? 0) + 1;
    const [error] = errorsOf(parseRuleSetText(text, "r.json"));
    expect(error && formatDiagnostic(error)).toBe(
      `r.json:${line}:${column}: pattern.quantifier.times.from: expected a whole number from 0 to 2147483647, got "1"`,
    );
  });

  it("points errors about missing keys at the enclosing object", () => {
    const text = '[\n  {"version": 1, "pattern": {}}\n]';
    const errors = errorsOf(parseRuleSetText(text, "r.json")).map(formatDiagnostic);
    expect(errors[0]).toBe(
      'r.json:2:3: [0].id: expected the rule id (a non-empty string or a whole number), but "id" is missing',
    );
    expect(errors[1]).toBe(
      'r.json:2:29: [0].pattern.nodes: expected an array of nodes, but "nodes" is missing',
    );
  });

  it("refuses input over the size bound with a clear message", () => {
    const result = parseRuleSetText(" ".repeat(2048) + "{}", "big.json", { maxLength: 1024 });
    expect(errorsOf(result).map(formatDiagnostic)).toEqual([
      "big.json:1:1: the input is 2.0 KB, over the 1.0 KB limit",
    ]);
  });

  it("passes on duplicate-key warnings with their position", () => {
    const result = parseRuleSetText(
      JSON.stringify(pattern).replace('{"name":"b"', '{"name":"x","name":"b"'),
      "p.json",
    );
    expect(result.ok && result.warnings.map(formatDiagnostic)).toEqual([
      `p.json:1:13: name: duplicate key "name" (first at 1:2); ${JACKSON}`,
    ]);
  });

  it("warns about duplicate keys inside a pattern string, at the string, saying where in it", () => {
    const text = JSON.stringify(
      rule({
        pattern: JSON.stringify(pattern).replace('"type":"COMPOSITE"', '"type":"X","type":"COMPOSITE"'),
      }),
    );
    const result = parseRuleSetText(text, "r.json");
    const column = text.indexOf('"pattern":') + '"pattern":'.length + 1;
    const inner = JSON.stringify(pattern).indexOf('"type":"COMPOSITE"') + 1;
    const first = inner;
    expect(result.ok && result.warnings.map(formatDiagnostic)).toEqual([
      `r.json:1:${column}: pattern: in the pattern string at 1:${inner + 11}: type: duplicate key "type" (first at 1:${first}); ${JACKSON}`,
    ]);
  });

  it("refuses a number beyond a double's range with its JSON path, in the file and in a pattern string", () => {
    const text = JSON.stringify(rule()).replace('"version":1', '"version":1e400');
    expect(errorsOf(parseRuleSetText(text, "r.json")).map(formatDiagnostic)).toEqual([
      `r.json:1:${text.indexOf("1e400") + 1}: pattern.version: the number 1e400 is beyond a double's range (±1.8e308); Flink's Jackson would read it as Infinity`,
    ]);
    const inString = JSON.stringify(
      rule({ pattern: JSON.stringify(pattern).replace('"version":1', '"version":-1e999') }),
    );
    const [error] = errorsOf(parseRuleSetText(inString, "r.json")).map(formatDiagnostic);
    expect(error).toMatch(
      /^r\.json:1:\d+: pattern: the pattern string cannot be read at version: the number -1e999 is beyond a double's range .* at line 1, column \d+$/,
    );
  });
});
