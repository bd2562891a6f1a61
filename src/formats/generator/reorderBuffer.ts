/**
 * Bounded out-of-orderness for a generated stream. Each event gets an arrival time
 * `timestamp + delay` (delay ≥ 0) and events leave in arrival order (ties: generation order).
 *
 * Why the bound holds: when an event with timestamp t and delay d ≤ D leaves, every event that
 * left before it arrived no later than t + d, and no event arrives before its own timestamp, so
 * the largest timestamp seen so far is ≤ t + D. Flink's bounded-out-of-orderness watermark
 * `maxTs − D − 1` is therefore < t: the event is never late. Delays beyond D (the optional late
 * events) break exactly that, on purpose.
 *
 * Lazy: an event is held only until the in-order stream passes its arrival time, so the buffer
 * holds about `rate × (D + late delay)` events, never the whole stream.
 */

interface Pending<T> {
  readonly arrival: number;
  readonly seq: number;
  readonly item: T;
}

/** A min-heap of events by (arrival, generation order). */
export class ReorderBuffer<T> {
  private readonly heap: Array<Pending<T>> = [];
  private seq = 0;

  /** Holds `item` until the stream reaches `arrival`. */
  push(item: T, arrival: number): void {
    const entry: Pending<T> = { arrival, seq: this.seq++, item };
    const heap = this.heap;
    let k = heap.length;
    heap.push(entry);
    while (k > 0) {
      const parent = (k - 1) >>> 1;
      const p = heap[parent] as Pending<T>;
      if (compare(entry, p) >= 0) break;
      heap[k] = p;
      k = parent;
    }
    heap[k] = entry;
  }

  /**
   * Removes and returns the earliest event if it arrived at or before `now` (every later push
   * arrives at `now` or after, and comes later in generation order, so releasing it is safe).
   */
  popUpTo(now: number): T | undefined {
    const head = this.heap[0];
    if (head === undefined || head.arrival > now) return undefined;
    this.removeHead();
    return head.item;
  }

  /** Number of events held. */
  get size(): number {
    return this.heap.length;
  }

  private removeHead(): void {
    const heap = this.heap;
    const last = heap.pop() as Pending<T>;
    if (heap.length === 0) return;
    let k = 0;
    const half = heap.length >>> 1;
    while (k < half) {
      let child = 2 * k + 1;
      const right = child + 1;
      if (right < heap.length && compare(heap[right] as Pending<T>, heap[child] as Pending<T>) < 0)
        child = right;
      const c = heap[child] as Pending<T>;
      if (compare(last, c) <= 0) break;
      heap[k] = c;
      k = child;
    }
    heap[k] = last;
  }
}

function compare<T>(a: Pending<T>, b: Pending<T>): number {
  return a.arrival - b.arrival || a.seq - b.seq;
}
