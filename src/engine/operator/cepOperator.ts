/**
 * Port of Flink's keyed `CepOperator` (flink-cep `operator/CepOperator.java`), running several
 * rules side by side the way Ververica's `DynamicCepOperator` runs pattern processors: one
 * compiled NFA per rule, one NFA state per (rule, key), one element buffer per key.
 *
 * Event time (`processElement` + `processWatermark`):
 * - an element is buffered iff `timestamp > currentWatermark`; otherwise it is late: counted
 *   (`numLateRecordsDropped`) and emitted as a `late` output, in arrival order;
 * - when the watermark advances to W, every key with something due (see "Timers (event time)") runs
 *   `onEventTime`: (1) take the buffered timestamps ≤ W in ascending order; (2) per rule, for
 *   each timestamp `advanceTime(ts)` then `process` its elements in arrival order (or
 *   comparator order); (3) `advanceTime(W)`, so a bare watermark times out partial matches;
 *   (4) drop the states that hold nothing, and the key when nothing is left.
 *   A final watermark of +∞ (a bounded Flink job ends with `Long.MAX_VALUE`) flushes everything.
 *
 * Processing time (`processElement` + `setProcessingTime`), as Flink 2.x's operator: without a
 * comparator each element goes to the NFA at once, `advanceTime(now)` then `process(event, now)`;
 * with one, elements are buffered at the current time and sorted when a timer at `now + 1`
 * fires. When an element starts a new partial match and the rule has a FIRST_AND_LAST window
 * (Flink's `nfa.getWindowTime() > 0 && isNewStartPartialMatch()`), a timer at
 * `ts + window + 1` fires `onProcessingTime` once the clock passes it, which processes the key's
 * buffer and calls `advanceTime(now)`, so that partial match times out even if the key sees no
 * further element. PREVIOUS_AND_CURRENT and `times` windows set no timer: such runs time out
 * only at the key's next element, as in Flink. Nothing fires at the end of input: a finishing
 * Flink task quiesces processing-time timers.
 *
 * Timers (event time). Flink's operator sets a timer at each buffered timestamp and, when an
 * element starts a partial match, at `ts + within`; the operator Ververica's dynamic CEP runs
 * on re-registers one at `watermark + 1` for every key with buffered elements or a non-empty
 * shared buffer, visiting every such key on every watermark. `advanceTime(W)` only acts when W
 * reaches some partial match's deadline (`first + within`, `previous + within`,
 * `previous + times window`), and every deadline is `ts + d` for a processed timestamp `ts` and
 * a window length `d` of the rule (`timerDelaysOf`). So this port sets timers at each buffered
 * timestamp and at `ts + d` whenever a key processed `ts` and kept state: the outputs are those
 * of visiting every live key on every watermark, without scanning every key every time.
 *
 * Output order (deterministic): per watermark, keys in the order of their earliest due timer
 * (ties: the key seen first); per key, rules in the order given; per rule, as the NFA emits
 * (pending matches of an `advanceTime` before its timeouts, as Flink's operator does).
 */
import type { CompiledNFA, EventRecord, Match, TimedOutMatch } from "../api.ts";
import type { KeyedNFAState } from "../nfaState.ts";
import { KeyContext } from "./keyContext.ts";
import { captureOperator, restoreKeys, type CepOperatorSnapshot } from "./operatorSnapshot.ts";
import type {
  CepOperatorOptions,
  EventComparator,
  OperatorKey,
  OperatorOutput,
  StateExpiredRecord,
} from "./operatorTypes.ts";
import { expireStates, isExpired, nextCleanup } from "./stateTtl.ts";
import { TimerQueue } from "./timerQueue.ts";

export type {
  CepOperatorOptions,
  EventComparator,
  OperatorKey,
  OperatorOutput,
  OperatorRule,
  StateExpiredRecord,
} from "./operatorTypes.ts";
export type { CepOperatorSnapshot } from "./operatorSnapshot.ts";

/** An NFA call failed (a condition threw, say); the operator's state for that key may be partial. */
export class CepOperatorError extends Error {
  constructor(
    readonly rule: number,
    readonly key: OperatorKey,
    /** The element being processed, or null when the failure came from `advanceTime`. */
    readonly event: EventRecord | null,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "CepOperatorError";
  }
}

/** A keyed CEP operator over one or more rules. Not thread-safe; feed it from one place. */
export class CepOperator {
  private readonly nfas: readonly CompiledNFA[];
  private readonly delays: ReadonlyArray<readonly number[]>;
  /** Timer lane of each rule's delays (lane 0 holds the element timers). */
  private readonly delayLanes: ReadonlyArray<readonly number[]>;
  /** Processing time: each rule's FIRST_AND_LAST window and its timer lane (null: no window). */
  private readonly windowTimers: ReadonlyArray<{ readonly window: number; readonly lane: number } | null>;
  private readonly isProcessingTime: boolean;
  private readonly comparator: EventComparator | undefined;
  private readonly output: (record: OperatorOutput) => void;
  private readonly keys: Map<OperatorKey, KeyContext>;
  /** Per rule, a fresh NFA state no key holds yet (see `stateOf`). */
  private readonly spares: Array<KeyedNFAState | undefined> = [];
  private readonly timers: TimerQueue<KeyContext>;
  private nextSeq = 0;
  private round = 0;
  private watermark = Number.NEGATIVE_INFINITY;
  private processingTime = 0;
  private lateRecords = 0;
  /** State TTL in ms; null when off. */
  private readonly ttl: number | null;
  /** Timer lane of the TTL cleanup timers. */
  private readonly ttlLane: number;
  private readonly onStateExpired: ((record: StateExpiredRecord) => void) | undefined;

  constructor(options: CepOperatorOptions) {
    this.nfas = options.rules.map((rule) => rule.nfa);
    this.delays = options.rules.map(
      (rule) =>
        rule.timerDelays ??
        (rule.nfa.windowTime !== null && rule.nfa.windowTime > 0 ? [rule.nfa.windowTime] : []),
    );
    // Timers "timestamp + d" arrive in order per d, so each distinct d gets its own lane.
    const lanes = new Map<number, number>();
    const laneOf = (d: number): number => {
      let lane = lanes.get(d);
      if (lane === undefined) lanes.set(d, (lane = lanes.size + 1));
      return lane;
    };
    this.delayLanes = this.delays.map((delays) => delays.map(laneOf));
    this.windowTimers = options.rules.map(({ nfa }) =>
      nfa.windowTime !== null && nfa.windowTime > 0
        ? { window: nfa.windowTime, lane: laneOf(nfa.windowTime) }
        : null,
    );
    const ttl = options.stateTtlMs;
    if (ttl !== undefined && !(ttl > 0)) throw new RangeError(`state TTL must be > 0 ms, got ${ttl}`);
    this.ttl = ttl ?? null;
    this.ttlLane = lanes.size + 1;
    this.onStateExpired = options.onStateExpired;
    this.timers = new TimerQueue(lanes.size + 2);
    this.isProcessingTime = options.timeCharacteristic === "processingTime";
    this.comparator = options.comparator;
    this.output = options.output;
    const saved = options.restore;
    if (saved === undefined) {
      this.keys = new Map();
      return;
    }
    this.keys = restoreKeys(saved, this.nfas.length, this.timers);
    this.watermark = saved.watermark;
    this.processingTime = saved.processingTime;
    this.lateRecords = saved.lateRecords;
    this.nextSeq = saved.nextSeq;
  }

  /**
   * The operator's whole state as plain data (see `operatorSnapshot.ts`): a copy, so the
   * operator can go on. Restore with `new CepOperator({ ...sameOptions, restore: snapshot })`.
   * Not while the operator is emitting (from inside `output`).
   */
  snapshotState(): CepOperatorSnapshot {
    return structuredClone(this.captureState());
  }

  /**
   * Like {@link snapshotState} but sharing the live objects: copy it before the operator moves
   * on. Lets a job copy all its operators at once, keeping objects they share shared.
   */
  captureState(): CepOperatorSnapshot {
    return captureOperator({
      ruleCount: this.nfas.length,
      watermark: this.watermark,
      processingTime: this.processingTime,
      lateRecords: this.lateRecords,
      nextSeq: this.nextSeq,
      keys: this.keys.values(),
      timers: this.timers,
    });
  }

  /** The last watermark seen (−∞ before the first). */
  get currentWatermark(): number {
    return this.watermark;
  }

  /** The processing-time clock. */
  get currentProcessingTime(): number {
    return this.processingTime;
  }

  /** Flink's `numLateRecordsDropped` metric. */
  get lateRecordsNumber(): number {
    return this.lateRecords;
  }

  /** Keys that currently hold state or buffered elements. */
  get keyCount(): number {
    return this.keys.size;
  }

  /** Pending timers (a superset of Flink's; see the module comment). */
  get numEventTimeTimers(): number {
    return this.timers.size;
  }

  /**
   * `processElement`: in event time `timestamp` is the element's; in processing time it is
   * ignored and the current processing time is used.
   */
  processElement(event: EventRecord, key: OperatorKey, timestamp = 0): void {
    if (this.isProcessingTime) {
      const ctx = this.context(key);
      const now = this.processingTime;
      if (this.comparator !== undefined) {
        // Sorted and processed when the clock next moves (Flink: a timer at now + 1).
        if (ctx.add(now, event)) this.registerVisit(ctx, now + 1, 0);
        return;
      }
      if (this.ttl !== null) this.expireStates(ctx, now);
      // There can be no out-of-order elements in processing time.
      for (let r = 0; r < this.nfas.length; r++) {
        const state = this.stateOf(ctx, r);
        this.advanceTime(ctx, r, state, now);
        this.processEvent(ctx, r, state, event, now);
        this.registerDeadlines(ctx, r, state, now, now);
        this.storeState(ctx, r, state, now);
      }
      if (this.ttl !== null) this.scheduleCleanup(ctx, now);
      this.dropIfEmpty(ctx);
      return;
    }
    if (timestamp > this.watermark) {
      const ctx = this.context(key);
      if (ctx.add(timestamp, event)) this.timers.register(ctx, timestamp);
    } else {
      this.lateRecords++;
      this.output({ type: "late", key, event, timestamp });
    }
  }

  /** Advances event time to `watermark` (ignored unless it is larger than the current one). */
  processWatermark(watermark: number): void {
    if (this.isProcessingTime || !(watermark > this.watermark)) return;
    this.watermark = watermark;
    const round = ++this.round;
    for (
      let ctx = this.timers.pollUpTo(watermark);
      ctx !== undefined;
      ctx = this.timers.pollUpTo(watermark)
    ) {
      if (ctx.dropped || ctx.visitedRound === round) continue;
      ctx.visitedRound = round;
      if (this.ttl === null && this.isIdleAt(ctx, watermark)) continue;
      this.onTimer(ctx, watermark, watermark);
    }
  }

  /**
   * Whether an event-time visit at `watermark` would change nothing: no element is due and no
   * rule's `advanceTime(watermark)` can time out or release a run (the NFA keeps the earliest
   * such time in `timeoutAt`; a state without it is always visited). Most window timers are
   * stale by the time they fire (their run ended at a later element), and skipping their
   * visits saves loading the key's queues for nothing. State TTL needs every visit.
   */
  private isIdleAt(ctx: KeyContext, watermark: number): boolean {
    const first = ctx.firstTimestamp;
    if (first !== undefined && first <= watermark) return false;
    for (let r = 0; r < this.nfas.length; r++) {
      const state = ctx.stateOf(r);
      if (state !== undefined && !(watermark < state.timeoutAt)) return false;
    }
    return true;
  }

  /** Sets the processing-time clock and fires the processing-time timers it passes (`onProcessingTime`). */
  setProcessingTime(time: number): void {
    if (time < this.processingTime) {
      throw new RangeError(`processing time cannot go back (from ${this.processingTime} to ${time})`);
    }
    this.processingTime = time;
    if (!this.isProcessingTime) return;
    const round = ++this.round;
    for (let ctx = this.timers.pollUpTo(time); ctx !== undefined; ctx = this.timers.pollUpTo(time)) {
      if (ctx.dropped || ctx.visitedRound === round) continue;
      ctx.visitedRound = round;
      if (ctx.takeDueVisits(time)) {
        // Everything buffered, in (buffer time, comparator) order.
        this.onTimer(ctx, Number.POSITIVE_INFINITY, time);
      } else {
        // Only the TTL cleanup timer: expire, no onProcessingTime.
        this.expireStates(ctx, time);
        this.scheduleCleanup(ctx, time);
        this.dropIfEmpty(ctx);
      }
    }
  }

  /** Whether `key` holds NFA state in any rule (Flink's `hasNonEmptySharedBuffer`). */
  hasNonEmptySharedBuffer(key: OperatorKey): boolean {
    const ctx = this.keys.get(key);
    if (ctx === undefined) return false;
    const now = this.isProcessingTime ? this.processingTime : this.watermark;
    return this.nfas.some((nfa, r) => {
      const state = ctx.stateOf(r);
      if (state === undefined || nfa.isEmpty(state)) return false;
      // NeverReturnExpired: expired state not cleaned yet is no state.
      return this.ttl === null || !isExpired(ctx.writeTimes?.[r], this.ttl, now);
    });
  }

  /** Whether `key` has buffered elements (Flink's `hasNonEmptyPQ`). */
  hasNonEmptyPQ(key: OperatorKey): boolean {
    return !(this.keys.get(key)?.isEmpty ?? true);
  }

  /** Number of buffered elements of `key` (Flink's `getPQSize`). */
  getPQSize(key: OperatorKey): number {
    return this.keys.get(key)?.size ?? 0;
  }

  /**
   * `onEventTime` / `onProcessingTime`: (1) the buffered elements with timestamp ≤ `limit`;
   * (2) per rule, fed in event-time order (comparator order within a timestamp), each
   * timestamp preceded by `advanceTime(ts)`; (3) `advanceTime(now)`, so expired partial matches
   * time out; (4) only state that holds something is kept.
   */
  private onTimer(ctx: KeyContext, limit: number, now: number): void {
    // NeverReturnExpired: expired state is cleared before the visit reads it.
    if (this.ttl !== null) this.expireStates(ctx, now);
    const due = ctx.countUpTo(limit);
    for (let r = 0; r < this.nfas.length; r++) {
      const state = this.stateOf(ctx, r);
      for (let i = 0; i < due;) {
        const timestamp = ctx.timeAt(i);
        let end = i + 1;
        while (end < due && ctx.timeAt(end) === timestamp) end++;
        this.advanceTime(ctx, r, state, timestamp);
        if (this.comparator !== undefined && end - i > 1) {
          const elements: EventRecord[] = [];
          for (let k = i; k < end; k++) elements.push(ctx.eventAt(k));
          // Array.prototype.sort is stable, so equal elements keep their arrival order.
          elements.sort(this.comparator);
          for (const event of elements) this.processEvent(ctx, r, state, event, timestamp);
        } else {
          for (let k = i; k < end; k++) this.processEvent(ctx, r, state, ctx.eventAt(k), timestamp);
        }
        this.registerDeadlines(ctx, r, state, timestamp, now);
        i = end;
      }
      this.advanceTime(ctx, r, state, now);
      this.storeState(ctx, r, state, now);
    }
    ctx.dropFirst(due);
    if (this.ttl !== null) this.scheduleCleanup(ctx, now);
    this.dropIfEmpty(ctx);
  }

  private processEvent(
    ctx: KeyContext,
    r: number,
    state: KeyedNFAState,
    event: EventRecord,
    timestamp: number,
  ): void {
    let matches: readonly Match[];
    try {
      matches = (this.nfas[r] as CompiledNFA).process(state, event, timestamp);
    } catch (cause) {
      throw new CepOperatorError(r, ctx.key, event, cause);
    }
    for (let i = 0; i < matches.length; i++) {
      const match = matches[i] as Match;
      this.output({ type: "match", rule: r, key: ctx.key, match, timestamp });
    }
  }

  private advanceTime(ctx: KeyContext, r: number, state: KeyedNFAState, timestamp: number): void {
    // A spare nothing has touched holds only start runs: there is nothing to time out or
    // release, so the call (and its result objects) can be saved.
    if (state === this.spares[r] && isUntouched(state)) return;
    let result: ReturnType<CompiledNFA["advanceTime"]>;
    try {
      result = (this.nfas[r] as CompiledNFA).advanceTime(state, timestamp);
    } catch (cause) {
      throw new CepOperatorError(r, ctx.key, null, cause);
    }
    const { matches, timedOut } = result;
    for (let i = 0; i < matches.length; i++) {
      const match = matches[i] as Match;
      this.output({ type: "match", rule: r, key: ctx.key, match, timestamp });
    }
    for (let i = 0; i < timedOut.length; i++) {
      const { match, timestamp: timedOutAt } = timedOut[i] as TimedOutMatch;
      this.output({ type: "timeout", rule: r, key: ctx.key, match, timestamp: timedOutAt });
    }
  }

  /**
   * Timers where something of this key may become due (see the module comment). Event time:
   * `ts + d` for every window length `d` of the rule while the key keeps state (an event-time
   * deadline the watermark already passed is covered by STEP 3 of this visit). Processing time,
   * as Flink's `processEvent`: `ts + window + 1` for the FIRST_AND_LAST window, only when a new
   * partial match started since the state was last stored.
   */
  private registerDeadlines(
    ctx: KeyContext,
    r: number,
    state: KeyedNFAState,
    timestamp: number,
    now: number,
  ): void {
    if (this.isProcessingTime) {
      const timer = this.windowTimers[r];
      if (timer && state.newStartPartialMatch) {
        this.registerVisit(ctx, timestamp + timer.window + 1, timer.lane);
      }
      return;
    }
    const delays = this.delays[r] as readonly number[];
    if (delays.length === 0 || (this.nfas[r] as CompiledNFA).isEmpty(state)) return;
    const lanes = this.delayLanes[r] as readonly number[];
    for (let i = 0; i < delays.length; i++) {
      const delay = delays[i] as number;
      if (timestamp + delay > now) this.timers.register(ctx, timestamp + delay, lanes[i]);
    }
  }

  /** Processing time: a timer that fires `onProcessingTime` for `ctx` at `time`. */
  private registerVisit(ctx: KeyContext, time: number, lane: number): void {
    this.timers.register(ctx, time, lane);
    (ctx.visitTimes ??= []).push(time);
  }

  private context(key: OperatorKey): KeyContext {
    let ctx = this.keys.get(key);
    if (ctx === undefined) {
      ctx = new KeyContext(key, this.nextSeq++);
      this.keys.set(key, ctx);
    }
    return ctx;
  }

  /**
   * The key's state of rule `r`; a key without one borrows the rule's spare fresh state, so the
   * many elements that start nothing create no state at all (see `storeState`).
   */
  private stateOf(ctx: KeyContext, r: number): KeyedNFAState {
    const state = ctx.stateOf(r);
    if (state !== undefined) return state;
    let spare = this.spares[r];
    // A spare an NFA call failed on may have changed; never reuse it.
    if (spare === undefined || !isUntouched(spare)) {
      spare = (this.nfas[r] as CompiledNFA).createState();
      this.spares[r] = spare;
    }
    return spare;
  }

  private storeState(ctx: KeyContext, r: number, state: KeyedNFAState, now: number): void {
    // Flink's `updateNFA` resets the flag with the state it stores.
    state.newStartPartialMatch = false;
    if (state === this.spares[r]) {
      // Untouched (`stateChanged` is set by any change), it is still a fresh state: the key
      // holds nothing and the spare serves the next key.
      if (isUntouched(state)) return;
      this.spares[r] = undefined;
    }
    const kept = !(this.nfas[r] as CompiledNFA).isEmpty(state);
    ctx.setState(r, kept ? state : undefined);
    if (this.ttl !== null && kept && state.stateChanged) {
      // Flink's `updateNFA` writes only a changed state and resets the flag; under
      // OnCreateAndWrite that write is what refreshes the TTL timestamp.
      state.stateChanged = false;
      (ctx.writeTimes ??= [])[r] = now;
    }
  }

  private expireStates(ctx: KeyContext, now: number): void {
    expireStates(ctx, this.nfas.length, this.ttl as number, now, this.onStateExpired);
  }

  /** Keeps a cleanup timer on a key with state, so an idle key is cleaned when its TTL passes. */
  private scheduleCleanup(ctx: KeyContext, now: number): void {
    const at = nextCleanup(ctx, this.nfas.length, this.ttl as number, now);
    if (at === null) return;
    ctx.ttlTimerAt = at;
    this.timers.register(ctx, at, this.ttlLane);
  }

  private dropIfEmpty(ctx: KeyContext): void {
    if (!ctx.isEmpty || ctx.hasState) return;
    ctx.dropped = true;
    this.keys.delete(ctx.key);
  }
}

/**
 * Whether an NFA call left `state` as it was created: the engine's NFA sets `stateChanged` on
 * any change. A state whose NFA does not keep that flag is never taken for untouched.
 */
function isUntouched(state: KeyedNFAState): boolean {
  return Object.is(state.stateChanged, false);
}
