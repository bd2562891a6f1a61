/**
 * Event-time timers across keys, as Flink's `InternalTimerService` keeps them: at most one
 * timer per (key, timestamp), fired in timestamp order when the watermark passes them. Ties
 * between keys go to the key seen first, so runs are repeatable (Flink's heap leaves that order
 * unspecified).
 */

/** Something timers belong to: a key's context, with its first-seen sequence number. */
export interface TimerOwner {
  readonly seq: number;
  /** Timestamps this owner has a timer at (dedupes, as Flink does per key); created on first use. */
  timers: Set<number> | null;
}

interface Timer<T extends TimerOwner> {
  readonly time: number;
  readonly owner: T;
}

/** A min-heap of timers ordered by (time, owner.seq). */
export class TimerQueue<T extends TimerOwner> {
  private readonly heap: Array<Timer<T>> = [];

  /** Registers a timer; a second one at the same time for the same owner is ignored. */
  register(owner: T, time: number): void {
    owner.timers ??= new Set();
    if (owner.timers.has(time)) return;
    owner.timers.add(time);
    const heap = this.heap;
    const timer: Timer<T> = { time, owner };
    let k = heap.length;
    heap.push(timer);
    while (k > 0) {
      const parent = (k - 1) >>> 1;
      const p = heap[parent] as Timer<T>;
      if (compare(timer, p) >= 0) break;
      heap[k] = p;
      k = parent;
    }
    heap[k] = timer;
  }

  /** Removes and returns the earliest timer's owner if that timer is at or before `limit`. */
  pollUpTo(limit: number): T | undefined {
    const heap = this.heap;
    const head = heap[0];
    if (head === undefined || head.time > limit) return undefined;
    const last = heap.pop() as Timer<T>;
    if (heap.length > 0) {
      let k = 0;
      const half = heap.length >>> 1;
      while (k < half) {
        let child = 2 * k + 1;
        const right = child + 1;
        if (right < heap.length && compare(heap[right] as Timer<T>, heap[child] as Timer<T>) < 0)
          child = right;
        const c = heap[child] as Timer<T>;
        if (compare(last, c) <= 0) break;
        heap[k] = c;
        k = child;
      }
      heap[k] = last;
    }
    head.owner.timers?.delete(head.time);
    return head.owner;
  }

  /** Number of registered timers (Flink's `numEventTimeTimers`). */
  get size(): number {
    return this.heap.length;
  }
}

function compare<T extends TimerOwner>(a: Timer<T>, b: Timer<T>): number {
  return a.time - b.time || a.owner.seq - b.owner.seq;
}
