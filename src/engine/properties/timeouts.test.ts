/**
 * Timeouts in the event-time `CepOperator` with timeout handling on: every run a start event
 * opens ends exactly once — completed, discarded by strict contiguity, or timed out at
 * `start + within` (see `runOutcome` in `linearOracle.ts` for the reading of Flink's
 * `NFA.advanceTime` / `doProcess` it follows).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OperatorOutput } from "../operator/cepOperator.ts";
import { describeMatch, OperatorRig, withFinalWatermark } from "./engineDrivers.ts";
import { describeTuple, runOutcome } from "./linearOracle.ts";
import {
  accepts,
  buildLinearPattern,
  linearPatternArb,
  streamArb,
  type LinearEdge,
  type LinearPattern,
} from "./linearPattern.ts";

const KEYS = ["k1", "k2"] as const;

/** next / followedBy only (one run per start event), with a window. */
const windowedArb = fc
  .tuple(
    linearPatternArb(fc.constantFrom<LinearEdge>("STRICT", "SKIP_TILL_NEXT")),
    fc.integer({ min: 1, max: 10 }),
  )
  .map(([pattern, window]): LinearPattern & { window: number } => ({ ...pattern, window }));

function lines(outputs: readonly OperatorOutput[], type: "match" | "timeout", key: string): string[] {
  return outputs
    .filter((o): o is Exclude<OperatorOutput, { type: "late" }> => o.type === type && o.key === key)
    .map((o) => (o.type === "timeout" ? `@${o.timestamp} ` : "") + describeMatch(o.match))
    .sort();
}

describe("timeouts (event time, NO_SKIP, stream ended by a +∞ watermark)", () => {
  it("every started run ends once: as a match, as a timeout at its deadline, dropped by next, or open", () => {
    fc.assert(
      fc.property(windowedArb, streamArb({ maxLength: 16, keys: KEYS, maxGap: 2 }), (pattern, events) => {
        const graph = buildLinearPattern(pattern, { type: "NO_SKIP", patternName: null });
        const outputs = new OperatorRig([graph]).feed(withFinalWatermark(events)).outputs;
        for (const key of KEYS) {
          const mine = events.filter((e) => e.key === key);
          const first = pattern.stages[0];
          const starts = mine.flatMap((e, pos) => (first && accepts(first, e) ? [pos] : []));
          const outcomes = starts.map((pos) => runOutcome(pattern, mine, pos));
          const expected = (kind: "match" | "timeout") =>
            outcomes
              .flatMap((o) =>
                o.kind !== kind
                  ? []
                  : [(o.kind === "timeout" ? `@${o.timestamp} ` : "") + describeTuple(mine, o.taken)],
              )
              .sort();
          expect(lines(outputs, "match", key)).toEqual(expected("match"));
          expect(lines(outputs, "timeout", key)).toEqual(expected("timeout"));
          // The counting form: without `next` nothing is discarded, and under FIRST_AND_LAST
          // nothing stays open, so starts = matches + timeouts.
          const discarded = outcomes.filter((o) => o.kind === "discarded").length;
          const open = outcomes.filter((o) => o.kind === "open").length;
          if (pattern.windowType === "FIRST_AND_LAST") expect(open).toBe(0);
          if (pattern.stages.every((s, i) => i === 0 || s.edge === "SKIP_TILL_NEXT"))
            expect(discarded).toBe(0);
          const reported = lines(outputs, "match", key).length + lines(outputs, "timeout", key).length;
          expect(reported + discarded + open).toBe(starts.length);
        }
      }),
      { numRuns: 250 },
    );
  });
});
