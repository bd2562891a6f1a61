/**
 * State TTL on the keyed `CepOperator` (`stateTtlMs`: Flink's `StateTtlConfig` with
 * `OnCreateAndWrite` and `NeverReturnExpired`), in event time and in processing time, on random
 * keyed streams and rules (linear, NOT, looping; every skip strategy). Flink's CepOperator has no
 * TTL of its own; what holds is what `StateTtlConfig` defines for any keyed state, and only that
 * is checked here (not when cleanup runs, which Flink leaves to its cleanup strategies):
 * - state expires only once it was not written for the TTL: `TtlUtils.expired`, `lastWrite + ttl
 *   <= now`, on the operator's clock (the watermark, or processing time);
 * - TTL acts by expiring state and nothing else: per key, the outputs before the key's first
 *   expiry are those of the same operator without TTL, and all of them when nothing expires;
 * - `NeverReturnExpired`: after a key's state expired, no output of that key carries an event the
 *   expired state had seen (every later event came after its last write).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GraphNode } from "../../model/pattern.ts";
import { CepOperator, type OperatorOutput, type StateExpiredRecord } from "../operator/cepOperator.ts";
import { timerDelaysOf } from "../operator/timerDelays.ts";
import { notLoopPatternArb, withChainSkip } from "./chainArbs.ts";
import { isValidChain } from "./chainChecks.ts";
import { buildChainPattern } from "./chainPattern.ts";
import { compileForTest, describeMatch } from "./engineDrivers.ts";
import {
  buildLinearPattern,
  linearPatternArb,
  skipArb,
  streamArb,
  type StreamEvent,
} from "./linearPattern.ts";
import { buildNotPattern, notPatternArb } from "./notPattern.ts";

const KEYS = ["k1", "k2"] as const;
type Mode = "eventTime" | "processingTime";

const ruleArb: fc.Arbitrary<GraphNode> = fc.oneof(
  linearPatternArb().chain((p) => skipArb(p.stages.length).map((skip) => buildLinearPattern(p, skip))),
  notPatternArb.map(buildNotPattern),
  withChainSkip(notLoopPatternArb.filter(isValidChain)).map(({ pattern, skip }) =>
    buildChainPattern(pattern, skip),
  ),
);

/** Keyed events in time order with gaps up to 4 ms, so a TTL of 1–12 ms sometimes elapses. */
const eventsArb = streamArb({ maxLength: 14, keys: KEYS, maxGap: 4 });

type Entry = { readonly output: OperatorOutput } | { readonly expired: StateExpiredRecord };

/**
 * Runs `rule` over `events` (in time order): in event time each element then a watermark at
 * `ts − 1` (bounded out-of-orderness 0), in processing time the clock at `ts` then the element;
 * then a final +∞ watermark or clock.
 */
function run(rule: GraphNode, events: readonly StreamEvent[], mode: Mode, ttl: number | null): Entry[] {
  const entries: Entry[] = [];
  const operator = new CepOperator({
    rules: [{ nfa: compileForTest(rule), timerDelays: timerDelaysOf(rule) }],
    timeCharacteristic: mode,
    output: (output) => entries.push({ output }),
    ...(ttl === null ? {} : { stateTtlMs: ttl, onStateExpired: (expired) => entries.push({ expired }) }),
  });
  for (const event of events) {
    if (mode === "processingTime") operator.setProcessingTime(event.ts);
    operator.processElement(event, event.key, event.ts);
    if (mode === "eventTime") operator.processWatermark(event.ts - 1);
  }
  if (mode === "processingTime") operator.setProcessingTime(Number.POSITIVE_INFINITY);
  else operator.processWatermark(Number.POSITIVE_INFINITY);
  return entries;
}

/** A match or timeout as a line (match timestamps left out: a cleanup visit may release earlier). */
function line(output: OperatorOutput): string {
  if (output.type === "late") return `late #${Number(output.event.i)}`;
  return `${output.type}${output.type === "timeout" ? `@${output.timestamp}` : ""} ${describeMatch(output.match)}`;
}

/** Per key: its output lines, and how many came before its first expiry (all if none). */
function perKey(entries: readonly Entry[], key: string): { lines: string[]; beforeExpiry: number } {
  const lines: string[] = [];
  let beforeExpiry: number | null = null;
  for (const entry of entries) {
    if ("expired" in entry) {
      if (entry.expired.key === key) beforeExpiry ??= lines.length;
    } else if (entry.output.type !== "late" && entry.output.key === key) {
      lines.push(line(entry.output));
    }
  }
  return { lines, beforeExpiry: beforeExpiry ?? lines.length };
}

const modeArb = fc.constantFrom<Mode>("eventTime", "processingTime");

describe("state TTL (OnCreateAndWrite, NeverReturnExpired)", () => {
  it("expires state only when it was not written for the TTL, on the operator's clock", () => {
    fc.assert(
      fc.property(ruleArb, eventsArb, modeArb, fc.integer({ min: 1, max: 12 }), (rule, events, mode, ttl) => {
        for (const entry of run(rule, events, mode, ttl)) {
          if (!("expired" in entry)) continue;
          const { lastWrite, timestamp } = entry.expired;
          expect(Number.isFinite(timestamp)).toBe(true);
          expect(lastWrite + ttl).toBeLessThanOrEqual(timestamp);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("changes nothing but by expiring: per key, the outputs before its first expiry are those without TTL", () => {
    fc.assert(
      fc.property(ruleArb, eventsArb, modeArb, fc.integer({ min: 1, max: 40 }), (rule, events, mode, ttl) => {
        // A processing-time cleanup visit calls advanceTime(now) where no deadline timer would:
        // with a window and a skip strategy that can change what is pruned (see
        // processingTime.test.ts), so those rules are compared in event time only.
        const windowed = timerDelaysOf(rule).length > 0;
        if (mode === "processingTime" && windowed && rule.afterMatchStrategy.type !== "NO_SKIP") return;
        const withTtl = run(rule, events, mode, ttl);
        const without = run(rule, events, mode, null);
        for (const key of KEYS) {
          const { lines, beforeExpiry } = perKey(withTtl, key);
          const reference = perKey(without, key).lines;
          expect(lines.slice(0, beforeExpiry)).toEqual(reference.slice(0, beforeExpiry));
          if (
            beforeExpiry === lines.length &&
            !withTtl.some((e) => "expired" in e && e.expired.key === key)
          ) {
            expect(lines).toEqual(reference);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never returns expired state: a key's later outputs hold only events after the expired state's last write", () => {
    fc.assert(
      fc.property(ruleArb, eventsArb, modeArb, fc.integer({ min: 1, max: 12 }), (rule, events, mode, ttl) => {
        const lastWrites = new Map<string, number>();
        for (const entry of run(rule, events, mode, ttl)) {
          if ("expired" in entry) {
            const { key, lastWrite } = entry.expired;
            lastWrites.set(key ?? "", Math.max(lastWrites.get(key ?? "") ?? -Infinity, lastWrite));
            continue;
          }
          const { output } = entry;
          const since = output.type === "late" ? undefined : lastWrites.get(output.key ?? "");
          if (output.type === "late" || since === undefined) continue;
          for (const taken of output.match.values()) {
            for (const event of taken) expect(Number(event["ts"])).toBeGreaterThan(since);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
