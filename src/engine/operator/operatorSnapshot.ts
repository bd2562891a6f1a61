/**
 * Snapshot and restore of the keyed CEP operator — what Flink's `CepOperator` writes to a
 * checkpoint through its keyed state (`computationStates` (NFAState), the `SharedBuffer`'s
 * maps, `elementQueueState`) and its timer service, plus the operator-level scalars Flink keeps
 * in the task (watermark, processing time, `numLateRecordsDropped`).
 *
 * The snapshot is plain data: `structuredClone` (and so `postMessage`) carries it, and keeps the
 * object graph intact — runs point at shared-buffer nodes by reference and an event object may
 * sit both in a buffer and in a queue, which JSON would break apart. Compiled NFAs are not in it:
 * the restorer passes the same rules again, in the same order.
 *
 * What makes a restored operator continue *identically*: keys keep their first-seen sequence
 * numbers (timer ties and output order depend on them) and the next one to hand out; timers are
 * kept with their owners and lanes; each key's element queue keeps (timestamp, arrival) order.
 * Dropped keys' timers are left out: the operator would skip them anyway.
 */
import type { EventRecord } from "../api.ts";
import type { KeyedNFAState } from "../nfaState.ts";
import { KeyContext } from "./keyContext.ts";
import type { OperatorKey } from "./operatorTypes.ts";
import type { TimerQueue } from "./timerQueue.ts";

/** One key's state in a snapshot. */
export interface KeySnapshot {
  readonly key: OperatorKey;
  readonly seq: number;
  readonly lastTimer: number;
  /** Buffered elements in queue order: timestamps and events side by side. */
  readonly times: readonly number[];
  readonly events: readonly EventRecord[];
  /** NFA state per rule; null where the rule holds nothing for this key. */
  readonly states: ReadonlyArray<KeyedNFAState | null>;
  /** State TTL: last write time per rule (null: TTL off or never written). */
  readonly writeTimes: readonly number[] | null;
  readonly ttlTimerAt: number;
  /** Processing time: when the key's pending `onProcessingTime` timers are due (null: none). */
  readonly visitTimes: readonly number[] | null;
}

/** A `CepOperator` snapshot (`CepOperator.snapshotState()`). */
export interface CepOperatorSnapshot {
  readonly format: "cep-operator/1";
  /** How many rules the operator ran; a restore must pass as many, in the same order. */
  readonly ruleCount: number;
  readonly watermark: number;
  readonly processingTime: number;
  readonly lateRecords: number;
  /** The next first-seen sequence number. */
  readonly nextSeq: number;
  /** Live keys in the operator's map order. */
  readonly keys: readonly KeySnapshot[];
  /** Pending timers: owner (index into `keys`), time and lane (−1: the out-of-order heap). */
  readonly timers: {
    readonly owners: readonly number[];
    readonly times: readonly number[];
    readonly lanes: readonly number[];
  };
}

/** What the operator shows the snapshot code: its scalars, keys and timers. */
export interface OperatorInternals {
  readonly ruleCount: number;
  readonly watermark: number;
  readonly processingTime: number;
  readonly lateRecords: number;
  readonly nextSeq: number;
  readonly keys: Iterable<KeyContext>;
  readonly timers: TimerQueue<KeyContext>;
}

/**
 * The operator's state, sharing the live objects (NFA states, events): the caller copies it
 * (`structuredClone`) before the operator moves on — once for a whole job, so identities shared
 * across operators survive the copy too.
 */
export function captureOperator(op: OperatorInternals): CepOperatorSnapshot {
  const keys: KeySnapshot[] = [];
  const index = new Map<KeyContext, number>();
  for (const ctx of op.keys) {
    index.set(ctx, keys.length);
    keys.push(captureKey(ctx, op.ruleCount));
  }
  const owners: number[] = [];
  const times: number[] = [];
  const lanes: number[] = [];
  op.timers.forEachPending((ctx, time, lane) => {
    const owner = index.get(ctx);
    // A dropped key's timer: skipped when it fires, so it is left out.
    if (owner === undefined) return;
    owners.push(owner);
    times.push(time);
    lanes.push(lane);
  });
  return {
    format: "cep-operator/1",
    ruleCount: op.ruleCount,
    watermark: op.watermark,
    processingTime: op.processingTime,
    lateRecords: op.lateRecords,
    nextSeq: op.nextSeq,
    keys,
    timers: { owners, times, lanes },
  };
}

function captureKey(ctx: KeyContext, ruleCount: number): KeySnapshot {
  const times: number[] = [];
  const events: EventRecord[] = [];
  for (let i = 0; i < ctx.size; i++) {
    times.push(ctx.timeAt(i));
    events.push(ctx.eventAt(i));
  }
  const states: Array<KeyedNFAState | null> = [];
  for (let r = 0; r < ruleCount; r++) states.push(ctx.stateOf(r) ?? null);
  return {
    key: ctx.key,
    seq: ctx.seq,
    lastTimer: ctx.lastTimer,
    times,
    events,
    states,
    writeTimes: ctx.writeTimes === null ? null : ctx.writeTimes.slice(),
    ttlTimerAt: ctx.ttlTimerAt,
    visitTimes: ctx.visitTimes === null ? null : ctx.visitTimes.slice(),
  };
}

/**
 * Rebuilds the keys of `snapshot` and puts their timers into `timers` (a fresh queue with the
 * operator's lanes). The snapshot's objects are taken over, not copied: restore from a copy.
 * @throws RangeError when the snapshot was taken with a different number of rules.
 */
export function restoreKeys(
  snapshot: CepOperatorSnapshot,
  ruleCount: number,
  timers: TimerQueue<KeyContext>,
): Map<OperatorKey, KeyContext> {
  // Snapshots come from elsewhere (a worker, storage): check what the types cannot.
  const format: string = snapshot.format;
  if (format !== "cep-operator/1") {
    throw new RangeError(`not a CepOperator snapshot (format ${JSON.stringify(format)})`);
  }
  if (snapshot.ruleCount !== ruleCount) {
    throw new RangeError(
      `the snapshot holds state for ${snapshot.ruleCount} rules, the operator runs ${ruleCount}: restore with the same rules`,
    );
  }
  const contexts: KeyContext[] = [];
  const keys = new Map<OperatorKey, KeyContext>();
  for (const saved of snapshot.keys) {
    const ctx = new KeyContext(saved.key, saved.seq);
    // In (timestamp, arrival) order already, so every add appends.
    saved.events.forEach((event, i) => ctx.add(saved.times[i] as number, event));
    saved.states.forEach((state, r) => {
      if (state !== null) ctx.setState(r, state);
    });
    ctx.writeTimes = saved.writeTimes === null ? null : saved.writeTimes.slice();
    ctx.ttlTimerAt = saved.ttlTimerAt;
    ctx.visitTimes = saved.visitTimes === null ? null : saved.visitTimes.slice();
    contexts.push(ctx);
    keys.set(ctx.key, ctx);
  }
  const { owners, times, lanes } = snapshot.timers;
  owners.forEach((owner, i) => {
    const ctx = contexts[owner];
    if (ctx === undefined) throw new RangeError(`snapshot timer ${i} names no key (${owner})`);
    timers.restore(ctx, times[i] as number, lanes[i] as number);
  });
  // After the timers, whose restore must not touch the owners' de-duplication marks.
  snapshot.keys.forEach((saved, i) => {
    (contexts[i] as KeyContext).lastTimer = saved.lastTimer;
  });
  return keys;
}
