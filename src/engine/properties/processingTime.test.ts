/**
 * The keyed `CepOperator` in processing time, without a comparator (Flink's `CepOperator
 * .processElement`: "there can be no out of order elements in processing time", so each element
 * goes to the NFA at once as `advanceTime(now)` then `process(element, now)`, nothing is
 * buffered and nothing is late), on random keyed streams and rules of every family here (linear,
 * NOT, looping, groups; every skip strategy). The clock is set before each element; a final
 * clock of +∞ fires every timer left. Timers are Flink's: `ts + window + 1` for the FIRST_AND_LAST
 * window when an element starts a new partial match at a time > 0 (`isNewStartPartialMatch`);
 * PREVIOUS_AND_CURRENT and `times` windows set none. Per key:
 * - the outputs are what the key's own NFA gives, fed as `NFATestHarness` feeds it with the
 *   clock as timestamps: the same sequence when the rule has no FIRST_AND_LAST window (no timer
 *   fires); otherwise, under NO_SKIP, at least that and at most that plus `advanceTime(+∞)`, and
 *   exactly the latter (as multisets) after a final clock of +∞ when the key's elements all
 *   came after time 0 (a run started at 0 sets no timer, as in Flink);
 * - an in-order stream after time 0 gives what the event-time operator gives with a watermark at
 *   each element's timestamp and a final +∞ watermark, on the same terms, for rules without a
 *   window or with a FIRST_AND_LAST one.
 *
 * With a window and a skip strategy, when timers fire decides what is output: one
 * `advanceTime(t)` reports every partial match timed out by t before it releases the held
 * matches, which prune (`processMatchesAccordingToSkipStrategy`), while two calls at t₁ < t₂
 * may release a match at t₁ that prunes a partial match timing out only by t₂. Processing-time
 * and event-time timers fire at different times, so those rules are left out of the comparisons.
 * - element timestamps are not read, and no output is stamped later than the clock.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GraphNode } from "../../model/pattern.ts";
import { CepOperator, type OperatorOutput } from "../operator/cepOperator.ts";
import { timerDelaysOf } from "../operator/timerDelays.ts";
import { groupChainPatternArb, notLoopPatternArb, withChainSkip } from "./chainArbs.ts";
import { isValidChain } from "./chainChecks.ts";
import { buildChainPattern } from "./chainPattern.ts";
import { compileForTest, describeMatch, feedLog, OperatorRig, sortTimeoutRuns } from "./engineDrivers.ts";
import {
  buildLinearPattern,
  linearPatternArb,
  skipArb,
  streamArb,
  type StreamEvent,
} from "./linearPattern.ts";
import { buildNotPattern, notPatternArb } from "./notPattern.ts";

const KEYS = ["k1", "k2"] as const;
const END = Number.POSITIVE_INFINITY;

const ruleArb: fc.Arbitrary<GraphNode> = fc.oneof(
  linearPatternArb().chain((p) => skipArb(p.stages.length).map((skip) => buildLinearPattern(p, skip))),
  notPatternArb.map(buildNotPattern),
  withChainSkip(notLoopPatternArb.filter(isValidChain)).map(({ pattern, skip }) =>
    buildChainPattern(pattern, skip),
  ),
  withChainSkip(groupChainPatternArb.filter(isValidChain)).map(({ pattern, skip }) =>
    buildChainPattern(pattern, skip),
  ),
);

/** Keyed events; `ts` (non-decreasing) is the processing-time clock when each arrives. */
const arrivalArb = streamArb({ maxLength: 14, keys: KEYS, maxGap: 2 });

/** A record as `feedLog` writes it (`timeout@T …`, `match …`); `at` stamps matches too (`match@T …`). */
function line(output: OperatorOutput, at: boolean): string {
  if (output.type === "late") return `late #${Number(output.event.i)}`;
  const stamp = output.type === "timeout" || at ? `@${output.timestamp}` : "";
  return `${output.type}${stamp} ${describeMatch(output.match)}`;
}

/** Runs `rule` in processing time: the clock set to each event's `ts`, then to `finalClock`. */
function processingTime(
  rule: GraphNode,
  events: readonly StreamEvent[],
  finalClock: number | null,
  elementTs: (event: StreamEvent) => number = () => 0,
): Array<{ readonly output: OperatorOutput; readonly clock: number }> {
  const emitted: Array<{ output: OperatorOutput; clock: number }> = [];
  let clock = 0;
  const operator = new CepOperator({
    rules: [{ nfa: compileForTest(rule), timerDelays: timerDelaysOf(rule) }],
    timeCharacteristic: "processingTime",
    output: (output) => emitted.push({ output, clock }),
  });
  for (const event of events) {
    clock = event.ts;
    operator.setProcessingTime(clock);
    operator.processElement(event, event.key, elementTs(event));
  }
  if (finalClock !== null) {
    clock = finalClock;
    operator.setProcessingTime(finalClock);
  }
  expect(operator.lateRecordsNumber).toBe(0);
  return emitted;
}

function isSubMultiset(small: readonly string[], big: readonly string[]): boolean {
  const left = [...big];
  return small.every((item) => {
    const at = left.indexOf(item);
    if (at >= 0) left.splice(at, 1);
    return at >= 0;
  });
}

const ofKey = (outputs: readonly OperatorOutput[], key: string) =>
  outputs.filter((o) => o.type !== "late" && o.key === key);

/** Whether the rule has a FIRST_AND_LAST window: the only one Flink sets processing-time timers for. */
const hasTimers = (rule: GraphNode): boolean => compileForTest(rule).windowTime !== null;

describe("CepOperator (processing time)", () => {
  it("gives each key what its NFA gives fed at the clock, plus advanceTime(+∞) at a final clock of +∞", () => {
    fc.assert(
      fc.property(ruleArb, arrivalArb, fc.boolean(), (rule, events, end) => {
        const outputs = processingTime(rule, events, end ? END : null).map((e) => e.output);
        const timed = hasTimers(rule);
        if (timed && rule.afterMatchStrategy.type !== "NO_SKIP") return;
        for (const key of KEYS) {
          const mine = events.filter((e) => e.key === key);
          const harness = (final: number | null) =>
            feedLog(compileForTest(rule), mine, final).map((l) => l.slice(l.indexOf(":") + 1));
          const actual = ofKey(outputs, key).map((o) => line(o, false));
          if (!timed) {
            // No timers: the very calls the harness makes, and no final advanceTime.
            expect(sortTimeoutRuns(actual)).toEqual(sortTimeoutRuns(harness(null)));
          } else if (end && mine.every((e) => e.ts > 0)) {
            // Every run left holds a pending timer, which the final clock fires. Timers add
            // advanceTime(now) calls between elements: they only move outputs earlier (and
            // reorder those of one call), so the outputs are compared as multisets.
            expect([...actual].sort()).toEqual([...harness(END)].sort());
          } else {
            // Timers of this key fired by other keys' clock steps: between the two harness runs.
            expect(isSubMultiset(harness(null), actual)).toBe(true);
            expect(isSubMultiset(actual, harness(END))).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives, for an in-order stream, what event time gives with a watermark at each element", () => {
    fc.assert(
      fc.property(ruleArb, arrivalArb, (rule, drawn) => {
        // Strictly increasing timestamps after 0: in event time an element at the watermark is
        // late, and in processing time a run started at 0 sets no timer.
        const events = drawn.map((e, k) => ({ ...e, ts: e.ts + k + 1 }));
        const processing = processingTime(rule, events, END).map((e) => e.output);
        const eventTime = new OperatorRig([rule]).feed([
          ...events.flatMap((event) => [
            { type: "event" as const, event },
            { type: "watermark" as const, watermark: event.ts },
          ]),
          { type: "watermark", watermark: END },
        ]).outputs;
        const windowed = timerDelaysOf(rule).length > 0;
        // Without timers, processing time never times out what only a final advanceTime would.
        if (windowed && !hasTimers(rule)) return;
        if (windowed && rule.afterMatchStrategy.type !== "NO_SKIP") return;
        for (const key of KEYS) {
          const p = ofKey(processing, key).map((o) => line(o, !windowed));
          const e = ofKey(eventTime, key).map((o) => line(o, !windowed));
          if (windowed) expect([...p].sort()).toEqual([...e].sort());
          else expect(p).toEqual(e);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("does not read element timestamps, and stamps no output later than the clock", () => {
    fc.assert(
      fc.property(
        ruleArb,
        arrivalArb,
        fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 14, maxLength: 14 }),
        (rule, events, stamps) => {
          const plain = processingTime(rule, events, END);
          const stamped = processingTime(rule, events, END, (e) => stamps[e.i] ?? 0);
          expect(stamped.map((e) => line(e.output, true))).toEqual(plain.map((e) => line(e.output, true)));
          // A timeout is stamped with its deadline, reached by the clock that fired it.
          for (const { output, clock } of plain) expect(output.timestamp).toBeLessThanOrEqual(clock);
        },
      ),
      { numRuns: 150 },
    );
  });
});
