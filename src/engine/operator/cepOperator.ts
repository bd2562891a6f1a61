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
 * fires. After a key processed an element and kept state, timers at `ts + window + 1` fire
 * `onProcessingTime` once the clock passes them, which processes the key's buffer and calls
 * `advanceTime(now)`, so partial matches time out even if the key sees no further element.
 * Nothing fires at the end of input: a finishing Flink task quiesces processing-time timers.
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
import { ElementQueue } from "./elementQueue.ts";
import { TimerQueue } from "./timerQueue.ts";

/** The key an element belongs to (`keyBy`); null runs everything under one key. */
export type OperatorKey = string | null;

/** One rule the operator runs: its compiled NFA and the window lengths its timers need. */
export interface OperatorRule {
  readonly nfa: CompiledNFA;
  /** Window lengths in ms (`timerDelaysOf(pattern)`); defaults to `[nfa.windowTime]`. */
  readonly timerDelays?: readonly number[];
}

/** Flink's `EventComparator`: secondary order for elements with equal timestamps. */
export type EventComparator = (a: EventRecord, b: EventRecord) => number;

/** What the operator emits. `rule` indexes `CepOperatorOptions.rules`. */
export type OperatorOutput =
  | {
      readonly type: "match";
      readonly rule: number;
      readonly key: OperatorKey;
      readonly match: Match;
      /** The timestamp Flink gives the output record (the element's, or the advanceTime's). */
      readonly timestamp: number;
    }
  | {
      readonly type: "timeout";
      readonly rule: number;
      readonly key: OperatorKey;
      readonly match: Match;
      /** When the partial match timed out (`first + window` or `previous + window`). */
      readonly timestamp: number;
    }
  | {
      readonly type: "late";
      readonly key: OperatorKey;
      readonly event: EventRecord;
      readonly timestamp: number;
    };

export interface CepOperatorOptions {
  readonly rules: readonly OperatorRule[];
  readonly timeCharacteristic: "eventTime" | "processingTime";
  readonly comparator?: EventComparator;
  /** Receives every output, in emission order. */
  readonly output: (record: OperatorOutput) => void;
}

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

/**
 * One key's operator state: its element buffer (the class it extends), its NFA state per rule
 * and its bookkeeping. A key exists while it holds buffered elements or NFA state.
 */
class KeyContext extends ElementQueue {
  /** The time of this key's latest timer (see {@link TimerQueue}). */
  lastTimer = Number.NaN;
  /** NFA state of rule 0; undefined while the rule holds nothing for this key. */
  state: KeyedNFAState | undefined = undefined;
  /** NFA states of rules 1 …, only when there are several rules. */
  moreStates: Array<KeyedNFAState | undefined> | null = null;
  /** The watermark round that last visited this key (a key runs once per round). */
  visitedRound = 0;
  dropped = false;

  constructor(
    readonly key: OperatorKey,
    /** First-seen order; breaks ties between keys. */
    readonly seq: number,
  ) {
    super();
  }

  stateOf(r: number): KeyedNFAState | undefined {
    return r === 0 ? this.state : this.moreStates?.[r - 1];
  }

  setState(r: number, state: KeyedNFAState | undefined): void {
    if (r === 0) this.state = state;
    else if (this.moreStates !== null || state !== undefined) (this.moreStates ??= [])[r - 1] = state;
  }

  /** Whether some rule holds state for this key. */
  get hasState(): boolean {
    return this.state !== undefined || (this.moreStates?.some((s) => s !== undefined) ?? false);
  }
}

/** A keyed CEP operator over one or more rules. Not thread-safe; feed it from one place. */
export class CepOperator {
  private readonly nfas: readonly CompiledNFA[];
  private readonly delays: ReadonlyArray<readonly number[]>;
  /** Timer lane of each rule's delays (lane 0 holds the element timers). */
  private readonly delayLanes: ReadonlyArray<readonly number[]>;
  private readonly isProcessingTime: boolean;
  private readonly comparator: EventComparator | undefined;
  private readonly output: (record: OperatorOutput) => void;
  private readonly keys = new Map<OperatorKey, KeyContext>();
  /** Per rule, a fresh NFA state no key holds yet (see `stateOf`). */
  private readonly spares: Array<KeyedNFAState | undefined> = [];
  private readonly timers: TimerQueue<KeyContext>;
  private nextSeq = 0;
  private round = 0;
  private watermark = Number.NEGATIVE_INFINITY;
  private processingTime = 0;
  private lateRecords = 0;

  constructor(options: CepOperatorOptions) {
    this.nfas = options.rules.map((rule) => rule.nfa);
    this.delays = options.rules.map(
      (rule) =>
        rule.timerDelays ??
        (rule.nfa.windowTime !== null && rule.nfa.windowTime > 0 ? [rule.nfa.windowTime] : []),
    );
    // Timers "timestamp + d" arrive in order per d, so each distinct d gets its own lane.
    const lanes = new Map<number, number>();
    this.delayLanes = this.delays.map((delays) =>
      delays.map((d) => {
        let lane = lanes.get(d);
        if (lane === undefined) lanes.set(d, (lane = lanes.size + 1));
        return lane;
      }),
    );
    this.timers = new TimerQueue(lanes.size + 1);
    this.isProcessingTime = options.timeCharacteristic === "processingTime";
    this.comparator = options.comparator;
    this.output = options.output;
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
        if (ctx.add(now, event)) this.timers.register(ctx, now + 1);
        return;
      }
      // There can be no out-of-order elements in processing time.
      for (let r = 0; r < this.nfas.length; r++) {
        const state = this.stateOf(ctx, r);
        this.advanceTime(ctx, r, state, now);
        this.processEvent(ctx, r, state, event, now);
        this.registerDeadlines(ctx, r, state, now, now);
        this.storeState(ctx, r, state);
      }
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
      this.onTimer(ctx, watermark, watermark);
    }
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
      // Everything buffered, in (buffer time, comparator) order.
      this.onTimer(ctx, Number.POSITIVE_INFINITY, time);
    }
  }

  /** Whether `key` holds NFA state in any rule (Flink's `hasNonEmptySharedBuffer`). */
  hasNonEmptySharedBuffer(key: OperatorKey): boolean {
    const ctx = this.keys.get(key);
    if (ctx === undefined) return false;
    return this.nfas.some((nfa, r) => {
      const state = ctx.stateOf(r);
      return state !== undefined && !nfa.isEmpty(state);
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
      this.storeState(ctx, r, state);
    }
    ctx.dropFirst(due);
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
   * Timers where something of this key may become due (see the module comment): `ts + d` in
   * event time, `ts + d + 1` in processing time (Flink's processing-time timers sit 1 ms later).
   * An event-time deadline the watermark already passed is covered by STEP 3 of this visit.
   */
  private registerDeadlines(
    ctx: KeyContext,
    r: number,
    state: KeyedNFAState,
    timestamp: number,
    now: number,
  ): void {
    const delays = this.delays[r] as readonly number[];
    if (delays.length === 0 || (this.nfas[r] as CompiledNFA).isEmpty(state)) return;
    const lanes = this.delayLanes[r] as readonly number[];
    for (let i = 0; i < delays.length; i++) {
      const delay = delays[i] as number;
      if (this.isProcessingTime) this.timers.register(ctx, timestamp + delay + 1, lanes[i]);
      else if (timestamp + delay > now) this.timers.register(ctx, timestamp + delay, lanes[i]);
    }
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

  private storeState(ctx: KeyContext, r: number, state: KeyedNFAState): void {
    if (state === this.spares[r]) {
      // Untouched (`stateChanged` is set by any change), it is still a fresh state: the key
      // holds nothing and the spare serves the next key.
      if (isUntouched(state)) return;
      this.spares[r] = undefined;
    }
    ctx.setState(r, (this.nfas[r] as CompiledNFA).isEmpty(state) ? undefined : state);
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
