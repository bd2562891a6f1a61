/**
 * One key's state inside Flink's `CepOperator` (flink-cep `operator/CepOperator.java`): its element
 * buffer (`elementQueueState`, the class it extends), its NFA state per rule (`computationStates`)
 * and the operator's bookkeeping for it. Kept apart from the operator so the snapshot code
 * (`operatorSnapshot.ts`) can read and rebuild it without widening the operator's API.
 */
import type { KeyedNFAState } from "../nfaState.ts";
import { ElementQueue } from "./elementQueue.ts";
import type { OperatorKey } from "./operatorTypes.ts";

/** A key's operator state; a key exists while it holds buffered elements or NFA state. */
export class KeyContext extends ElementQueue {
  /** The time of this key's latest timer (see `TimerQueue`). */
  lastTimer = Number.NaN;
  /** NFA state of rule 0; undefined while the rule holds nothing for this key. */
  state: KeyedNFAState | undefined = undefined;
  /** NFA states of rules 1 …, only when there are several rules. */
  moreStates: Array<KeyedNFAState | undefined> | null = null;
  /** The watermark round that last visited this key (a key runs once per round). */
  visitedRound = 0;
  dropped = false;
  /**
   * State TTL only: per rule, when its NFA state was last written (Flink's `TtlValue`
   * timestamp under `OnCreateAndWrite`); null while TTL is off or nothing was written.
   */
  writeTimes: number[] | null = null;
  /** State TTL only: the pending cleanup timer of this key (NaN: none). */
  ttlTimerAt = Number.NaN;
  /**
   * Processing time only: when this key's pending `onProcessingTime` timers (window and
   * buffered-element ones) are due, so a visit its TTL cleanup timer alone causes only expires
   * state, as Flink's TTL cleanup (no operator timer) would; null when none is pending.
   */
  visitTimes: number[] | null = null;

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

  /**
   * Processing time: forgets the `onProcessingTime` timers due by `now`; true when there was
   * one (the visit is Flink's `onProcessingTime`, not only a TTL cleanup).
   */
  takeDueVisits(now: number): boolean {
    const times = this.visitTimes;
    if (times === null) return false;
    const pending = times.filter((t) => t > now);
    this.visitTimes = pending.length > 0 ? pending : null;
    return pending.length < times.length;
  }

  /** Whether some rule holds state for this key. */
  get hasState(): boolean {
    return this.state !== undefined || (this.moreStates?.some((s) => s !== undefined) ?? false);
  }
}
