/**
 * What `cep-studio run` must print, computed without the CLI: each (rule, key) gets its own
 * `NFATestHarness` (Flink's `NFATestHarness.forPattern(p)`: the pattern's JSON round trip, its
 * skip strategy, timeouts reported), fed the way Flink's `CepOperator` feeds its NFA, and every
 * match and timeout is written as the output contract words it:
 * `{"type":"match","rule":ID,"version":N,"key":K,"events":{stage:[event…]…}}` and
 * `{"type":"timeout",…,"key":K,"timestamp":MS,"events":{…}}`, stages in pattern order, stages that
 * took nothing left out, events as read.
 *
 * - Processing time ({@link processingTimeReference}): before each element the clock is set to
 *   its time T; the element's key runs `advanceTime(T)` then `process(element, T)`, exactly
 *   Flink's `NFATestHarness` / `feedNFA` feeding. With `timers`, also Flink 2.x's
 *   `onProcessingTime` (STEP 3: `advanceTime(now)`) for keys whose timers the clock passed:
 *   when an element starts a new partial match of a rule with a FIRST_AND_LAST window W, the
 *   operator sets a timer at `T + W + 1` (Flink's `processEvent`), and a key whose NFAs all end
 *   empty is dropped with its timers (`CepOperator.dropIfEmpty`).
 * - Event time ({@link eventTimeReference}): in-order input with bounded out-of-orderness; after
 *   each element the watermark is `maxTs − delay − 1`, then +∞ at the end. On each watermark
 *   advance W every key is visited as `onEventTime` does: its buffered timestamps ≤ W in
 *   ascending order, each as `advanceTime(ts)` then that timestamp's elements in arrival order,
 *   then `advanceTime(W)` (Ververica's `DynamicCepOperator` re-registers a timer at W + 1 for
 *   every key holding elements or partial matches, so every live key is visited).
 */
import type { GraphNode } from "../../model/pattern.ts";
import type { Match } from "../../engine/api.ts";
import { NFATestHarness, type TestEvent } from "../../engine/testing/nfaTestHarness.ts";

/** A rule as the CLI runs it: a bare GraphSpec is rule "1", version 1. */
export interface ReferenceRule {
  readonly id: string;
  readonly version: number;
  readonly graph: GraphNode;
}

/** Output lines per `"<rule> <key>"` (key `null` without `--key`), each in emission order. */
export type LinesByRuleAndKey = Record<string, string[]>;

/** Where an event belongs: its `--key` value as the CLI prints it, or null without `--key`. */
export type KeyOf = (event: TestEvent) => string | null;

/** The output's lines grouped by rule and key (every line must be a match or a timeout). */
export function cliLinesByRuleAndKey(stdout: string): LinesByRuleAndKey {
  const grouped: LinesByRuleAndKey = {};
  for (const line of stdout.split("\n")) {
    if (line === "") continue;
    const record = JSON.parse(line) as { type?: unknown; rule?: unknown; key?: unknown };
    if (record.type !== "match" && record.type !== "timeout") throw new Error(`unexpected output: ${line}`);
    (grouped[groupName(String(record.rule), record.key as string | null)] ??= []).push(line);
  }
  return grouped;
}

/** Feeding options for {@link processingTimeReference}. */
export interface ProcessingTimeFeed {
  /** The processing time at which the element at `position` arrives (non-decreasing). */
  readonly clockOf: (event: TestEvent, position: number) => number;
  readonly keyOf: KeyOf;
  /** Model the operator's processing-time timers (only matters with several keys). */
  readonly timers: boolean;
  /** A last `advanceTime(finalTime)` for every (rule, key), as a final clock (or watermark) would. */
  readonly finalTime?: number;
}

/** What the CLI prints in processing time (`--clock FIELD`, or the position without a time flag). */
export function processingTimeReference(
  rules: readonly ReferenceRule[],
  events: readonly TestEvent[],
  feed: ProcessingTimeFeed,
): LinesByRuleAndKey {
  const out = new Output(rules);
  const timersOf = new Map<string | null, number[]>();
  events.forEach((event, position) => {
    const now = feed.clockOf(event, position);
    if (feed.timers) {
      for (const [key, timers] of timersOf) {
        if (!timers.some((t) => t <= now)) continue;
        // onProcessingTime: nothing is buffered without a comparator; STEP 3 is advanceTime(now).
        timersOf.set(
          key,
          timers.filter((t) => t > now),
        );
        out.advanceAll(key, now);
        if (out.allEmpty(key)) timersOf.delete(key);
      }
    }
    const key = feed.keyOf(event);
    const timers = timersOf.get(key) ?? [];
    rules.forEach((_rule, r) => {
      out.advanceTime(r, key, now);
      out.process(r, key, event, now);
      // Flink's processEvent: a timer for the FIRST_AND_LAST window only, when the element
      // started a new partial match (the NFA's isNewStartPartialMatch; updateNFA resets it).
      const { compiled, nfaState } = out.harness(r, key);
      if (compiled.windowTime !== null && nfaState.newStartPartialMatch)
        timers.push(now + compiled.windowTime + 1);
      nfaState.newStartPartialMatch = false;
    });
    if (out.allEmpty(key)) timersOf.delete(key);
    else timersOf.set(key, timers);
  });
  const { finalTime } = feed;
  if (finalTime !== undefined)
    for (const key of new Set(events.map(feed.keyOf))) out.advanceAll(key, finalTime);
  return out.lines;
}

/** Feeding options for {@link eventTimeReference}. */
export interface EventTimeFeed {
  readonly timeOf: (event: TestEvent) => number;
  readonly keyOf: KeyOf;
  /** `--out-of-orderness` (0 by default on the CLI). */
  readonly delay: number;
  /** The +∞ watermark at the end of input (off with `--no-final-watermark`). */
  readonly finalWatermark: boolean;
}

/** What the CLI prints in event time (`--time FIELD`) for input in timestamp order. */
export function eventTimeReference(
  rules: readonly ReferenceRule[],
  events: readonly TestEvent[],
  feed: EventTimeFeed,
): LinesByRuleAndKey {
  const out = new Output(rules);
  /** Per key, its buffered elements in arrival order (all later than the watermark). */
  const buffers = new Map<string | null, TestEvent[]>();
  let watermark = Number.NEGATIVE_INFINITY;
  let maxTimestamp = Number.NEGATIVE_INFINITY;
  const advanceWatermark = (to: number): void => {
    if (!(to > watermark)) return;
    watermark = to;
    for (const [key, buffered] of buffers) {
      const due = buffered.filter((e) => feed.timeOf(e) <= to);
      buffers.set(
        key,
        buffered.filter((e) => feed.timeOf(e) > to),
      );
      const times = [...new Set(due.map(feed.timeOf))].sort((a, b) => a - b);
      rules.forEach((_, r) => {
        for (const ts of times) {
          out.advanceTime(r, key, ts);
          for (const event of due) if (feed.timeOf(event) === ts) out.process(r, key, event, ts);
        }
        out.advanceTime(r, key, to);
      });
    }
  };
  for (const event of events) {
    const ts = feed.timeOf(event);
    if (!(ts > watermark)) throw new Error(`the reference takes no late elements (${ts} ≤ ${watermark})`);
    const key = feed.keyOf(event);
    buffers.set(key, [...(buffers.get(key) ?? []), event]);
    maxTimestamp = Math.max(maxTimestamp, ts);
    advanceWatermark(maxTimestamp - feed.delay - 1);
  }
  if (feed.finalWatermark) advanceWatermark(Number.POSITIVE_INFINITY);
  return out.lines;
}

function groupName(rule: string, key: string | null): string {
  return `${rule} ${key === null ? "null" : JSON.stringify(key)}`;
}

/** The harnesses of every (rule, key) and the contract lines they produce. */
class Output {
  readonly lines: LinesByRuleAndKey = {};
  private readonly harnesses = new Map<string, NFATestHarness>();

  constructor(private readonly rules: readonly ReferenceRule[]) {}

  harness(r: number, key: string | null): NFATestHarness {
    const name = this.nameOf(r, key);
    let harness = this.harnesses.get(name);
    if (harness === undefined) {
      harness = NFATestHarness.forPattern(this.rule(r).graph);
      this.harnesses.set(name, harness);
    }
    return harness;
  }

  /** Whether the key's NFA holds nothing in any rule (the operator then drops the key). */
  allEmpty(key: string | null): boolean {
    return this.rules.every((_, r) => {
      const harness = this.harness(r, key);
      return harness.compiled.isEmpty(harness.nfaState);
    });
  }

  /** {@link advanceTime} for every rule of the key. */
  advanceAll(key: string | null, ts: number): void {
    for (let r = 0; r < this.rules.length; r++) this.advanceTime(r, key, ts);
  }

  /** `advanceTime(ts)`: released pending matches, then timeouts (CepOperator's order). */
  advanceTime(r: number, key: string | null, ts: number): void {
    const { matches, timedOut } = this.harness(r, key).advanceTime(ts);
    for (const match of matches) this.write(r, key, "match", match, null);
    for (const { match, timestamp } of timedOut) this.write(r, key, "timeout", match, timestamp);
  }

  /**
   * `process(event, ts)` alone, after the `advanceTime` the caller made: once per element in
   * processing time (as `consumeRecord` feeds), once per timestamp in event time. The two differ:
   * an element can move a run into a state with a PREVIOUS_AND_CURRENT window without taking
   * anything, which a second `advanceTime(ts)` then times out.
   */
  process(r: number, key: string | null, event: TestEvent, ts: number): void {
    const { compiled, nfaState } = this.harness(r, key);
    for (const match of compiled.process(nfaState, event, ts)) this.write(r, key, "match", match, null);
  }

  private write(
    r: number,
    key: string | null,
    type: "match" | "timeout",
    match: Match,
    timestamp: number | null,
  ): void {
    const rule = this.rule(r);
    const events: Record<string, unknown> = {};
    for (const [stage, taken] of match) if (taken.length > 0) events[stage] = taken;
    const record =
      timestamp === null
        ? { type, rule: rule.id, version: rule.version, key, events }
        : { type, rule: rule.id, version: rule.version, key, timestamp, events };
    (this.lines[groupName(rule.id, key)] ??= []).push(JSON.stringify(record));
  }

  private rule(r: number): ReferenceRule {
    const rule = this.rules[r];
    if (rule === undefined) throw new RangeError(`no rule ${r}`);
    return rule;
  }

  private nameOf(r: number, key: string | null): string {
    return `${r} ${key === null ? "null" : JSON.stringify(key)}`;
  }
}
