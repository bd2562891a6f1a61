import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { exportCases } from "../java/exportCases.fixture.ts";
import { flinkReadProblems } from "./flinkSpecClasses.fixture.ts";
import { exportGraphSpec, exportRule, importCondition, importGraphSpec, importRule } from "./index.ts";
import { fixture, FULL_GRAPH_SAMPLES, SEED_RULE_FILES } from "./testing/sampleFiles.ts";

/**
 * The promise: an exported GraphSpec loads in Flink dynamic CEP unchanged, and what Flink's
 * writer (`GraphSpec.fromPattern` + Jackson) produces loads here. `flinkReadProblems` describes
 * the reader's spec classes (Ververica 1.15-vvr-6.0.2, Karekin/flink_cep).
 */

/** As the exporter's text holds it: `JSON.stringify` then parsed back. */
const asText = (json: unknown): unknown => JSON.parse(JSON.stringify(json));

describe("the spec description itself", () => {
  it("accepts every verbatim and constructed sample and refuses what Flink refuses", () => {
    for (const name of FULL_GRAPH_SAMPLES) expect(flinkReadProblems(fixture(name)), name).toEqual([]);
    const legacy = fixture("samples/realtimecompute-zebra_test-README-legacy-CUSTOM_ARGS.json");
    expect(flinkReadProblems(legacy).join("\n")).toContain('"CUSTOM_ARGS" is not one of CLASS, AVIATOR');
    const rule2 = fixture("samples/karekin-flink_cep-init-sql-rule2-v1.json") as Record<string, unknown>;
    expect(flinkReadProblems({ ...rule2, layout: {} })).toEqual(['$: unknown property "layout"']);
    const edges = [{ source: "a", target: "b", type: "FOLLOWED_BY", label: "x" }];
    expect(flinkReadProblems({ ...rule2, edges })).toEqual([
      '.edges[0]: unknown property "label"',
      '.edges[0].type: "FOLLOWED_BY" is not one of STRICT, SKIP_TILL_NEXT, SKIP_TILL_ANY, NOT_FOLLOW, NOT_NEXT',
    ]);
  });
});

describe("exports load in Flink unchanged", () => {
  it.each(exportCases().map((c) => [c.name, c.graph] as const))("%s", (_name, graph) => {
    const exported = asText(exportGraphSpec(graph));
    expect(flinkReadProblems(exported)).toEqual([]);
    // ...and come back as the same pattern.
    const back = importGraphSpec(exported);
    expect(back.ok && back.warnings).toEqual([]);
    expect(back.ok && back.value).toEqual(graph);
  });

  it.each([...FULL_GRAPH_SAMPLES])("sample %s, imported and exported", (name) => {
    const result = importGraphSpec(fixture(name));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(flinkReadProblems(asText(exportGraphSpec(result.value)))).toEqual([]);
  });

  it.each(SEED_RULE_FILES)(
    "seed %s loads here unchanged, and its exported pattern loads in Flink",
    (name) => {
      const json = fixture(name) as { pattern: unknown };
      expect(flinkReadProblems(json.pattern)).toEqual([]);
      const result = importRule(json);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.warnings).toEqual([]);
      const exported = asText(exportRule(result.value)) as Record<string, unknown>;
      expect(Object.keys(exported)).toEqual(["id", "version", "pattern", "function"]);
      expect(flinkReadProblems(exported.pattern)).toEqual([]);
    },
  );

  it("keeps an imported GROOVY condition, the one type the 6.0.2 reader lacks (newer runtimes read it)", () => {
    const groovy = importCondition({ type: "GROOVY", expression: "price > 10" });
    if (!groovy.ok) throw new Error("not read");
    const graph = PatternBuilder.begin("a").where(groovy.value).build();
    expect(flinkReadProblems(asText(exportGraphSpec(graph)))).toEqual([
      '.nodes[0].condition.type: "GROOVY" is not one of CLASS, AVIATOR',
    ]);
  });
});

type Obj = Record<string, unknown>;
const AVIATOR_CONDITION_CLASS = "org.apache.flink.cep.dynamic.condition.AviatorCondition";

/**
 * Reshapes our export as Flink's writer shapes the same pattern: nodes and edges last-to-first,
 * a graph's `name` and `quantifier` copied from its last pattern (a group thus carries its last
 * stage's quantifier), `condition: null` on graphs, `version: 1`, the until condition as a
 * `ClassConditionSpec` of its class, and a PREVIOUS_AND_CURRENT window without its time.
 */
function asFlinkWriter(graph: Obj): Obj {
  const nodes = (graph.nodes as Obj[]).map((n) =>
    n.type === "COMPOSITE" ? asFlinkWriter(n) : writerNode(n),
  );
  const edges = graph.edges as Obj[];
  const sources = new Set(edges.map((e) => e.source));
  const last = nodes.find((n) => !sources.has(n.name)) ?? nodes[0];
  const window = graph.window as Obj | null;
  return {
    name: last?.name ?? null,
    quantifier: last?.quantifier ?? null,
    condition: null,
    nodes: [...nodes].reverse(),
    edges: [...edges].reverse(),
    window: window && (window.type === "PREVIOUS_AND_CURRENT" ? { type: window.type, time: null } : window),
    afterMatchStrategy: graph.afterMatchStrategy,
    type: "COMPOSITE",
    version: 1,
  };
}

function writerNode(node: Obj): Obj {
  const q = node.quantifier as Obj;
  const until = q.untilCondition as Obj | null;
  const untilClass = until && (until.type === "AVIATOR" ? AVIATOR_CONDITION_CLASS : until.className);
  return {
    ...node,
    quantifier: { ...q, untilCondition: until && { className: untilClass, type: "CLASS" } },
  };
}

describe("what Flink's writer produces loads here", () => {
  it.each(exportCases().map((c) => [c.name, c.graph] as const))("%s", (_name, graph) => {
    const written = asFlinkWriter(asText(exportGraphSpec(graph)) as Obj);
    const result = importGraphSpec(written);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    // The only remark is the writer's lost PREVIOUS_AND_CURRENT time.
    for (const w of result.warnings) expect(w.message).toContain("PREVIOUS_AND_CURRENT");
  });

  it("explains the writer's anonymous true condition (a stage without where())", () => {
    const result = importCondition({ className: null, type: "CLASS" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message).join("\n")).toContain("anonymous");
  });
});
