/**
 * After-match skip strategies on single-stage linear patterns: the engine against the run model
 * of `linearOracle.ts`, and the relations Flink's `AfterMatchSkipStrategy.prune` implies
 * whatever the model says (read from SkipToNextStrategy, SkipPastLastStrategy,
 * SkipToElementStrategy and `NFA.processMatchesAccordingToSkipStrategy`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AfterMatchSkip } from "../../model/patternBuilder.ts";
import { sortEqualStarts } from "./runModel.ts";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import { simulateLinearNfa } from "./linearOracle.ts";
import {
  buildLinearPattern,
  linearPatternArb,
  skipArb,
  stageName,
  streamArb,
  type LinearPattern,
} from "./linearPattern.ts";

const NO_SKIP = AfterMatchSkip.noSkip();

/** A pattern with a skip strategy it admits. */
const patternWithSkip = linearPatternArb().chain((pattern) =>
  skipArb(pattern.stages.length).map((skip) => ({ pattern, skip })),
);

/** The arrival indexes of each emitted match, per stage, in emission order. */
function emittedTuples(pattern: LinearPattern, log: readonly string[]): number[][] {
  return log
    .filter((line) => line.includes(":match "))
    .map((line) => {
      const fields = new Map(
        line
          .slice(line.indexOf(" ") + 1)
          .split(" ")
          .map((f) => f.split("=") as [string, string]),
      );
      return pattern.stages.map((_, s) => Number(fields.get(stageName(s))));
    });
}

describe("after-match skip strategies", () => {
  it("emit what the run model of NFA.processMatchesAccordingToSkipStrategy emits (some tie order)", () => {
    fc.assert(
      fc.property(
        patternWithSkip,
        streamArb({ maxLength: 10 }),
        fc.boolean(),
        ({ pattern, skip }, events, end) => {
          const finalTime = end ? Number.POSITIVE_INFINITY : null;
          const logs = simulateLinearNfa(pattern, skip, events, finalTime);
          fc.pre(logs !== null);
          const nfa = compileForTest(buildLinearPattern(pattern, skip));
          expect(logs).toContainEqual(sortEqualStarts(feedLog(nfa, events, finalTime)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keep a sub-multiset of NO_SKIP's matches, in start order, each past the previous one's pruning event", () => {
    fc.assert(
      fc.property(patternWithSkip, streamArb({ maxLength: 12 }), ({ pattern, skip }, events) => {
        const graph = buildLinearPattern(pattern, skip);
        const all = emittedTuples(pattern, feedLog(compileForTest(graph, NO_SKIP), events));
        const kept = emittedTuples(pattern, feedLog(compileForTest(graph), events));
        // Pruning only removes runs, and each surviving run evolves as under NO_SKIP.
        const remaining = all.map((t) => t.join(","));
        for (const tuple of kept) {
          const index = remaining.indexOf(tuple.join(","));
          expect(index).toBeGreaterThanOrEqual(0);
          remaining.splice(index, 1);
        }
        for (let k = 1; k < kept.length; k++) {
          const previous = kept[k - 1] as number[];
          const start = (kept[k] as number[])[0] as number;
          // A strategy holds a match back while a partial match started strictly earlier
          // (`isEarlier`), and polls held ones in start order (COMPUTATION_STATE_COMPARATOR), so
          // starts never go back; NO_SKIP emits each match when it completes.
          if (skip.type !== "NO_SKIP") expect(start).toBeGreaterThanOrEqual(previous[0] as number);
          // Prune drops every run and held match starting at (or before) the pruning event.
          switch (skip.type) {
            case "SKIP_TO_NEXT":
              expect(start).toBeGreaterThan(previous[0] as number);
              break;
            case "SKIP_PAST_LAST_EVENT":
              expect(start).toBeGreaterThan(previous[previous.length - 1] as number);
              break;
            case "SKIP_TO_FIRST":
            case "SKIP_TO_LAST":
              expect(start).toBeGreaterThanOrEqual(previous[Number(skip.patternName?.slice(1))] as number);
              break;
            case "NO_SKIP":
              break;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("SKIP_TO_FIRST and SKIP_TO_LAST agree when the stage holds one event", () => {
    fc.assert(
      fc.property(
        linearPatternArb().chain((p) =>
          fc.integer({ min: 0, max: p.stages.length - 1 }).map((s) => ({ pattern: p, stage: stageName(s) })),
        ),
        streamArb({ maxLength: 12 }),
        fc.boolean(),
        ({ pattern, stage }, events, end) => {
          const graph = buildLinearPattern(pattern, NO_SKIP);
          const finalTime = end ? Number.POSITIVE_INFINITY : null;
          const first = compileForTest(graph, { type: "SKIP_TO_FIRST", patternName: stage });
          const last = compileForTest(graph, { type: "SKIP_TO_LAST", patternName: stage });
          expect(feedLog(last, events, finalTime)).toEqual(feedLog(first, events, finalTime));
        },
      ),
      { numRuns: 150 },
    );
  });
});
