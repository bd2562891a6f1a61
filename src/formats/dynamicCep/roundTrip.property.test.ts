import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Condition } from "../../model/condition.ts";
import type { Duration } from "../../model/duration.ts";
import { TIME_UNITS } from "../../model/duration.ts";
import type { AtomicNode, Edge, GraphNode, PatternNode, Quantifier, Rule } from "../../model/pattern.ts";
import {
  EDGE_CONTIGUITIES,
  INNER_CONTIGUITIES,
  QUANTIFIER_PROPERTIES,
  SKIP_STRATEGIES,
  WINDOW_TYPES,
} from "../../model/pattern.ts";
import { exportGraphSpec, exportRule, importGraphSpec, importRule, parseRuleSetText } from "./index.ts";

/** Any string, including ones JSON must escape. */
const text = fc.string({ unit: "binary", maxLength: 12 });
const name = fc.oneof(text, fc.constantFrom("start", "middle", "end", "a:1", "$endState$"));

const duration: fc.Arbitrary<Duration> = fc.record({
  unit: fc.constantFrom(...TIME_UNITS),
  size: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
});

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ type: fc.constant("aviator" as const), expression: text }),
    fc.record({ type: fc.constant("groovy" as const), expression: text }),
    fc.record({ type: fc.constant("class" as const), className: text }),
    fc.record({
      type: fc.constant("class" as const),
      className: text,
      args: fc.array(text, { maxLength: 3 }),
    }),
    fc.record({ type: fc.constant("subtype" as const), className: text, subClassName: text }),
    fc.record({
      type: fc.constantFrom("and" as const, "or" as const),
      left: tie("condition"),
      right: tie("condition"),
    }),
    fc.record({ type: fc.constant("not" as const), inner: tie("condition") }),
  ),
}));

const quantifier: fc.Arbitrary<Quantifier> = fc.record({
  consumingStrategy: fc.constantFrom(...INNER_CONTIGUITIES),
  // subarray keeps EnumSet order and never repeats, as Flink's EnumSet.
  properties: fc.subarray([...QUANTIFIER_PROPERTIES]),
  times: fc.option(
    fc.record({
      from: fc.integer({ min: 0, max: 2_147_483_647 }),
      to: fc.integer({ min: 0, max: 2_147_483_647 }),
      windowTime: fc.option(duration),
    }),
  ),
  untilCondition: fc.option(condition),
});

const edge: fc.Arbitrary<Edge> = fc.record({
  source: name,
  target: name,
  type: fc.constantFrom(...EDGE_CONTIGUITIES),
});

const atomic: fc.Arbitrary<AtomicNode> = fc.record({
  type: fc.constant("ATOMIC" as const),
  name,
  quantifier,
  condition: fc.option(condition),
});

function graphOf(nodes: fc.Arbitrary<PatternNode>): fc.Arbitrary<GraphNode> {
  return fc.record({
    type: fc.constant("COMPOSITE" as const),
    name,
    quantifier: fc.option(quantifier),
    condition: fc.option(condition),
    nodes: fc.array(nodes, { maxLength: 4 }),
    edges: fc.array(edge, { maxLength: 4 }),
    window: fc.option(fc.record({ type: fc.constantFrom(...WINDOW_TYPES), time: duration })),
    afterMatchStrategy: fc.record({
      type: fc.constantFrom(...SKIP_STRATEGIES),
      patternName: fc.option(name),
    }),
    version: fc.option(fc.integer({ min: -5, max: 5 })),
  });
}

/** Any model graph the JSON can hold (valid for Flink or not): groups nest up to two levels. */
const graphNode: fc.Arbitrary<GraphNode> = graphOf(
  fc.oneof(atomic, graphOf(fc.oneof(atomic, graphOf(atomic)))),
);

const rule: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({
    id: text.filter((s) => s !== ""),
    version: fc.nat(2_147_483_647),
    pattern: graphNode,
    function: fc.option(text),
  }),
  fc
    .record({
      id: fc.maxSafeInteger().map(String),
      version: fc.nat(2_147_483_647),
      pattern: graphNode,
      function: fc.option(text),
    })
    .map((r): Rule => ({ ...r, idIsNumber: true })),
);

describe("round trip of random model graphs", () => {
  it("importGraphSpec(exportGraphSpec(g)) = g", () => {
    fc.assert(
      fc.property(graphNode, (graph) => {
        const result = importGraphSpec(exportGraphSpec(graph));
        expect(result).toEqual({ ok: true, value: graph, warnings: [] });
      }),
      { numRuns: 300 },
    );
  });

  it("survives JSON text: parseRuleSetText(stringify(exportGraphSpec(g)))", () => {
    fc.assert(
      fc.property(graphNode, (graph) => {
        const result = parseRuleSetText(JSON.stringify(exportGraphSpec(graph), null, 1), "g.json");
        expect(result.ok && result.value[0]?.pattern).toEqual(graph);
      }),
      { numRuns: 200 },
    );
  });

  it("importRule(exportRule(r)) = r, numeric ids included", () => {
    fc.assert(
      fc.property(rule, (r) => {
        const result = importRule(JSON.parse(JSON.stringify(exportRule(r))));
        expect(result).toEqual({ ok: true, value: r, warnings: [] });
      }),
      { numRuns: 200 },
    );
  });
});
