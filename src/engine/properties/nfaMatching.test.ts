/**
 * Matching semantics of single-stage linear patterns against a brute-force enumeration (see
 * `linearOracle.ts` for why the enumeration is Flink's definition), NFA fed as Flink's
 * `NFATestHarness` feeds it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AfterMatchSkip } from "../../model/patternBuilder.ts";
import { sortEqualStarts } from "./runModel.ts";
import { compileForTest, describeMatch, feedLog } from "./engineDrivers.ts";
import { describeTuple, enumerateMatches, simulateLinearNfa } from "./linearOracle.ts";
import { buildLinearPattern, linearPatternArb, streamArb } from "./linearPattern.ts";

const NO_SKIP = AfterMatchSkip.noSkip();

describe("NO_SKIP matches of linear patterns", () => {
  it("are exactly the tuples the contiguity and window definitions allow, emitted at their last event in start order", () => {
    fc.assert(
      fc.property(linearPatternArb(), streamArb({ maxLength: 12 }), (pattern, events) => {
        const nfa = compileForTest(buildLinearPattern(pattern, NO_SKIP));
        const state = nfa.createState();
        const expected = enumerateMatches(pattern, events);
        events.forEach((event, pos) => {
          // No NOT stage and no skip strategy: advanceTime never releases a match.
          expect(nfa.advanceTime(state, event.ts).matches).toEqual([]);
          const emitted = nfa.process(state, event, event.ts).map((m) => describeMatch(m));
          // Matches complete with their last event; NO_SKIP emits them at once.
          const due = expected.filter((tuple) => tuple[tuple.length - 1] === pos);
          expect([...emitted].sort()).toEqual(due.map((t) => describeTuple(events, t)).sort());
          // `processMatchesAccordingToSkipStrategy` polls the completed-match PriorityQueue,
          // ordered by start event (`NFAState.COMPUTATION_STATE_COMPARATOR`).
          const starts = emitted.map((line) => Number(/^s0=(\d+)/.exec(line)?.[1]));
          expect(starts).toEqual([...starts].sort((a, b) => a - b));
        });
      }),
      { numRuns: 400 },
    );
  });

  it("the operational model agrees with the enumeration (a check on the oracles themselves)", () => {
    fc.assert(
      fc.property(linearPatternArb(), streamArb({ maxLength: 10 }), (pattern, events) => {
        const logs = simulateLinearNfa(pattern, NO_SKIP, events);
        const expected = enumerateMatches(pattern, events)
          .map((t) => describeTuple(events, t))
          .sort();
        for (const log of logs ?? []) {
          const matches = log.filter((l) => l.includes(":match ")).map((l) => l.slice(l.indexOf(" ") + 1));
          expect(matches.sort()).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("timeouts and matches of every run, including followedByAny branches, follow the run model", () => {
    fc.assert(
      fc.property(linearPatternArb(), streamArb({ maxLength: 10 }), (pattern, events) => {
        const logs = simulateLinearNfa(pattern, NO_SKIP, events, Number.POSITIVE_INFINITY);
        fc.pre(logs !== null);
        const nfa = compileForTest(buildLinearPattern(pattern, NO_SKIP));
        expect(logs).toContainEqual(sortEqualStarts(feedLog(nfa, events, Number.POSITIVE_INFINITY)));
      }),
      { numRuns: 300 },
    );
  });
});
