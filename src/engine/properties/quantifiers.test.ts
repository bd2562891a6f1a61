/**
 * Quantifiers against the single-stage patterns they abbreviate, NFA fed as Flink's
 * `NFATestHarness` feeds it, NO_SKIP:
 * - `times(n)` is n states in `NFACompiler.createTimesState`: the first reached over the stage's
 *   own edge, the others over its inner consuming strategy (`consecutive()` = STRICT, default
 *   SKIP_TILL_NEXT, `allowCombinations()` = SKIP_TILL_ANY), so it matches like n chained stages;
 * - `optional()` adds a PROCEED edge around the stage (`createSingletonState` with
 *   `isOptional`), so its matches are those of the pattern with the stage and those without it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InnerContiguity } from "../../model/pattern.ts";
import { AfterMatchSkip } from "../../model/patternBuilder.ts";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import { perCall } from "./logViews.ts";
import {
  buildLinearPattern,
  linearPatternArb,
  stageName,
  streamArb,
  type LinearPattern,
} from "./linearPattern.ts";

const NO_SKIP = AfterMatchSkip.noSkip();
const END = Number.POSITIVE_INFINITY;

/**
 * A pattern of 2–3 stages and the index of one of them. FIRST_AND_LAST windows only: a
 * PREVIOUS_AND_CURRENT window binds to the last stage's state, which `times` replaces by its own
 * window (`NFACompiler.createState` reads `times.getWindowSize()` for TIMES stages) and dropping
 * an optional last stage moves.
 */
const patternAndStage = linearPatternArb().chain((pattern) =>
  fc.integer({ min: 0, max: Math.min(pattern.stages.length, 3) - 1 }).map((stage) => ({
    pattern: { ...pattern, stages: pattern.stages.slice(0, 3), windowType: "FIRST_AND_LAST" as const },
    stage,
  })),
);

describe("quantifiers", () => {
  it("times(n) matches, times out and emits like n stages chained by the inner contiguity", () => {
    const inner = fc.constantFrom<InnerContiguity>("STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY");
    fc.assert(
      fc.property(
        patternAndStage,
        fc.integer({ min: 2, max: 3 }),
        inner,
        streamArb({ maxLength: 10 }),
        ({ pattern, stage }, n, contiguity, events) => {
          const quantified = pattern.stages[stage];
          if (quantified === undefined) throw new Error("no such stage");
          const timesPattern: LinearPattern = {
            ...pattern,
            stages: pattern.stages.map((s, i) =>
              i === stage ? { ...s, times: { n, inner: contiguity } } : s,
            ),
          };
          const copies = Array.from({ length: n }, (_, k) => ({
            accepts: quantified.accepts,
            edge: k === 0 ? quantified.edge : contiguity,
          }));
          const chained: LinearPattern = {
            ...pattern,
            stages: [...pattern.stages.slice(0, stage), ...copies, ...pattern.stages.slice(stage + 1)],
          };
          // Chained stage m stands for quantified stage: m before the copies, `stage` inside them.
          const original = (name: string) => {
            const m = Number(name.slice(1));
            return stageName(m < stage ? m : m < stage + n ? stage : m - n + 1);
          };
          const expected = feedLog(
            compileForTest(buildLinearPattern(chained, NO_SKIP)),
            events,
            END,
            original,
          );
          const actual = feedLog(compileForTest(buildLinearPattern(timesPattern, NO_SKIP)), events, END);
          expect(perCall(actual)).toEqual(perCall(expected));
        },
      ),
      { numRuns: 250 },
    );
  });

  it("optional() matches what the pattern with the stage and the pattern without it match together", () => {
    fc.assert(
      fc.property(patternAndStage, streamArb({ maxLength: 10 }), ({ pattern, stage }, events) => {
        const optional: LinearPattern = {
          ...pattern,
          stages: pattern.stages.map((s, i) => (i === stage ? { ...s, optional: true } : s)),
        };
        const without: LinearPattern = { ...pattern, stages: pattern.stages.filter((_, i) => i !== stage) };
        // Without the begin stage the next one begins (its edge is then unused).
        const skipped = (name: string) => {
          const m = Number(name.slice(1));
          return stageName(m < stage ? m : m + 1);
        };
        const matches = (log: string[]) => log.filter((line) => line.includes(":match "));
        const withStage = matches(feedLog(compileForTest(buildLinearPattern(pattern, NO_SKIP)), events));
        const withoutStage =
          without.stages.length === 0
            ? []
            : matches(feedLog(compileForTest(buildLinearPattern(without, NO_SKIP)), events, null, skipped));
        const actual = matches(feedLog(compileForTest(buildLinearPattern(optional, NO_SKIP)), events));
        expect(perCall(actual)).toEqual(perCall([...withStage, ...withoutStage]));
      }),
      { numRuns: 250 },
    );
  });
});
