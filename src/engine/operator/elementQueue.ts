/**
 * One key's buffer of elements waiting for the watermark: Flink CepOperator's
 * `MapState<Long, List<IN>> elementQueueState` plus the sorted view `getSortedTimestamps()`
 * builds from it. Elements are kept in (timestamp, arrival) order, so equal timestamps keep
 * their arrival order.
 *
 * Every element of a key passes through here, and with a watermark after each event a key
 * nearly always holds a single element: so the first element lives in two fields of the queue
 * itself and only the rest go to (lazily created) arrays. The operator's per-key context extends
 * this class, which makes buffering an element in order allocation-free.
 */
import type { EventRecord } from "../api.ts";

/** Buffered elements in ascending timestamp order (arrival order within a timestamp). */
export class ElementQueue {
  private headTime = 0;
  /** The first element; null when the queue is empty. */
  private headEvent: EventRecord | null = null;
  /** Elements after the first, in order; null until a second element is buffered. */
  private tailTimes: number[] | null = null;
  private tailEvents: EventRecord[] | null = null;

  /** Buffers `event` at `timestamp`; true when this timestamp had nothing buffered (Flink registers a timer then). */
  add(timestamp: number, event: EventRecord): boolean {
    if (this.headEvent === null) {
      this.headTime = timestamp;
      this.headEvent = event;
      return true;
    }
    const times = (this.tailTimes ??= []);
    const events = (this.tailEvents ??= []);
    const n = times.length;
    const last = n === 0 ? this.headTime : (times[n - 1] as number);
    if (timestamp >= last) {
      // In order: the common case.
      times.push(timestamp);
      events.push(event);
      return timestamp !== last;
    }
    if (timestamp < this.headTime) {
      times.unshift(this.headTime);
      events.unshift(this.headEvent);
      this.headTime = timestamp;
      this.headEvent = event;
      return true;
    }
    // headTime ≤ timestamp < last: after every tail element at or before `timestamp`.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[mid] as number) <= timestamp) lo = mid + 1;
      else hi = mid;
    }
    const fresh = lo === 0 ? timestamp !== this.headTime : times[lo - 1] !== timestamp;
    times.splice(lo, 0, timestamp);
    events.splice(lo, 0, event);
    return fresh;
  }

  /** How many leading elements have a timestamp ≤ `limit`. */
  countUpTo(limit: number): number {
    if (this.headEvent === null || this.headTime > limit) return 0;
    const times = this.tailTimes;
    if (times === null) return 1;
    let n = 0;
    while (n < times.length && (times[n] as number) <= limit) n++;
    return n + 1;
  }

  /** The timestamp of the `i`-th buffered element (0 = first); `i` must be < `size`. */
  timeAt(i: number): number {
    return i === 0 ? this.headTime : ((this.tailTimes as number[])[i - 1] as number);
  }

  /** The `i`-th buffered element (0 = first); `i` must be < `size`. */
  eventAt(i: number): EventRecord {
    return i === 0
      ? (this.headEvent as EventRecord)
      : ((this.tailEvents as EventRecord[])[i - 1] as EventRecord);
  }

  /** Removes the first `n` elements. */
  dropFirst(n: number): void {
    if (n <= 0) return;
    const times = this.tailTimes;
    const events = this.tailEvents;
    if (times === null || events === null || n > times.length) {
      // Everything goes: release the arrays too, so an idle key holds no buffer.
      this.headEvent = null;
      this.tailTimes = null;
      this.tailEvents = null;
      return;
    }
    this.headTime = times[n - 1] as number;
    this.headEvent = events[n - 1] as EventRecord;
    times.splice(0, n);
    events.splice(0, n);
  }

  /** The smallest buffered timestamp, or undefined when empty. */
  get firstTimestamp(): number | undefined {
    return this.headEvent === null ? undefined : this.headTime;
  }

  /** Number of buffered elements (Flink's `getPQSize`). */
  get size(): number {
    return this.headEvent === null ? 0 : 1 + (this.tailTimes?.length ?? 0);
  }

  get isEmpty(): boolean {
    return this.headEvent === null;
  }
}
