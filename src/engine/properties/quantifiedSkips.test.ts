/**
 * Looping and ranged quantifiers under every after-match skip strategy, with timeouts and
 * windows, NFA fed as Flink's `NFATestHarness` feeds it (handleTimeout on): the engine's log is
 * one the run model of `runModel.ts` over the computation states of `quantifiedRuns.ts` writes
 * for some order of equal-start matches. SKIP_TO_FIRST(p) and SKIP_TO_LAST(p) differ exactly
 * when stage p loops, so patterns with a looping stage and a strategy naming it are drawn often.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AfterMatchSkipStrategy } from "../../model/pattern.ts";
import { AfterMatchSkip } from "../../model/patternBuilder.ts";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import { skipArb, stageName, streamArb } from "./linearPattern.ts";
import { matchLines } from "./logViews.ts";
import { enumerateQuantifiedMatches } from "./quantifiedOracle.ts";
import {
  buildQuantifiedPattern,
  quantifiedPatternArb,
  windowedPatternArb,
  type QuantifiedPattern,
} from "./quantifiedPattern.ts";
import { quantifiedRunSpace } from "./quantifiedRuns.ts";
import { simulateRuns, sortEqualStarts } from "./runModel.ts";

const NO_SKIP = AfterMatchSkip.noSkip();
const END = Number.POSITIVE_INFINITY;

/** A pattern with any strategy it admits. */
const withSkip = (patterns: fc.Arbitrary<QuantifiedPattern>) =>
  patterns.chain((pattern) => skipArb(pattern.stages.length).map((skip) => ({ pattern, skip })));

/** A pattern with SKIP_TO_FIRST or SKIP_TO_LAST naming one of its looping / times stages. */
const skipToLoopArb = quantifiedPatternArb.chain((pattern) => {
  const looping = pattern.stages.flatMap((s, i) => (s.quantifier.kind === "single" ? [] : [stageName(i)]));
  return fc.record({ p: fc.constantFrom(...looping), first: fc.boolean() }).map(({ p, first }) => {
    const skip: AfterMatchSkipStrategy = { type: first ? "SKIP_TO_FIRST" : "SKIP_TO_LAST", patternName: p };
    return { pattern, skip };
  });
});

function agreesWithModel(
  { pattern, skip }: { pattern: QuantifiedPattern; skip: AfterMatchSkipStrategy },
  events: Parameters<typeof feedLog>[1],
  finalTime: number | null,
): void {
  const logs = simulateRuns(quantifiedRunSpace(pattern, events), skip, events, finalTime);
  fc.pre(logs !== null);
  const log = feedLog(compileForTest(buildQuantifiedPattern(pattern, skip)), events, finalTime);
  expect(logs).toContainEqual(sortEqualStarts(log));
}

describe("quantified patterns under skip strategies, with timeouts", () => {
  it("the run model's NO_SKIP matches are the slot enumeration's (a check on the oracles themselves)", () => {
    fc.assert(
      fc.property(quantifiedPatternArb, streamArb({ maxLength: 9 }), (pattern, events) => {
        const logs = simulateRuns(quantifiedRunSpace(pattern, events), NO_SKIP, events) ?? [];
        const expected = enumerateQuantifiedMatches(pattern, events).sort();
        for (const log of logs) expect(matchLines(log).sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("emit and time out what the run model emits and times out, for every strategy (FIRST_AND_LAST)", () => {
    fc.assert(
      fc.property(
        withSkip(quantifiedPatternArb),
        streamArb({ maxLength: 9 }),
        fc.boolean(),
        (c, events, end) => {
          agreesWithModel(c, events, end ? END : null);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("the same, SKIP_TO_FIRST / SKIP_TO_LAST naming a looping or times stage", () => {
    fc.assert(
      fc.property(skipToLoopArb, streamArb({ maxLength: 10 }), fc.boolean(), (c, events, end) => {
        agreesWithModel(c, events, end ? END : null);
      }),
      { numRuns: 400 },
    );
  });

  it("the same with per-repetition windows and either window type", () => {
    fc.assert(
      fc.property(withSkip(windowedPatternArb), streamArb({ maxLength: 9, maxGap: 2 }), (c, events) => {
        agreesWithModel(c, events, END);
      }),
      { numRuns: 400 },
    );
  });
});
