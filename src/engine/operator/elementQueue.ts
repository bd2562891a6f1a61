/**
 * One key's buffer of elements waiting for the watermark: Flink CepOperator's
 * `MapState<Long, List<IN>> elementQueueState` plus the sorted view `getSortedTimestamps()`
 * builds from it. Elements with equal timestamps keep their arrival order.
 *
 * Kept as two parallel arrays sorted by timestamp: a key rarely buffers more than a few
 * timestamps, events mostly arrive in order (appends), and a key's queue is created for every
 * element of a key without state, so it must be cheap.
 */
import type { EventRecord } from "../api.ts";

/** Buffered elements by timestamp, read back in ascending timestamp order. */
export class ElementQueue {
  private timestamps: number[] = [];
  private buckets: EventRecord[][] = [];
  private count = 0;

  /** Buffers `event` at `timestamp`; true when this timestamp had nothing buffered (Flink registers a timer then). */
  add(timestamp: number, event: EventRecord): boolean {
    this.count++;
    const { timestamps, buckets } = this;
    let lo = 0;
    let hi = timestamps.length;
    if (hi > 0 && (timestamps[hi - 1] as number) < timestamp) {
      lo = hi;
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((timestamps[mid] as number) < timestamp) lo = mid + 1;
        else hi = mid;
      }
      if (timestamps[lo] === timestamp) {
        (buckets[lo] as EventRecord[]).push(event);
        return false;
      }
    }
    timestamps.splice(lo, 0, timestamp);
    buckets.splice(lo, 0, [event]);
    return true;
  }

  /** Removes and returns the buckets with timestamp ≤ `limit`, in ascending order. */
  takeUpTo(limit: number): Array<readonly [number, EventRecord[]]> {
    let n = 0;
    while (n < this.timestamps.length && (this.timestamps[n] as number) <= limit) n++;
    if (n === 0) return [];
    const taken: Array<readonly [number, EventRecord[]]> = [];
    for (let i = 0; i < n; i++) {
      const bucket = this.buckets[i] as EventRecord[];
      this.count -= bucket.length;
      taken.push([this.timestamps[i] as number, bucket]);
    }
    this.timestamps = this.timestamps.slice(n);
    this.buckets = this.buckets.slice(n);
    return taken;
  }

  /** The smallest buffered timestamp, or undefined when empty. */
  get firstTimestamp(): number | undefined {
    return this.timestamps[0];
  }

  /** Number of buffered elements (Flink's `getPQSize`). */
  get size(): number {
    return this.count;
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }
}
