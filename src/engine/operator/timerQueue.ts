/**
 * Event-time (and processing-time) timers across keys, as Flink's `InternalTimerService` keeps
 * them: fired in timestamp order when the watermark passes them. Ties between keys go to the key
 * seen first, so runs are repeatable (Flink's heap leaves that order unspecified).
 *
 * Why lanes: the operator sets timers at "element timestamp" and at "timestamp + window d" for a
 * few fixed `d`. In event time those arrive almost always in ascending order *per kind*, so each
 * kind gets a lane — a FIFO that only accepts timers not earlier than its last one — and only the
 * stragglers (out-of-order elements) go to a binary heap. Polling takes the smallest of the lane
 * heads and the heap top. Timers are kept in parallel arrays, so registering allocates nothing.
 *
 * Deletion is lazy (a dropped key's timers stay until they fire and are skipped by the operator),
 * and a timer equal to the owner's previous one is not registered twice; any other duplicate is
 * harmless because the operator visits a key at most once per watermark.
 */

/** Something timers belong to: a key's context, with its first-seen sequence number. */
export interface TimerOwner {
  readonly seq: number;
  /** The time of the owner's most recent timer (cheap de-duplication); NaN before the first. */
  lastTimer: number;
}

/** A FIFO of timers in ascending (time, owner.seq) order. */
class Lane<T extends TimerOwner> {
  times: number[] = [];
  owners: T[] = [];
  head = 0;

  /** Whether `(time, owner)` is not earlier than the last timer of the lane. */
  accepts(time: number, owner: T): boolean {
    const n = this.times.length;
    if (n === this.head) return true;
    const last = this.times[n - 1] as number;
    return time > last || (time === last && owner.seq >= (this.owners[n - 1] as T).seq);
  }

  push(time: number, owner: T): void {
    this.times.push(time);
    this.owners.push(owner);
  }

  shift(): void {
    this.head++;
    const head = this.head;
    if (head === this.times.length) {
      this.times.length = 0;
      this.owners.length = 0;
      this.head = 0;
    } else if (head >= 1024 && head * 2 >= this.times.length) {
      // Compact now and then, so the arrays do not grow without bound.
      this.times.splice(0, head);
      this.owners.splice(0, head);
      this.head = 0;
    }
  }

  get size(): number {
    return this.times.length - this.head;
  }
}

/** Timers ordered by (time, owner.seq). */
export class TimerQueue<T extends TimerOwner> {
  private readonly lanes: Array<Lane<T>>;
  /** Min-heap for timers that arrived out of order, as parallel arrays. */
  private readonly heapTimes: number[] = [];
  private readonly heapOwners: T[] = [];

  /** `laneCount`: how many kinds of timers tend to arrive in order (at least one). */
  constructor(laneCount = 1) {
    this.lanes = Array.from({ length: Math.max(1, laneCount) }, () => new Lane<T>());
  }

  /** Registers a timer of kind `lane` (0 … laneCount − 1). */
  register(owner: T, time: number, lane = 0): void {
    if (owner.lastTimer === time) return;
    owner.lastTimer = time;
    const fifo = this.lanes[lane];
    if (fifo === undefined) throw new RangeError(`no timer lane ${lane}`);
    if (fifo.accepts(time, owner)) fifo.push(time, owner);
    else this.heapPush(time, owner);
  }

  /** Removes and returns the earliest timer's owner if that timer is at or before `limit`. */
  pollUpTo(limit: number): T | undefined {
    // The earliest of the lane heads and the heap top (best === null: the heap).
    let best: Lane<T> | null = null;
    let bestTime = this.heapTimes.length > 0 ? (this.heapTimes[0] as number) : Number.POSITIVE_INFINITY;
    let bestSeq = this.heapTimes.length > 0 ? (this.heapOwners[0] as T).seq : 0;
    const lanes = this.lanes;
    for (let l = 0; l < lanes.length; l++) {
      const lane = lanes[l] as Lane<T>;
      if (lane.head === lane.times.length) continue;
      const time = lane.times[lane.head] as number;
      if (time < bestTime || (time === bestTime && (lane.owners[lane.head] as T).seq < bestSeq)) {
        best = lane;
        bestTime = time;
        bestSeq = (lane.owners[lane.head] as T).seq;
      }
    }
    if (!(bestTime <= limit) || (best === null && this.heapTimes.length === 0)) return undefined;
    let owner: T;
    if (best !== null) {
      owner = best.owners[best.head] as T;
      best.shift();
    } else {
      owner = this.heapPoll();
    }
    // A fired timer may be set again.
    if (owner.lastTimer === bestTime) owner.lastTimer = Number.NaN;
    return owner;
  }

  /**
   * Calls `visit` for every pending timer: lanes in order (each in firing order), then the
   * heap's timers (lane −1) in heap order. For snapshots; the queue is not changed.
   */
  forEachPending(visit: (owner: T, time: number, lane: number) => void): void {
    this.lanes.forEach((lane, index) => {
      for (let i = lane.head; i < lane.times.length; i++)
        visit(lane.owners[i] as T, lane.times[i] as number, index);
    });
    for (let i = 0; i < this.heapTimes.length; i++)
      visit(this.heapOwners[i] as T, this.heapTimes[i] as number, -1);
  }

  /**
   * Puts back a timer `forEachPending` reported, without the de-duplication of `register` (the
   * owner's `lastTimer` is restored separately). Firing order only depends on (time, owner.seq),
   * so the rebuilt queue fires exactly as the original would.
   */
  restore(owner: T, time: number, lane: number): void {
    const fifo = lane < 0 ? undefined : this.lanes[lane];
    if (fifo?.accepts(time, owner) === true) fifo.push(time, owner);
    else this.heapPush(time, owner);
  }

  /** Number of registered timers (Flink's `numEventTimeTimers`, a superset of it). */
  get size(): number {
    let size = this.heapTimes.length;
    for (const lane of this.lanes) size += lane.size;
    return size;
  }

  private heapPush(time: number, owner: T): void {
    const times = this.heapTimes;
    const owners = this.heapOwners;
    let k = times.length;
    times.push(time);
    owners.push(owner);
    while (k > 0) {
      const parent = (k - 1) >>> 1;
      const pt = times[parent] as number;
      const po = owners[parent] as T;
      if (time > pt || (time === pt && owner.seq >= po.seq)) break;
      times[k] = pt;
      owners[k] = po;
      k = parent;
    }
    times[k] = time;
    owners[k] = owner;
  }

  private heapPoll(): T {
    const times = this.heapTimes;
    const owners = this.heapOwners;
    const head = owners[0] as T;
    const lastTime = times.pop() as number;
    const lastOwner = owners.pop() as T;
    const n = times.length;
    if (n > 0) {
      let k = 0;
      const half = n >>> 1;
      while (k < half) {
        let child = 2 * k + 1;
        const right = child + 1;
        if (
          right < n &&
          earlier(times[right] as number, owners[right] as T, times[child] as number, owners[child] as T)
        )
          child = right;
        const ct = times[child] as number;
        const co = owners[child] as T;
        if (!earlier(ct, co, lastTime, lastOwner)) break;
        times[k] = ct;
        owners[k] = co;
        k = child;
      }
      times[k] = lastTime;
      owners[k] = lastOwner;
    }
    return head;
  }
}

function earlier<T extends TimerOwner>(ta: number, a: T, tb: number, b: T): boolean {
  return ta < tb || (ta === tb && a.seq < b.seq);
}
