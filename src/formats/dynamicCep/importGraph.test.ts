import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { exportGraphSpec, importCondition, importGraphSpec } from "./index.ts";
import type { Diagnostic, ImportResult, JsonObjectValue } from "./index.ts";

type Json = Record<string, unknown>;

/** A plain copy of a valid GraphSpec: nodes [b (LOOPING), a], edge a -> b, 1-minute window. */
function validSpec(): Json {
  const graph = PatternBuilder.begin("a").where("x == 1").followedBy("b").oneOrMore().within(60_000).build();
  return JSON.parse(JSON.stringify(exportGraphSpec(graph))) as Json;
}

/** The object holding the last segment of a dotted path (`nodes.0.quantifier`), and that segment. */
function parentOf(root: Json, path: string): [Json, string] {
  const keys = path.split(".");
  const last = keys.pop() ?? "";
  let obj: unknown = root;
  for (const key of keys) obj = (obj as Json)[key];
  return [obj as Json, last];
}

/** Sets the value at a dotted path. */
function edit(root: Json, path: string, value: unknown): void {
  const [obj, key] = parentOf(root, path);
  obj[key] = value;
}

/** Deletes the key at a dotted path. */
function remove(root: Json, ...paths: string[]): void {
  for (const path of paths) {
    const [obj, key] = parentOf(root, path);
    Reflect.deleteProperty(obj, key);
  }
}

function errorsOf<T>(result: ImportResult<T>): Diagnostic[] {
  if (result.ok) throw new Error("expected the import to fail");
  return result.errors;
}

function warningsOf<T>(result: ImportResult<T>): Diagnostic[] {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.warnings;
}

const enumError = (path: string, allowed: string, got: string): Diagnostic => ({
  path,
  message: `expected one of ${allowed}, got ${got}`,
});

describe("importGraphSpec: errors name the path and what was expected", () => {
  it("rejects a non-object", () => {
    expect(errorsOf(importGraphSpec([1]))).toEqual([
      {
        path: "",
        message:
          'expected a GraphSpec object {"nodes": [...], "edges": [...], "afterMatchStrategy": {...}}, got an array',
      },
    ]);
  });

  it("refuses strings for numbers", () => {
    const spec = validSpec();
    edit(spec, "nodes.0.quantifier.times.from", "3");
    expect(errorsOf(importGraphSpec(spec))).toEqual([
      {
        path: "nodes[0].quantifier.times.from",
        message: 'expected a whole number from 0 to 2147483647, got "3"',
      },
    ]);
    edit(spec, "nodes.0.quantifier.times.from", -1);
    edit(spec, "nodes.0.quantifier.times.to", 1.5);
    expect(errorsOf(importGraphSpec(spec))).toEqual([
      {
        path: "nodes[0].quantifier.times.from",
        message: "expected a whole number from 0 to 2147483647, got -1",
      },
      {
        path: "nodes[0].quantifier.times.to",
        message: "expected a whole number from 0 to 2147483647, got 1.5",
      },
    ]);
  });

  it("validates enums with the allowed values", () => {
    const spec = validSpec();
    edit(spec, "nodes.1.type", "atomic");
    edit(spec, "edges.0.type", "FOLLOWED_BY");
    edit(spec, "window.time.unit", "minutes");
    edit(spec, "window.type", "SESSION");
    edit(spec, "afterMatchStrategy.type", "SKIP");
    edit(spec, "nodes.0.quantifier.properties", ["LOOPING", "MANY"]);
    expect(errorsOf(importGraphSpec(spec))).toEqual([
      enumError("nodes[0].quantifier.properties[1]", "SINGLE, LOOPING, TIMES, OPTIONAL, GREEDY", '"MANY"'),
      enumError("nodes[1].type", "ATOMIC, COMPOSITE", '"atomic"'),
      enumError(
        "edges[0].type",
        "STRICT, SKIP_TILL_NEXT, SKIP_TILL_ANY, NOT_NEXT, NOT_FOLLOW",
        '"FOLLOWED_BY"',
      ),
      enumError("window.type", "FIRST_AND_LAST, PREVIOUS_AND_CURRENT", '"SESSION"'),
      enumError(
        "window.time.unit",
        "NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS",
        '"minutes"',
      ),
      enumError(
        "afterMatchStrategy.type",
        "NO_SKIP, SKIP_TO_NEXT, SKIP_PAST_LAST_EVENT, SKIP_TO_FIRST, SKIP_TO_LAST",
        '"SKIP"',
      ),
    ]);
  });

  it("points out NOT_* used as a quantifier's inner strategy", () => {
    const spec = validSpec();
    edit(spec, "nodes.0.quantifier.consumingStrategy", "NOT_NEXT");
    expect(errorsOf(importGraphSpec(spec))).toEqual([
      {
        path: "nodes[0].quantifier.consumingStrategy",
        message:
          'expected one of STRICT, SKIP_TILL_NEXT, SKIP_TILL_ANY (the contiguity between iterations), got "NOT_NEXT"; NOT_NEXT belongs on the edge into the stage',
      },
      enumError(
        "nodes[0].quantifier.consumingStrategy",
        "STRICT, SKIP_TILL_NEXT, SKIP_TILL_ANY",
        '"NOT_NEXT"',
      ),
    ]);
  });

  it("requires what Flink's reader dereferences", () => {
    const spec = validSpec();
    remove(spec, "nodes.1.quantifier");
    remove(spec, "nodes.0.name");
    remove(spec, "afterMatchStrategy");
    edit(spec, "nodes.0.quantifier.properties", null);
    edit(spec, "edges.0.source", 7);
    expect(errorsOf(importGraphSpec(spec))).toEqual([
      { path: "nodes[0].name", message: 'expected the stage\'s name (a string), but "name" is missing' },
      {
        path: "nodes[0].quantifier.properties",
        message: "expected an array of one of SINGLE, LOOPING, TIMES, OPTIONAL, GREEDY, got null",
      },
      {
        path: "nodes[1].quantifier",
        message:
          'expected a quantifier such as {"consumingStrategy": "SKIP_TILL_NEXT", "properties": ["SINGLE"]}, got nothing',
      },
      { path: "edges[0].source", message: "expected the source stage's name, got 7" },
      {
        path: "afterMatchStrategy",
        message:
          'expected {"type": one of NO_SKIP, SKIP_TO_NEXT, SKIP_PAST_LAST_EVENT, SKIP_TO_FIRST, SKIP_TO_LAST, "patternName": …}, but it is missing (Flink\'s reader fails without it)',
      },
    ]);
  });

  it("checks the skip strategy's patternName and the time size", () => {
    const spec = validSpec();
    edit(spec, "afterMatchStrategy", { type: "SKIP_TO_FIRST", patternName: 3 });
    edit(spec, "window.time.size", "5");
    expect(errorsOf(importGraphSpec(spec))).toEqual([
      { path: "window.time.size", message: 'expected a whole number ≥ 0, got "5"' },
      { path: "afterMatchStrategy.patternName", message: "expected a string or null, got 3" },
    ]);
  });

  it("prefixes paths with basePath", () => {
    const spec = validSpec();
    edit(spec, "nodes.0.quantifier.times.from", "3");
    expect(errorsOf(importGraphSpec(spec, "pattern"))[0]?.path).toBe(
      "pattern.nodes[0].quantifier.times.from",
    );
  });

  it("rejects a top level that is not COMPOSITE, and other dialects", () => {
    expect(errorsOf(importGraphSpec({ ...validSpec(), type: "ATOMIC" }))).toEqual([
      { path: "type", message: 'a rule\'s pattern is a GraphSpec, whose type is "COMPOSITE", got "ATOMIC"' },
    ]);
    const spec = validSpec();
    edit(spec, "nodes.0.quantifier.innerConsumingStrategy", "STRICT");
    edit(spec, "nodes.1", { type: "COMPOSITE", name: "g", graph: { nodes: [], edges: [] } });
    const messages = errorsOf(importGraphSpec(spec)).map((d) => d.path);
    expect(messages).toEqual(["nodes[0].quantifier.innerConsumingStrategy", "nodes[1].graph"]);
    const wl4g = validSpec();
    edit(wl4g, "nodes.1.quantifier", { consumingStrategy: "SKIP_TILL_NEXT", details: ["SINGLE"] });
    expect(errorsOf(importGraphSpec(wl4g))[0]?.message).toMatch(/wl4g\/rengine dialect/);
    expect(errorsOf(importGraphSpec({ ...validSpec(), afterMatchSkipStrategy: {} }))[0]?.message).toMatch(
      /shirukai\/flink-dynamic-cep dialect/,
    );
  });
});

describe("importGraphSpec: lenient where Flink's reader is", () => {
  it("accepts missing and null optional keys alike", () => {
    const spec = validSpec();
    remove(spec, "condition");
    remove(spec, "quantifier");
    remove(spec, "window");
    remove(spec, "version");
    remove(spec, "nodes.1.condition");
    remove(spec, "nodes.1.quantifier.times");
    remove(spec, "nodes.1.quantifier.untilCondition");
    remove(spec, "nodes.0.quantifier.times.windowTime");
    remove(spec, "afterMatchStrategy.patternName");
    const result = importGraphSpec(spec);
    expect(warningsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ condition: null, quantifier: null, window: null, version: null });
    expect(result.value.nodes[1]).toMatchObject({
      condition: null,
      quantifier: { times: null, untilCondition: null },
    });
  });

  it("fills a missing top-level name from the last stage, as the writer does", () => {
    const spec = validSpec();
    remove(spec, "name");
    const result = importGraphSpec(spec);
    expect(result.ok && result.value.name).toBe("b");
  });

  it("warns about unknown keys and a non-numeric version, and drops them", () => {
    const spec = validSpec();
    edit(spec, "description", "x");
    edit(spec, "nodes.1.position", { x: 1 });
    edit(spec, "nodes.1.color", null);
    edit(spec, "version", "1.0");
    expect(warningsOf(importGraphSpec(spec))).toEqual([
      {
        path: "description",
        message:
          'unknown key "description" ignored (Flink\'s Jackson reader may reject unknown keys here); known keys: name, quantifier, condition, nodes, edges, window, afterMatchStrategy, type, version',
      },
      {
        path: "nodes[1].position",
        message:
          'unknown key "position" ignored (Flink\'s NodeSpecStdDeserializer ignores it); known keys: name, quantifier, condition, type',
      },
      {
        path: "version",
        message: 'expected a whole number, got "1.0"; Flink never reads it, so it is dropped',
      },
    ]);
  });

  it("reads a window without time as no window, with a warning", () => {
    const spec = validSpec();
    edit(spec, "window", { type: "PREVIOUS_AND_CURRENT", time: null });
    const result = importGraphSpec(spec);
    expect(result.ok && result.value.window).toBeNull();
    expect(warningsOf(result)[0]?.path).toBe("window.time");
  });

  it("keeps properties as Flink's EnumSet does: declaration order, no duplicates", () => {
    const spec = validSpec();
    edit(spec, "nodes.0.quantifier.properties", ["GREEDY", "LOOPING", "GREEDY"]);
    const result = importGraphSpec(spec);
    expect(warningsOf(result)).toEqual([
      { path: "nodes[0].quantifier.properties[2]", message: '"GREEDY" is listed twice; Flink keeps a set' },
    ]);
    expect(result.ok && result.value.nodes[0]?.quantifier?.properties).toEqual(["LOOPING", "GREEDY"]);
  });

  it("reads nested groups", () => {
    const graph = PatternBuilder.begin("a").followedBy(PatternBuilder.begin("x").next("y")).build();
    const result = importGraphSpec(exportGraphSpec(graph));
    expect(result.ok && result.value).toEqual(graph);
  });
});

describe("importCondition", () => {
  const rich = (kind: string, nested: unknown[]): JsonObjectValue => ({
    type: "CLASS",
    className: `org.apache.flink.cep.pattern.conditions.${kind}`,
    nestedConditions: nested as JsonObjectValue[],
  });
  const aviator = (expression: string) => ({ type: "AVIATOR", expression });

  it("requires a known type and its fields", () => {
    expect(errorsOf(importCondition({ expression: "x" }))).toEqual([
      { path: "type", message: 'expected one of CLASS, AVIATOR, GROOVY, but "type" is missing' },
    ]);
    expect(errorsOf(importCondition({ type: "SQL", expression: "x" }))).toEqual([
      enumError("type", "CLASS, AVIATOR, GROOVY", '"SQL"'),
    ]);
    expect(errorsOf(importCondition({ type: "AVIATOR" }))).toEqual([
      {
        path: "expression",
        message: 'expected the AVIATOR expression (a string), but "expression" is missing',
      },
    ]);
    expect(errorsOf(importCondition({ type: "CLASS", className: null }))).toEqual([
      {
        path: "className",
        message: expect.stringContaining(
          "className is null: Flink's writer stores that for a stage without where()",
        ) as string,
      },
    ]);
    expect(errorsOf(importCondition({ type: "CLASS", className: 7 }))).toEqual([
      { path: "className", message: "expected the condition's Java class name (a string), got 7" },
    ]);
  });

  it("reads GROOVY, subtype and args conditions", () => {
    expect(importCondition({ type: "GROOVY", expression: "a > 1" })).toMatchObject({
      ok: true,
      value: { type: "groovy", expression: "a > 1" },
    });
    expect(importCondition({ type: "CLASS", subClassName: "com.x.Sub" })).toMatchObject({
      value: {
        type: "subtype",
        className: "org.apache.flink.cep.pattern.conditions.SubtypeCondition",
        subClassName: "com.x.Sub",
      },
    });
    expect(importCondition({ type: "CLASS", className: "C", args: [] })).toMatchObject({
      value: { type: "class", className: "C", args: [] },
    });
  });

  it("refuses a string or non-string args under CLASS", () => {
    expect(errorsOf(importCondition({ type: "CLASS", className: "C", args: "a" }))).toEqual([
      { path: "args", message: 'expected an array of strings, got "a" (write ["a"])' },
    ]);
    expect(errorsOf(importCondition({ type: "CLASS", className: "C", args: ["a", 5] }))).toEqual([
      { path: "args[1]", message: "expected a string argument, got 5" },
    ]);
  });

  it("checks Rich condition arity", () => {
    expect(errorsOf(importCondition(rich("RichAndCondition", [aviator("a")])))).toEqual([
      { path: "nestedConditions", message: "RichAndCondition needs exactly 2 nestedConditions, got 1" },
    ]);
    expect(errorsOf(importCondition(rich("RichNotCondition", [])))).toEqual([
      { path: "nestedConditions", message: "RichNotCondition needs exactly 1 nestedConditions, got 0" },
    ]);
    const three = importCondition(rich("RichOrCondition", [aviator("a"), aviator("b"), aviator("c")]));
    expect(warningsOf(three)).toEqual([
      {
        path: "nestedConditions[2]",
        message:
          "Flink reads only the first 2 nestedConditions of a RichOrCondition; the other 1 are ignored (nest conditions to combine more)",
      },
    ]);
    expect(three.ok && three.value).toEqual({
      type: "or",
      left: { type: "aviator", expression: "a" },
      right: { type: "aviator", expression: "b" },
    });
  });

  it("matches Rich class names by suffix, as Flink does, and reports nested paths", () => {
    const shaded = importCondition({
      ...rich("x", [aviator("a")]),
      className: "com.shaded.flink.cep.pattern.conditions.RichNotCondition",
    });
    expect(warningsOf(shaded)).toEqual([
      {
        path: "className",
        message: "read as org.apache.flink.cep.pattern.conditions.RichNotCondition, which exports write",
      },
    ]);
    expect(errorsOf(importCondition({ ...rich("x", [aviator("a")]), className: "com.x.MyAnd" }))).toEqual([
      {
        path: "className",
        message:
          'nestedConditions is only read for one of org.apache.flink.cep.pattern.conditions.RichAndCondition, org.apache.flink.cep.pattern.conditions.RichOrCondition, org.apache.flink.cep.pattern.conditions.RichNotCondition, got "com.x.MyAnd"',
      },
    ]);
    const nested = rich("RichAndCondition", [aviator("a"), rich("RichNotCondition", [{ type: "AVIATOR" }])]);
    expect(errorsOf(importCondition(nested, "nodes[0].condition"))).toEqual([
      {
        path: "nodes[0].condition.nestedConditions[1].nestedConditions[0].expression",
        message: 'expected the AVIATOR expression (a string), but "expression" is missing',
      },
    ]);
  });

  it("warns about keys another condition type would use", () => {
    expect(warningsOf(importCondition({ type: "AVIATOR", expression: "a", className: "C" }))).toEqual([
      {
        path: "className",
        message:
          'unknown key "className" ignored (Flink reads only "expression" for AVIATOR); known keys: type, expression',
      },
    ]);
  });

  it("refuses conditions nested absurdly deep", () => {
    let condition: unknown = aviator("a");
    for (let i = 0; i < 70; i++) condition = rich("RichNotCondition", [condition]);
    expect(errorsOf(importCondition(condition))[0]?.message).toBe(
      "conditions are nested more than 64 levels deep",
    );
  });
});
