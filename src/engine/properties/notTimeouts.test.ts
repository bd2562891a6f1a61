/**
 * NOT patterns with `handleTimeout`, under every after-match skip strategy: the engine's whole
 * log — matches, timed-out partial matches with their timestamps, and the `advanceTime` /
 * `process` call that emits each — is one the run model of `runModel.ts` writes over the
 * computation states of `notRuns.ts` (some order of equal-start matches). Fed as Flink's
 * `NFATestHarness` feeds it, with and without a final `advanceTime(+∞)`; a pending
 * `notFollowedBy` at the end is released by the first `advanceTime` past its window unless the
 * forbidden event came first, and a released match waits while a partial match started earlier
 * (`isEarlier`) unless the strategy is NO_SKIP.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AfterMatchSkipStrategy, WindowType } from "../../model/pattern.ts";
import { AfterMatchSkip } from "../../model/patternBuilder.ts";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import { skipArb, streamArb, type StreamEvent } from "./linearPattern.ts";
import { matchLines } from "./logViews.ts";
import { buildNotPattern, enumerateNotMatches, notPatternArb, type NotPattern } from "./notPattern.ts";
import { notRunSpace } from "./notRuns.ts";
import { simulateRuns, sortEqualStarts } from "./runModel.ts";

const NO_SKIP = AfterMatchSkip.noSkip();
const END = Number.POSITIVE_INFINITY;

const stageCount = (p: NotPattern) => p.pre.length + 1 + (p.post === null ? 0 : 1);

/** A NOT pattern with any strategy it admits (SKIP_TO_FIRST / LAST may name the NOT stage). */
const withSkip = (patterns: fc.Arbitrary<NotPattern>) =>
  patterns.chain((pattern) => skipArb(stageCount(pattern)).map((skip) => ({ pattern, skip })));

/**
 * `notFollowedBy` at the end (a Pending state) with either window type, so releases, drops by
 * the forbidden event, and released matches held back by earlier partial matches are drawn often.
 */
const pendingArb: fc.Arbitrary<NotPattern> = fc
  .tuple(
    notPatternArb,
    fc.integer({ min: 1, max: 6 }),
    fc.constantFrom<WindowType>("FIRST_AND_LAST", "PREVIOUS_AND_CURRENT"),
  )
  .map(([p, time, type]): NotPattern => ({
    ...p,
    not: { ...p.not, kind: "NOT_FOLLOW" },
    post: null,
    window: { time, type },
  }));

function agreesWithModel(
  { pattern, skip }: { pattern: NotPattern; skip: AfterMatchSkipStrategy },
  events: readonly StreamEvent[],
  finalTime: number | null,
): void {
  const logs = simulateRuns(notRunSpace(pattern, events), skip, events, finalTime);
  fc.pre(logs !== null);
  const log = feedLog(compileForTest(buildNotPattern(pattern), skip), events, finalTime);
  expect(logs).toContainEqual(sortEqualStarts(log));
}

describe("NOT patterns with timeouts, under skip strategies", () => {
  it("the run model's NO_SKIP matches are the NOT enumeration's (a check on the oracles themselves)", () => {
    fc.assert(
      fc.property(notPatternArb, streamArb({ maxLength: 10 }), (pattern, events) => {
        const logs = simulateRuns(notRunSpace(pattern, events), NO_SKIP, events, END) ?? [];
        const expected = enumerateNotMatches(pattern, events).sort();
        for (const log of logs) expect(matchLines(log).sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("matches, timeouts and the call emitting each follow the run model, every strategy", () => {
    fc.assert(
      fc.property(
        withSkip(notPatternArb),
        streamArb({ maxLength: 10 }),
        fc.constantFrom(END, null),
        agreesWithModel,
      ),
      { numRuns: 500 },
    );
  });

  it("a pending notFollowedBy at the end is released, dropped or holds matches back as the model says", () => {
    fc.assert(
      fc.property(
        withSkip(pendingArb),
        streamArb({ maxLength: 10 }),
        fc.constantFrom(END, null),
        agreesWithModel,
      ),
      { numRuns: 500 },
    );
  });
});
