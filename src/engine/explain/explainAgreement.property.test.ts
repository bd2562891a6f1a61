/**
 * `CompiledNFA.explain` agrees with the engine: over random patterns of the property families
 * (`src/engine/properties/`) and random streams, at every event `explain` leaves the key's
 * state untouched, and what it reports — matches, timeouts, what each run became, what the skip
 * strategy pruned, and the sentences the user reads — is what `advanceTime` + `process` then do
 * (`agreementChecks.ts`).
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import type { Condition } from "../../model/condition.ts";
import type { AfterMatchSkipStrategy, AtomicNode, GraphNode } from "../../model/pattern.ts";
import { hasPatternErrors, validatePattern } from "../../model/validate.ts";
import {
  notBeforeOptionalArb,
  notLoopPatternArb,
  groupChainPatternArb,
  withChainSkip,
} from "../properties/chainArbs.ts";
import { isValidChain } from "../properties/chainChecks.ts";
import { buildChainPattern } from "../properties/chainPattern.ts";
import { compilePattern } from "../compiledNfa.ts";
import {
  buildLinearPattern,
  linearPatternArb,
  skipArb,
  streamArb,
  type Letter,
  type StreamEvent,
} from "../properties/linearPattern.ts";
import { buildNotPattern, notPatternArb } from "../properties/notPattern.ts";
import {
  buildQuantifiedPattern,
  focusedPatternArb,
  greedyStageArb,
  quantifiedPatternArb,
  untilStageArb,
  windowedPatternArb,
} from "../properties/quantifiedPattern.ts";
import { describeExplanation } from "./describeExplanation.ts";
import { checkAgreement, explainThenFeed } from "./agreementChecks.ts";
import { checkDescription } from "./descriptionChecks.ts";

/** 3–8 events, then sometimes one far later (windows up to 10 ms end before it). */
const eventsArb: fc.Arbitrary<StreamEvent[]> = fc
  .record({
    events: streamArb({ maxLength: 8, minLength: 3 }),
    far: fc.option(fc.constantFrom<Letter>("a", "b", "c"), { nil: null }),
  })
  .map(({ events, far }) => {
    const last = events.at(-1);
    const all =
      far === null || last === undefined
        ? events
        : [...events, { i: events.length, name: far, ts: last.ts + 11, key: "k" }];
    // Frozen: neither explaining nor processing may change an event.
    return all.map((event) => Object.freeze(event));
  });

/** The NOT stages of a graph (targets of NOT_NEXT / NOT_FOLLOW edges, groups included). */
function notStagesOf(graph: GraphNode, into = new Set<string>()): Set<string> {
  for (const edge of graph.edges)
    if (edge.type === "NOT_NEXT" || edge.type === "NOT_FOLLOW") into.add(edge.target);
  for (const node of graph.nodes) if (node.type === "COMPOSITE") notStagesOf(node, into);
  return into;
}

/** Explains then feeds every event on one key, checking each step, until a condition throws. */
function explainAgrees(graph: GraphNode, events: readonly StreamEvent[], maxPartialMatches?: number): void {
  fc.pre(!hasPatternErrors(validatePattern(graph)));
  const nfa = compilePattern(graph, {
    handleTimeout: true,
    ...(maxPartialMatches === undefined ? {} : { maxPartialMatches }),
  });
  const notStages = notStagesOf(graph);
  const state = nfa.createState();
  for (const event of events) {
    const step = explainThenFeed(nfa, state, event, event.ts);
    checkAgreement(step);
    checkDescription(step, describeExplanation(step.explanation), notStages);
    if (step.thrown !== null) return;
  }
}

/**
 * Conditions that read the partial match (Flink's `getEventsForPattern`), ANDed to a stage's:
 * a bound on the stage's own events, on the first stage's, and on the time since the first
 * stage's last event.
 */
const ITERATIVE = [
  (self: string) => `count(getEventsForPattern('${self}')) < 2`,
  () => `count(getEventsForPattern('s0')) <= 1`,
  () => `ts - reduce(getEventsForPattern('s0'), lambda(acc, e) -> e.ts end, ts) <= 4`,
] as const;

/** `graph` with `picks[n]` (an index into {@link ITERATIVE}, or null) ANDed to its n-th atomic stage. */
function withIterativeConditions(graph: GraphNode, picks: readonly (number | null)[]): GraphNode {
  let n = 0;
  const stage = (node: AtomicNode): AtomicNode => {
    const pick = picks[n++ % picks.length] ?? null;
    const template =
      pick === null ? undefined : (ITERATIVE[pick] ?? (() => throwsAt(pick - ITERATIVE.length)));
    if (template === undefined || node.condition === null) return node;
    const iterative: Condition = { type: "aviator", expression: template(node.name) };
    return { ...node, condition: { type: "and", left: node.condition, right: iterative } };
  };
  const visit = (g: GraphNode): GraphNode => ({
    ...g,
    nodes: g.nodes.map((node) => (node.type === "COMPOSITE" ? visit(node) : stage(node))),
  });
  return visit(graph);
}
/** A condition that throws ("/ by zero") on the event with arrival index `at`. */
const throwsAt = (at: number) => `1 / (i - ${String(at)}) > -2`;

const picksArb = fc.array(fc.option(fc.integer({ min: 0, max: ITERATIVE.length - 1 }), { nil: null }), {
  minLength: 1,
  maxLength: 4,
});

const withSkip = <P>(patterns: fc.Arbitrary<P>, stages: (p: P) => number) =>
  patterns.chain((pattern) =>
    skipArb(stages(pattern)).map((skip: AfterMatchSkipStrategy) => ({ pattern, skip })),
  );

const linearArb = withSkip(linearPatternArb(), (p) => p.stages.length).map(({ pattern, skip }) =>
  buildLinearPattern(pattern, skip),
);
const quantifiedArb = withSkip(
  fc.oneof(
    quantifiedPatternArb,
    windowedPatternArb,
    focusedPatternArb(untilStageArb),
    focusedPatternArb(greedyStageArb),
  ),
  (p) => p.stages.length,
).map(({ pattern, skip }) => buildQuantifiedPattern(pattern, skip));
const notArb = withSkip(notPatternArb, (p) => p.pre.length + 1 + (p.post === null ? 0 : 1)).map(
  ({ pattern, skip }): GraphNode => ({ ...buildNotPattern(pattern), afterMatchStrategy: skip }),
);
const chainArb = withChainSkip(
  fc.oneof(notLoopPatternArb, groupChainPatternArb, notBeforeOptionalArb).filter(isValidChain),
).map(({ pattern, skip }) => buildChainPattern(pattern, skip));

describe("explain agrees with advanceTime + process", () => {
  it("linear chains: next / followedBy / followedByAny, both window kinds, every skip strategy", () => {
    fc.assert(
      fc.property(linearArb, eventsArb, (graph, events) => {
        explainAgrees(graph, events);
      }),
      { numRuns: 60 },
    );
  });

  it("quantifiers: times, timesOrMore, greedy, consecutive, allowCombinations, until, per-stage windows", () => {
    fc.assert(
      fc.property(quantifiedArb, eventsArb, (graph, events) => {
        explainAgrees(graph, events);
      }),
      { numRuns: 80 },
    );
  });

  it("notNext / notFollowedBy, in the middle and at the end with a window", () => {
    fc.assert(
      fc.property(notArb, eventsArb, (graph, events) => {
        explainAgrees(graph, events);
      }),
      { numRuns: 60 },
    );
  });

  it("groups, optional stages and NOT stages around loops", () => {
    fc.assert(
      fc.property(chainArb, eventsArb, (graph, events) => {
        explainAgrees(graph, events);
      }),
      { numRuns: 80 },
    );
  });

  it("the partial-match cap drops runs", () => {
    fc.assert(
      fc.property(
        fc.oneof(quantifiedArb, chainArb),
        fc.integer({ min: 1, max: 3 }),
        eventsArb,
        (graph, cap, events) => {
          explainAgrees(graph, events, cap);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("conditions that throw stop processing with the same error", () => {
    const throwingArb = fc.array(
      fc.option(fc.integer({ min: ITERATIVE.length, max: ITERATIVE.length + 8 }), { nil: null }),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(
        fc.oneof(linearArb, quantifiedArb, chainArb),
        throwingArb,
        eventsArb,
        (graph, picks, events) => {
          explainAgrees(withIterativeConditions(graph, picks), events);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("iterative conditions (getEventsForPattern)", () => {
    fc.assert(
      fc.property(fc.oneof(quantifiedArb, chainArb), picksArb, eventsArb, (graph, picks, events) => {
        explainAgrees(withIterativeConditions(graph, picks), events);
      }),
      { numRuns: 60 },
    );
  });
});
