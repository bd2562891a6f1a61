import { describe, expect, it } from "vitest";
import { validatePattern } from "../../model/validate.ts";
import {
  exportCondition,
  exportEdge,
  exportGraphSpec,
  exportRule,
  importCondition,
  importEdge,
  importGraphSpec,
  importRule,
  parseRuleSetText,
} from "./index.ts";
import type { ImportResult } from "./index.ts";
import { fixture, fixtureText, FULL_GRAPH_SAMPLES, SEED_RULE_FILES } from "./testing/sampleFiles.ts";

function valueOf<T>(result: ImportResult<T>): T {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/**
 * First difference between two JSON values, treating a missing key and `null` as equal, or
 * null when they are equal that way. Arrays must match in length and order.
 */
function diffModuloNull(a: unknown, b: unknown, path = "$"): string | null {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: array vs non-array`;
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (const [i, item] of a.entries()) {
      const diff = diffModuloNull(item, b[i], `${path}[${i}]`);
      if (diff) return diff;
    }
    return null;
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      const diff = diffModuloNull(left[key], right[key], `${path}.${key}`);
      if (diff) return diff;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

function jsonEqualModuloNull(a: unknown, b: unknown): boolean {
  return diffModuloNull(a, b) === null;
}

describe("jsonEqualModuloNull", () => {
  it("treats a missing key as null and nothing else", () => {
    expect(jsonEqualModuloNull({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(jsonEqualModuloNull({ a: [1, { c: null }] }, { a: [1, {}] })).toBe(true);
    expect(jsonEqualModuloNull({ a: 1 }, { a: "1" })).toBe(false);
    expect(jsonEqualModuloNull([1, 2], [2, 1])).toBe(false);
    expect(jsonEqualModuloNull({ a: [] }, { a: null })).toBe(false);
    expect(diffModuloNull({ a: { b: 1 } }, { a: { b: 2 } })).toBe("$.a.b: 1 vs 2");
  });
});

describe("round trip of every full sample", () => {
  it.each(FULL_GRAPH_SAMPLES)("exportGraphSpec(importGraphSpec(x)) = x for %s", (name) => {
    const json = fixture(name);
    const result = importGraphSpec(json);
    expect(result.ok && result.warnings).toEqual([]);
    expect(diffModuloNull(exportGraphSpec(valueOf(result)), json)).toBeNull();
  });

  it.each(SEED_RULE_FILES)("exportRule(importRule(x)) = x for %s", (name) => {
    const json = fixture(name);
    const result = importRule(json);
    expect(result.ok && result.warnings).toEqual([]);
    expect(diffModuloNull(exportRule(valueOf(result)), json)).toBeNull();
  });

  it.each([...FULL_GRAPH_SAMPLES, ...SEED_RULE_FILES])("reads %s from text the same way", (name) => {
    const text = fixtureText(name);
    const rules = valueOf(parseRuleSetText(text, name));
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    if (!rule) throw new Error("no rule");
    const json = JSON.parse(text) as { pattern?: unknown };
    const expected = name.startsWith("scenarios/") ? json.pattern : json;
    expect(diffModuloNull(exportGraphSpec(rule.pattern), expected)).toBeNull();
  });

  it.each([...FULL_GRAPH_SAMPLES, ...SEED_RULE_FILES])("%s is a pattern Flink accepts", (name) => {
    const text = fixtureText(name);
    const [rule] = valueOf(parseRuleSetText(text, name));
    if (!rule) throw new Error("no rule");
    expect(validatePattern(rule.pattern)).toEqual([]);
  });

  it("keeps nodes and edges in the order given, and the key order of the reference writer", () => {
    const json = fixture("samples/constructed/c3-conditions-not-next-times.json");
    const exported = exportGraphSpec(valueOf(importGraphSpec(json)));
    expect(Object.keys(exported)).toEqual([
      "name",
      "quantifier",
      "condition",
      "nodes",
      "edges",
      "window",
      "afterMatchStrategy",
      "type",
      "version",
    ]);
    const nodes = exported.nodes as ReadonlyArray<Record<string, unknown>>;
    expect(nodes.map((n) => n.name)).toEqual(["end", "middle", "noCancel", "start"]);
    expect(Object.keys(nodes[0] ?? {})).toEqual(["name", "quantifier", "condition", "type"]);
    expect(Object.keys(nodes[0]?.quantifier ?? {})).toEqual([
      "consumingStrategy",
      "properties",
      "times",
      "untilCondition",
    ]);
  });

  it("writes out the null-valued keys the reference writer writes", () => {
    const json = fixture("samples/karekin-flink_cep-init-sql-rule2-v1.json");
    const text = JSON.stringify(exportGraphSpec(valueOf(importGraphSpec(json))));
    expect(text).toContain('"times":null,"untilCondition":null');
    expect(text).toContain('"afterMatchStrategy":{"type":"NO_SKIP","patternName":null}');
    expect(text).toContain('"times":{"from":3,"to":3,"windowTime":null}');
  });
});

describe("legacy CUSTOM_ARGS", () => {
  it("converts to CLASS + args with a warning naming the path", () => {
    const json = fixture("samples/realtimecompute-zebra_test-README-legacy-CUSTOM_ARGS.json");
    const result = importGraphSpec(json);
    if (!result.ok) throw new Error("expected ok");
    expect(result.warnings).toEqual([
      {
        path: "nodes[1].condition.type",
        message:
          'legacy condition type "CUSTOM_ARGS" read as {"type": "CLASS", "className": "com.alibaba.ververica.cep.demo.condition.CustomMiddleCondition", "args": ["eventArgs.detail.price > 10000"]}; ' +
          "Flink's reader rejects CUSTOM_ARGS, so exports write the CLASS form",
      },
    ]);
    expect(result.value.nodes[1]).toMatchObject({
      name: "start",
      condition: {
        type: "class",
        className: "com.alibaba.ververica.cep.demo.condition.CustomMiddleCondition",
        args: ["eventArgs.detail.price > 10000"],
      },
    });
    const exported = exportGraphSpec(result.value);
    const nodes = exported.nodes as ReadonlyArray<Record<string, unknown>>;
    expect(nodes[1]?.condition).toEqual({
      args: ["eventArgs.detail.price > 10000"],
      className: "com.alibaba.ververica.cep.demo.condition.CustomMiddleCondition",
      type: "CLASS",
    });
    // Everything else survives as written.
    expect(
      diffModuloNull(
        { ...exported, nodes: [nodes[0]] },
        { ...(json as Record<string, unknown>), nodes: [(json as { nodes: unknown[] }).nodes[0]] },
      ),
    ).toBeNull();
  });
});

describe("fragment samples", () => {
  it.each([
    ["samples/fragment-kalencaya-docs-json-md-condition-aviator.json", true],
    ["samples/fragment-kalencaya-docs-json-md-condition-rich-and.json", true],
    ["samples/fragment-ververica-docs-condition-aviator.json", false],
    ["samples/fragment-ververica-docs-condition-class-args.json", false],
    ["samples/fragment-ververica-docs-condition-class.json", false],
  ] as const)("condition %s round-trips through importCondition", (name, wrapped) => {
    const json = fixture(name) as Record<string, unknown>;
    const condition = wrapped ? json.condition : json;
    const result = importCondition(condition);
    expect(result.ok && result.warnings).toEqual([]);
    expect(diffModuloNull(exportCondition(valueOf(result)), condition)).toBeNull();
  });

  it("reads the RichAnd fragment as an and-condition", () => {
    const json = fixture("samples/fragment-kalencaya-docs-json-md-condition-rich-and.json") as {
      condition: unknown;
    };
    expect(valueOf(importCondition(json.condition))).toEqual({
      type: "and",
      left: { type: "aviator", expression: "action == 0" },
      right: { type: "aviator", expression: "action == 0" },
    });
  });

  it("round-trips the edge fragment through importEdge", () => {
    const json = fixture("samples/fragment-kalencaya-docs-json-md-edge.json");
    expect(exportEdge(valueOf(importEdge(json)))).toEqual(json);
  });

  it("rejects the partial graphs, naming what their author left out", () => {
    for (const name of [
      "samples/fragment-kalencaya-docs-json-md-graph-partial-1.json",
      "samples/fragment-kalencaya-docs-json-md-graph-partial-2.json",
    ]) {
      const result = importGraphSpec(fixture(name));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toEqual([
        { path: "nodes", message: 'expected an array of nodes, but "nodes" is missing' },
        { path: "edges", message: 'expected an array of edges (may be empty), but "edges" is missing' },
      ]);
    }
  });
});
