/**
 * Looping and ranged quantifiers (`oneOrMore`, `timesOrMore(n)`, `times(n, m)`, inner
 * contiguity, `until`, `greedy`) against the slot enumeration of `quantifiedOracle.ts`, NFA fed
 * as Flink's `NFATestHarness` feeds it, NO_SKIP.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import { streamArb, type StreamEvent } from "./linearPattern.ts";
import { matchLines } from "./logViews.ts";
import { enumerateQuantifiedMatches } from "./quantifiedOracle.ts";
import {
  buildQuantifiedPattern,
  focusedPatternArb,
  greedyStageArb,
  named,
  quantifiedPatternArb,
  untilStageArb,
  type QuantifiedPattern,
} from "./quantifiedPattern.ts";

function agreesWithOracle(pattern: QuantifiedPattern, events: StreamEvent[]): void {
  const log = feedLog(compileForTest(buildQuantifiedPattern(pattern)), events);
  expect(matchLines(log).sort()).toEqual(enumerateQuantifiedMatches(pattern, events).sort());
}

describe("looping quantifiers", () => {
  it("NO_SKIP matches are the slot sequences NFACompiler's states admit, each emitted by the process call of its last event", () => {
    fc.assert(fc.property(quantifiedPatternArb, streamArb({ maxLength: 9 }), agreesWithOracle), {
      numRuns: 500,
    });
  });

  it("the same, with a looping stage under until() before a closing stage", () => {
    fc.assert(fc.property(focusedPatternArb(untilStageArb), streamArb({ maxLength: 9 }), agreesWithOracle), {
      numRuns: 400,
    });
  });

  it("the same, with a greedy times(n, n+1) or looping stage before a closing stage", () => {
    fc.assert(fc.property(focusedPatternArb(greedyStageArb), streamArb({ maxLength: 9 }), agreesWithOracle), {
      numRuns: 400,
    });
  });

  it("until(c): a loop takes no event meeting c and never continues past one", () => {
    fc.assert(
      fc.property(focusedPatternArb(untilStageArb), streamArb({ maxLength: 10 }), (pattern, events) => {
        const nfa = compileForTest(buildQuantifiedPattern(pattern));
        const state = nfa.createState();
        for (const event of events) {
          nfa.advanceTime(state, event.ts);
          for (const match of nfa.process(state, event, event.ts)) {
            pattern.stages.forEach((stage, s) => {
              const taken = (match.get(`s${s}`) ?? []).map((e) => Number(e.i));
              if (stage.until === null || taken.length === 0) return;
              const span = events.slice(taken[0], (taken[taken.length - 1] ?? 0) + 1);
              // take = ¬until ∧ condition, inner ignore = ¬until ∧ …: nothing in the span meets until.
              expect(span.filter((e) => named(stage.until, e))).toEqual([]);
            });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
