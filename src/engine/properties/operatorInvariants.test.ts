/**
 * Invariants of the keyed event-time `CepOperator` (a port of Flink's `CepOperator`), checked
 * on random keyed streams and linear rules. What the operator promises, in Flink's terms:
 * - `processElement` buffers an element iff `ts > currentWatermark`; `onEventTime` feeds the
 *   buffered elements of a key in timestamp order (ties in arrival order), each timestamp after
 *   `advanceTime(ts)`, then calls `advanceTime(watermark)`;
 * - every key has its own NFA state, and rules (Ververica's pattern processors) their own;
 * - every key holding state is visited on every watermark (Flink re-registers a timer at
 *   `watermark + 1`), so outputs come out at the first watermark that reaches their time;
 * - a snapshot holds everything the operator needs to go on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AfterMatchSkipStrategy, GraphNode } from "../../model/pattern.ts";
import type { OperatorOutput } from "../operator/cepOperator.ts";
import { BoundedOutOfOrdernessWatermarks } from "../operator/boundedOutOfOrderness.ts";
import {
  compileForTest,
  describeMatch,
  describeOutput,
  feedLog,
  OperatorRig,
  sortTimeoutRuns,
  withFinalWatermark,
  type FeedStep,
} from "./engineDrivers.ts";
import {
  buildLinearPattern,
  linearPatternArb,
  skipArb,
  streamArb,
  type StreamEvent,
} from "./linearPattern.ts";

const KEYS = ["k1", "k2"] as const;

/** A linear rule with one of the skip strategies it admits. */
const ruleArb: fc.Arbitrary<GraphNode> = linearPatternArb().chain((pattern) =>
  skipArb(pattern.stages.length).map((skip: AfterMatchSkipStrategy) => buildLinearPattern(pattern, skip)),
);

/**
 * A keyed stream as it arrives: events drawn in timestamp order, then each delayed by up to
 * `bound` ms (sorted by `ts + delay`, stably), so every event is at most `bound` ms behind the
 * newest one before it and bounded-out-of-orderness watermarks never make it late.
 */
const arrivalArb = fc.integer({ min: 0, max: 4 }).chain((bound) =>
  streamArb({ maxLength: 16, keys: KEYS, maxGap: 2 }).chain((events) =>
    fc
      .array(fc.integer({ min: 0, max: bound }), { minLength: events.length, maxLength: events.length })
      .map((delays) => ({
        bound,
        arrival: events
          .map((event, k) => ({ event, at: event.ts + (delays[k] ?? 0) }))
          .sort((x, y) => x.at - y.at)
          .map((x) => x.event),
      })),
  ),
);

/** The elements as Flink's source would emit them: a bounded-out-of-orderness watermark after each, then +∞. */
function withPeriodicWatermarks(arrival: readonly StreamEvent[], bound: number): FeedStep[] {
  const generator = new BoundedOutOfOrdernessWatermarks(bound);
  const steps: FeedStep[] = [];
  for (const event of arrival) {
    generator.onEvent(event.ts);
    steps.push({ type: "event", event }, { type: "watermark", watermark: generator.onPeriodicEmit() });
  }
  steps.push({ type: "watermark", watermark: Number.POSITIVE_INFINITY });
  return steps;
}

/** Elements in timestamp order, ties in arrival order (what the operator's buffer does). */
function sortedByTime(arrival: readonly StreamEvent[]): StreamEvent[] {
  return [...arrival].sort((x, y) => x.ts - y.ts);
}

/** A match or timeout (not a late record). */
type RuleOutput = Exclude<OperatorOutput, { type: "late" }>;

function outputsOf(outputs: readonly OperatorOutput[], rule: number, key: string): RuleOutput[] {
  return outputs.filter((o): o is RuleOutput => o.type !== "late" && o.rule === rule && o.key === key);
}

/**
 * Per key: the same matches in the same order and the same timeouts. Extra `advanceTime(W)`
 * calls (watermarks between elements) only move timeouts and held matches earlier, past no
 * element; a match released by `advanceTime` carries that call's time, so match times are left
 * out, and timeouts of one call leave in heap order, so they are compared as a multiset.
 */
function expectSameMatchesAndTimeouts(
  actual: readonly OperatorOutput[],
  reference: readonly OperatorOutput[],
): void {
  for (const key of KEYS) {
    const matches = (outputs: readonly OperatorOutput[]) =>
      outputsOf(outputs, 0, key)
        .filter((o) => o.type === "match")
        .map((o) => describeMatch(o.match));
    const timeouts = (outputs: readonly OperatorOutput[]) =>
      outputsOf(outputs, 0, key)
        .filter((o) => o.type === "timeout")
        .map(describeOutput)
        .sort();
    expect(matches(actual)).toEqual(matches(reference));
    expect(timeouts(actual)).toEqual(timeouts(reference));
  }
}

describe("CepOperator (event time)", () => {
  it("gives each key what its own NFA gives for the key's elements in time order, plus a final advanceTime(+∞)", () => {
    fc.assert(
      fc.property(ruleArb, arrivalArb, (rule, { arrival }) => {
        const outputs = new OperatorRig([rule]).feed(withFinalWatermark(arrival)).outputs;
        for (const key of KEYS) {
          const mine = sortedByTime(arrival.filter((e) => e.key === key));
          // The harness calls advanceTime before every element; a repeated advanceTime(ts) is a no-op.
          const expected = feedLog(compileForTest(rule), mine, Number.POSITIVE_INFINITY).map((line) =>
            line.slice(line.indexOf(":") + 1),
          );
          const actual = outputsOf(outputs, 0, key).map((o) =>
            o.type === "timeout"
              ? `timeout@${o.timestamp} ${describeMatch(o.match)}`
              : `match ${describeMatch(o.match)}`,
          );
          expect(sortTimeoutRuns(actual)).toEqual(sortTimeoutRuns(expected));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("is unmoved by arrival order within the out-of-orderness bound and by how often watermarks come", () => {
    fc.assert(
      fc.property(ruleArb, arrivalArb, (rule, { bound, arrival }) => {
        const reference = new OperatorRig([rule]).feed(withFinalWatermark(sortedByTime(arrival))).outputs;
        // Buffering re-sorts by timestamp, ties in arrival order: one late watermark sees the same
        // per key (keys with equal first timers go in first-seen order, which arrival changes).
        const buffered = new OperatorRig([rule]).feed(withFinalWatermark(arrival)).outputs;
        for (const key of KEYS) {
          expect(outputsOf(buffered, 0, key).map(describeOutput)).toEqual(
            outputsOf(reference, 0, key).map(describeOutput),
          );
        }

        const steps = withPeriodicWatermarks(arrival, bound);
        const periodic = new OperatorRig([rule]);
        let previous = Number.NEGATIVE_INFINITY;
        for (const step of steps) {
          const before = periodic.outputs.length;
          periodic.feed([step]);
          if (step.type !== "watermark") continue;
          for (const output of periodic.outputs.slice(before)) {
            // Outputs come at the first watermark reaching their time, never before it.
            expect(output.timestamp).toBeGreaterThan(previous);
            expect(output.timestamp).toBeLessThanOrEqual(step.watermark);
          }
          previous = Math.max(previous, step.watermark);
        }
        expect(periodic.outputs.filter((o) => o.type === "late")).toEqual([]);
        expectSameMatchesAndTimeouts(periodic.outputs, reference);
      }),
      { numRuns: 150 },
    );
  });

  it("drops exactly the elements at or behind the watermark, and runs as if they never came", () => {
    const watermarkArb = fc.option(fc.integer({ min: -1, max: 12 }), { nil: null, freq: 2 });
    fc.assert(
      fc.property(
        ruleArb,
        arrivalArb,
        fc.array(watermarkArb, { minLength: 14, maxLength: 14 }),
        (rule, { arrival }, watermarks) => {
          const steps: FeedStep[] = [];
          const expectedLate: string[] = [];
          let current = Number.NEGATIVE_INFINITY;
          arrival.forEach((event, k) => {
            steps.push({ type: "event", event });
            // `processElement`: buffered iff ts > currentWatermark, otherwise late.
            if (event.ts <= current) expectedLate.push(`late ${event.key} @${event.ts} #${event.i}`);
            const watermark = watermarks[k];
            if (watermark === null || watermark === undefined) return;
            steps.push({ type: "watermark", watermark });
            current = Math.max(current, watermark);
          });
          steps.push({ type: "watermark", watermark: Number.POSITIVE_INFINITY });
          const outputs = new OperatorRig([rule]).feed(steps).outputs;
          expect(outputs.filter((o) => o.type === "late").map(describeOutput)).toEqual(expectedLate);
          const kept = arrival.filter((e) => !expectedLate.some((l) => l.endsWith(` #${e.i}`)));
          const reference = new OperatorRig([rule]).feed(withFinalWatermark(sortedByTime(kept))).outputs;
          expectSameMatchesAndTimeouts(outputs, reference);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("runs keys independently: a key alone gives what it gives among the others", () => {
    fc.assert(
      fc.property(ruleArb, arrivalArb, (rule, { arrival }) => {
        const together = new OperatorRig([rule]).feed(withFinalWatermark(arrival)).outputs;
        for (const key of KEYS) {
          const alone = new OperatorRig([rule]).feed(
            withFinalWatermark(arrival.filter((e) => e.key === key)),
          );
          expect(alone.outputs.map(describeOutput)).toEqual(outputsOf(together, 0, key).map(describeOutput));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("continues identically from a snapshot taken at any step", () => {
    fc.assert(
      fc.property(
        // Every skip strategy: held matches must stay with their (rule, key) across a restore
        // (operatorSnapshot.test.ts has the cases this property found).
        fc.array(ruleArb, { minLength: 1, maxLength: 2 }),
        arrivalArb,
        fc.nat(),
        (rules, { bound, arrival }, cut) => {
          const steps = withPeriodicWatermarks(arrival, bound);
          const at = cut % (steps.length + 1);
          const straight = new OperatorRig(rules).feed(steps).outputs;
          const first = new OperatorRig(rules).feed(steps.slice(0, at));
          const second = first.restored().feed(steps.slice(at));
          expect([...first.outputs, ...second.outputs].map(describeOutput)).toEqual(
            straight.map(describeOutput),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("runs rules side by side as it runs each alone", () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 2, maxLength: 3 }),
        arrivalArb,
        (rules, { bound, arrival }) => {
          const steps = withPeriodicWatermarks(arrival, bound);
          const together = new OperatorRig(rules).feed(steps).outputs;
          rules.forEach((rule, r) => {
            const alone = new OperatorRig([rule]).feed(steps).outputs;
            // Keys are visited in timer order, and rules have different timers: compare per key.
            for (const key of KEYS) {
              const lines = (outputs: RuleOutput[]) => outputs.map((o) => describeOutput({ ...o, rule: 0 }));
              expect(lines(outputsOf(together, r, key))).toEqual(lines(outputsOf(alone, 0, key)));
            }
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
