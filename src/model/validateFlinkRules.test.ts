/**
 * The malformed-pattern rules where Flink's exact condition is easy to get wrong: which per-event
 * windows `NFACompiler.checkPatternWindowTimes` compares (it records a window only on some
 * states), what `checkPatternSkipStrategy` finds, the `Times` bounds, and what the dynamic-CEP
 * reader accepts because of the order it calls the Pattern API in.
 */
import { describe, expect, it } from "vitest";
import type { GraphNode, Quantifier } from "./pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "./patternBuilder.ts";
import { timesQuantifier } from "./quantifier.ts";
import { validatePattern } from "./validate.ts";
import { errors, warnings } from "./testing/diagnostics.ts";

const WINDOW_MESSAGE =
  "The window length between the previous and current event cannot be larger than the window length between the first and last event for a Pattern.";

/** `begin("a").followedBy(group)`, the group's quantifier set by `quantify`, within `window` ms. */
function withGroup(
  group: PatternBuilder,
  quantify: (b: PatternBuilder) => PatternBuilder = (b) => b,
  window = 5_000,
): GraphNode {
  return quantify(PatternBuilder.begin("a").followedBy(group)).within(window).build();
}

describe("checkPatternWindowTimes: the windows NFACompiler records", () => {
  it("compares a times(1) window only when the stage is converted more than once", () => {
    const inner = () => PatternBuilder.begin("x").times(1, 1, 10_000).next("y");
    const error = ["nodes[0].nodes[1].quantifier.times.windowTime", `stage 'x': ${WINDOW_MESSAGE}`];
    // A looping group converts its inner stages for the loop and again for each times state.
    expect(errors(withGroup(inner(), (b) => b.oneOrMore()))).toEqual([error]);
    expect(errors(withGroup(inner(), (b) => b.times(2)))).toEqual([error]);
    expect(errors(withGroup(inner(), (b) => b.times(1)))).toEqual([]);
    expect(errors(withGroup(inner()))).toEqual([]);
  });

  it("compares a times(1) window when the stage name holds ':' (Flink tests name.contains(\":\"))", () => {
    const graph = PatternBuilder.begin("a:b").times(1, 1, 10_000).followedBy("z").within(5_000).build();
    expect(errors(graph)).toEqual([
      ["nodes[1].quantifier.times.windowTime", `stage 'a:b': ${WINDOW_MESSAGE}`],
    ]);
  });

  it("compares a looping group's times window unless its dummy state is the first 'GroupPattern'", () => {
    const group = (x: string, y: string) => PatternBuilder.begin(x).next(y);
    expect(errors(withGroup(group("x", "y"), (b) => b.oneOrMore(10_000)))).toEqual([]);
    // States are created from the last stage back: the later group's dummy is "GroupPattern",
    // the earlier one's "GroupPattern:0", which records its window.
    const two = PatternBuilder.begin("a")
      .followedBy(group("x", "y"))
      .oneOrMore(10_000)
      .followedBy(group("p", "q"))
      .oneOrMore(20_000)
      .within(5_000)
      .build();
    expect(errors(two)).toEqual([["nodes[1].quantifier.times.windowTime", `stage 'y': ${WINDOW_MESSAGE}`]]);
    // A times group never creates a state of its own.
    expect(errors(withGroup(group("x", "y"), (b) => b.times(2, 3, 10_000)))).toEqual([]);
  });

  it("compares a group's PREVIOUS_AND_CURRENT window only on a last inner stage without times", () => {
    const pc = (b: PatternBuilder) => b.within(10_000, "PREVIOUS_AND_CURRENT");
    const error = ["nodes[0].window.time", `stage 'y': ${WINDOW_MESSAGE}`];
    expect(errors(withGroup(pc(PatternBuilder.begin("x").next("y"))))).toEqual([error]);
    expect(errors(withGroup(pc(PatternBuilder.begin("x").notNext("y"))))).toEqual([error]);
    // createState records PREVIOUS_AND_CURRENT only when the pattern has no times.
    expect(errors(withGroup(pc(PatternBuilder.begin("x").next("y").oneOrMore())))).toEqual([]);
    expect(errors(withGroup(pc(PatternBuilder.begin("x").next("y").times(2))))).toEqual([]);
    const nested = pc(PatternBuilder.begin("x").next(PatternBuilder.begin("p").next("q")));
    expect(errors(withGroup(nested))).toEqual([]);
  });

  it("compares a group's trailing notFollowedBy window only when it leads to the Final state", () => {
    const inner = () => PatternBuilder.begin("x").notFollowedBy("y").within(10_000, "PREVIOUS_AND_CURRENT");
    const error = ["nodes[0].window.time", `stage 'y': ${WINDOW_MESSAGE}`];
    expect(errors(withGroup(inner()))).toEqual([error]);
    expect(errors(withGroup(inner(), (b) => b.times(2, 3)))).toEqual([error]);
    // Inside a loop, or with a stage after the group, NFACompiler drops the trailing NOT.
    expect(errors(withGroup(inner(), (b) => b.oneOrMore()))).toEqual([]);
    expect(errors(withGroup(inner(), (b) => b.followedBy("z")))).toEqual([]);
  });

  it("compares against a window of 0 too", () => {
    const graph = PatternBuilder.begin("a").oneOrMore(1).followedBy("b").within(0).build();
    expect(errors(graph)).toEqual([["nodes[1].quantifier.times.windowTime", `stage 'a': ${WINDOW_MESSAGE}`]]);
  });
});

describe("checkPatternSkipStrategy", () => {
  const grouped = () => PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("GroupPattern"));

  it("finds 'GroupPattern' when the top level holds a group, as Flink compares getName()", () => {
    const graph = grouped().followedBy(PatternBuilder.begin("x").next("y")).build();
    expect(errors(graph)).toEqual([]);
    expect(warnings(graph)).toEqual([
      [
        "afterMatchStrategy.patternName",
        "'GroupPattern' is found (Flink names every GroupPattern so), but no stage holds events under that name, so SKIP_TO_FIRST never skips anything",
      ],
    ]);
    expect(errors(grouped().followedBy("b").build())).toEqual([
      [
        "afterMatchStrategy.patternName",
        "The pattern name specified in AfterMatchSkipStrategy can not be found in the given Pattern: 'GroupPattern'",
      ],
    ]);
  });
});

describe("Times bounds and optional()", () => {
  const base = () => PatternBuilder.begin("a").followedBy("b").build();
  const withB = (quantifier: Quantifier): GraphNode => {
    const graph = base();
    return { ...graph, nodes: graph.nodes.map((n) => (n.name === "b" ? { ...n, quantifier } : n)) };
  };

  it("words negative counts as the Times constructor does", () => {
    const negative = withB({ ...timesQuantifier(1, 3), times: { from: -1, to: 3, windowTime: null } });
    expect(errors(negative)).toEqual([
      ["nodes[0].quantifier.times.from", "stage 'b': The from should be a positive number greater than 0."],
    ]);
    const negativeTo = withB({ ...timesQuantifier(2, 2), times: { from: 2, to: -1, windowTime: null } });
    expect(errors(negativeTo)).toEqual([
      [
        "nodes[0].quantifier.times.to",
        "stage 'b': The to should be a number greater than or equal to from: 2.",
      ],
    ]);
    const loop = PatternBuilder.begin("a").followedBy("b").timesOrMore(-2).build();
    expect(errors(loop)).toEqual([
      ["nodes[0].quantifier.times.from", "stage 'b': The from should be a positive number greater than 0."],
    ]);
  });

  it("lets {from: 0} follow a greedy stage: times(0, n) calls quantifier.optional(), not Pattern.optional()", () => {
    const greedy = PatternBuilder.begin("a").oneOrMore().greedy().followedBy("b").build();
    const fromZero: Quantifier = { ...timesQuantifier(1, 2), times: { from: 0, to: 2, windowTime: null } };
    const graph = {
      ...greedy,
      nodes: greedy.nodes.map((n) => (n.name === "b" ? { ...n, quantifier: fromZero } : n)),
    };
    expect(validatePattern(graph)).toEqual([]);
    // The OPTIONAL property (how GraphSpec.fromPattern writes times(0, n)) is replayed as optional().
    const optional = PatternBuilder.begin("a").oneOrMore().greedy().followedBy("b").times(0, 2).build();
    expect(errors(optional)).toEqual([
      [
        "nodes[0].quantifier.properties",
        "stage 'b': Optional pattern cannot be preceded by greedy pattern ('a' is greedy)",
      ],
    ]);
  });

  it("checks an optional group after a greedy stage, not a group's first inner stage", () => {
    const after = PatternBuilder.begin("a").oneOrMore().greedy();
    const optionalGroup = after.followedBy(PatternBuilder.begin("x").next("y")).optional().build();
    expect(errors(optionalGroup)).toEqual([
      [
        "nodes[0].quantifier.properties",
        "stage 'y': Optional pattern cannot be preceded by greedy pattern ('a' is greedy)",
      ],
    ]);
    const innerOptional = PatternBuilder.begin("a")
      .oneOrMore()
      .greedy()
      .followedBy(PatternBuilder.begin("x").optional().next("y"))
      .build();
    expect(errors(innerOptional)).toEqual([]);
  });
});

describe("notFollowedBy at the end", () => {
  it("needs a window of at least 1 ms: Flink compares Duration.toMillis()", () => {
    const graph = PatternBuilder.begin("a").notFollowedBy("b").build();
    const subMillisecond = {
      ...graph,
      window: { type: "FIRST_AND_LAST" as const, time: { unit: "MICROSECONDS" as const, size: 500 } },
    };
    expect(errors(subMillisecond).map(([path]) => path)).toEqual(["edges[0].type"]);
  });

  it("is about the top-level last pattern only: a group ending in notFollowedBy is not one", () => {
    const graph = PatternBuilder.begin("a").followedBy(PatternBuilder.begin("x").notFollowedBy("y")).build();
    expect(errors(graph)).toEqual([]);
  });
});
