/**
 * Quantifiers against each other, engine against engine, NO_SKIP, NFA fed as Flink's
 * `NFATestHarness` feeds it (match lines per call, as multisets):
 * - `times(n, m)` ≡ the union over n ≤ k ≤ m of `times(k)`, and `timesOrMore(n)` ≡ the union
 *   over k ≥ n (bounded by the stream): `createTimesState` builds n−1 mandatory states and m−n
 *   optional ones (or the looping state) behind the head, each optional state PROCEEDs to the
 *   next stage on any event, and an ignore state never does — so leaving after k events is
 *   leaving `times(k)`, with the same inner strategy for every iteration after the first.
 * - `greedy()` only ANDs ¬condition onto the next stage's head (`updateWithGreedyCondition`):
 *   its matches are a subset of the non-greedy ones, and the same when the quantified stage is
 *   last (the final state has no transitions; `GreedyITCase.testEndWithZeroOrMoreGreedy`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import { streamArb, type StreamEvent } from "./linearPattern.ts";
import { matchLines, perCall } from "./logViews.ts";
import {
  buildQuantifiedPattern,
  focusedPatternArb,
  greedyStageArb,
  quantifiedPatternArb,
  type QuantifiedPattern,
  type StageQuantifier,
} from "./quantifiedPattern.ts";

const matchesOf = (pattern: QuantifiedPattern, events: readonly StreamEvent[]) =>
  matchLines(feedLog(compileForTest(buildQuantifiedPattern(pattern)), events));

/** `pattern` with stage `index`'s quantifier replaced (and greedy dropped). */
function withQuantifier(pattern: QuantifiedPattern, index: number, quantifier: StageQuantifier) {
  return {
    ...pattern,
    stages: pattern.stages.map((s, i) =>
      i === index ? { ...s, quantifier, until: null, greedy: false } : s,
    ),
  };
}

/** A pattern, one of its stages made `times(from, to)` or (`to` null) `timesOrMore(from)`, non-greedy. */
const rangedArb = fc
  .record({
    pattern: quantifiedPatternArb,
    index: fc.nat(),
    looping: fc.boolean(),
    from: fc.integer({ min: 1, max: 2 }),
    extra: fc.integer({ min: 1, max: 2 }),
  })
  .map(({ pattern, index, looping, from, extra }) => {
    const at = index % pattern.stages.length;
    const to = looping ? null : from + extra;
    const quantifier: StageQuantifier = to === null ? { kind: "looping", from } : { kind: "times", from, to };
    return { pattern: withQuantifier(pattern, at, quantifier), at, from, to };
  });

describe("quantifier unions", () => {
  it("times(n, m) and timesOrMore(n) match what times(k) matches for every admitted k together", () => {
    fc.assert(
      fc.property(rangedArb, streamArb({ maxLength: 9 }), ({ pattern, at, from, to }, events) => {
        const union: string[] = [];
        for (let k = from; k <= (to ?? events.length); k++) {
          union.push(...matchesOf(withQuantifier(pattern, at, { kind: "times", from: k, to: k }), events));
        }
        expect(perCall(matchesOf(pattern, events))).toEqual(perCall(union));
      }),
      { numRuns: 300 },
    );
  });

  it("greedy() keeps a subset of the non-greedy matches, and all of them when the stage is last", () => {
    fc.assert(
      fc.property(
        focusedPatternArb(greedyStageArb),
        fc.boolean(),
        streamArb({ maxLength: 9 }),
        (focused, atEnd, events) => {
          // The focused (greedy) stage is the one before the closing stage; optionally drop that.
          const greedyAt = focused.stages.length - 2;
          const pattern = atEnd ? { ...focused, stages: focused.stages.slice(0, -1) } : focused;
          const plain = {
            ...pattern,
            stages: pattern.stages.map((s, i) => (i === greedyAt ? { ...s, greedy: false } : s)),
          };
          const greedy = matchesOf(pattern, events).sort();
          const nonGreedy = matchesOf(plain, events).sort();
          if (atEnd) expect(greedy).toEqual(nonGreedy);
          else expect(nonGreedy).toEqual(expect.arrayContaining(greedy));
          // Multiset inclusion: no match comes out more often greedy than not.
          for (const line of new Set(greedy)) {
            expect(greedy.filter((l) => l === line).length).toBeLessThanOrEqual(
              nonGreedy.filter((l) => l === line).length,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("optional() on a looping or times stage matches what the pattern with it and without it match together", () => {
    fc.assert(
      fc.property(
        quantifiedPatternArb.chain((pattern) => {
          const quantified = pattern.stages.flatMap((s, i) => (s.quantifier.kind === "single" ? [] : [i]));
          // `Pattern.optional`: "Optional pattern cannot be preceded by greedy pattern".
          return fc
            .constantFrom(...quantified)
            .filter((at) => pattern.stages[at - 1]?.greedy !== true)
            .map((at) => ({ pattern, at }));
        }),
        streamArb({ maxLength: 9 }),
        ({ pattern, at }, events) => {
          // `createTimesState`: an optional head PROCEEDs to the next stage on any event, and its
          // IGNORE goes to a separate ignore state without PROCEED, so the stage adds nothing
          // when skipped and matches as if mandatory otherwise (no NOT stage to cancel).
          // Not greedy: `updateWithGreedyCondition` restricts the next head itself, so a greedy
          // optional stage also restricts the matches that skip it.
          const mandatory = {
            ...pattern,
            stages: pattern.stages.map((s, i) => (i === at ? { ...s, greedy: false } : s)),
          };
          const optional = {
            ...mandatory,
            stages: mandatory.stages.map((s, i) => (i === at ? { ...s, optional: true } : s)),
          };
          const without = { ...pattern, stages: pattern.stages.filter((_, i) => i !== at) };
          const renamed = (log: string[]) =>
            log.map((line) =>
              line.replace(/s(\d+)=/g, (_, m: string) => `s${Number(m) < at ? m : Number(m) + 1}=`),
            );
          const expected = [
            ...matchesOf(mandatory, events),
            ...(without.stages.length === 0 ? [] : renamed(matchesOf(without, events))),
          ];
          expect(perCall(matchesOf(optional, events))).toEqual(perCall(expected));
        },
      ),
      { numRuns: 300 },
    );
  });
});
