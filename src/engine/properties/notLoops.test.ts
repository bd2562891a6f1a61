/**
 * NOT patterns around loops and optional stages, judged by the state-graph oracle
 * (`stateGraph.ts`: Flink's `NFACompiler` transcribed; `stateGraphRuns.ts`:
 * `NFA.computeNextStates`; `runModel.ts`: `advanceTime` / `doProcess` / skip strategies), NFA fed
 * as Flink's `NFATestHarness` feeds it, with timeouts, every skip strategy, with and without a
 * final `advanceTime(+∞)`. What the compiler does there, and these properties hold the engine to:
 * - `notFollowedBy(N)` after a times or looping stage: every state of that stage but its head
 *   gets a PROCEED to N's stop state (`addStopStateToLooping`), so an N after the stage's first
 *   event discards the run, even between mandatory iterations; the next stage's head stops on N
 *   too (`addStopStates`), through any optional stages in between.
 * - `notNext(N)` after a loop: the loop PROCEEDs into the notNext state, whose PROCEED on N
 *   reaches the stop state, so an N right after any of the loop's events discards the whole run
 *   (`doProcess`: `shouldDiscardPath`), its TAKE of that event included.
 * - an optional stage after a `notFollowedBy` TAKEs into copies of the following states without
 *   that NOT's stop transitions (`copyWithoutTransitiveNots`): taking cancels the NOT, skipping
 *   keeps it; its ignore state stops on it.
 * - `notNext` / `notFollowedBy` at the end (a Pending state, released by `advanceTime`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AfterMatchSkip } from "../../model/patternBuilder.ts";
import { notBeforeOptionalArb, notLoopPatternArb, withChainSkip } from "./chainArbs.ts";
import { agreesWithStateGraph, isValidChain } from "./chainChecks.ts";
import { buildChainPattern, simulateChain, type ChainPattern, type ChainStage } from "./chainPattern.ts";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import { streamArb, type Letter, type StreamEvent } from "./linearPattern.ts";
import { matchLines } from "./logViews.ts";

const END = Number.POSITIVE_INFINITY;

const stage = (accepts: Letter[], over: Partial<ChainStage> = {}): ChainStage => ({
  kind: "stage",
  edge: "SKIP_TILL_NEXT",
  accepts,
  quantifier: { kind: "single" },
  inner: "SKIP_TILL_NEXT",
  optional: false,
  until: null,
  ...over,
});

const stream = (names: string): StreamEvent[] =>
  Array.from(names, (name, i) => ({ i, name: name as Letter, ts: i, key: "k" }));

/** NO_SKIP match lines of the engine, checked against the oracle too. */
function engineMatches(pattern: ChainPattern, events: StreamEvent[]): string[] {
  const oracle = simulateChain(pattern, AfterMatchSkip.noSkip(), events, null) ?? [];
  const lines = matchLines(feedLog(compileForTest(buildChainPattern(pattern)), events));
  for (const log of oracle) expect(matchLines(log).sort()).toEqual([...lines].sort());
  return lines;
}

describe("NOT patterns around loops and optional stages", () => {
  it("a.times(2).notFollowedBy(b).followedBy(c): a b between the two a's discards the run", () => {
    const pattern: ChainPattern = {
      elements: [
        stage(["a"], { quantifier: { kind: "times", from: 2, to: 2 } }),
        { kind: "not", type: "NOT_FOLLOW", accepts: ["b"] },
        stage(["c"]),
      ],
      window: null,
    };
    expect(engineMatches(pattern, stream("abac"))).toEqual([]);
    expect(engineMatches(pattern, stream("aabc"))).toEqual([]);
    expect(engineMatches(pattern, stream("abaac"))).toEqual(["4p:match s0=2,3 s2=4"]);
  });

  it("a.oneOrMore().notNext(b).followedBy(c) with a loop that accepts b: the b discards the run it extends", () => {
    const pattern: ChainPattern = {
      elements: [
        stage(["a", "b"], { quantifier: { kind: "looping", from: 1 } }),
        { kind: "not", type: "NOT_NEXT", accepts: ["b"] },
        stage(["c"]),
      ],
      window: null,
    };
    expect(engineMatches(pattern, stream("abc"))).toEqual(["2p:match s0=1 s2=2"]);
  });

  it("matches, timeouts and the call emitting each follow the state-graph oracle, every strategy", () => {
    fc.assert(
      fc.property(
        withChainSkip(notLoopPatternArb.filter(isValidChain)),
        streamArb({ maxLength: 10 }),
        fc.constantFrom(END, null),
        agreesWithStateGraph,
      ),
      { numRuns: 600 },
    );
  });

  it("the same with notFollowedBy right before an optional stage (taking it cancels the NOT)", () => {
    fc.assert(
      fc.property(
        withChainSkip(notBeforeOptionalArb.filter(isValidChain)),
        streamArb({ maxLength: 10 }),
        fc.constantFrom(END, null),
        agreesWithStateGraph,
      ),
      { numRuns: 400 },
    );
  });
});
