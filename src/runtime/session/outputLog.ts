/**
 * A list that counts every record but keeps only the newest `capacity` of them, so a run of
 * millions of matches holds bounded memory. Older records are not lost for good: the session
 * reproduces any range by deterministic replay (see `RunSession.query`).
 */
export class OutputLog<T> {
  private readonly ring: (T | undefined)[];
  private total: number;
  /** Records before this position were counted before the log existed (a restored run). */
  private readonly base: number;

  /**
   * `count`: records already counted elsewhere (a run restored from a checkpoint), of which the
   * newest are `kept` (oldest first; those beyond the capacity are left out).
   */
  constructor(
    readonly capacity: number,
    count = 0,
    kept: readonly T[] = [],
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`an output log keeps at least one record (capacity ${capacity})`);
    }
    if (kept.length > count) throw new RangeError(`${kept.length} records kept of ${count} counted`);
    this.ring = new Array<T | undefined>(capacity);
    const seeded = kept.slice(Math.max(0, kept.length - capacity));
    this.total = count - seeded.length;
    this.base = this.total;
    for (const record of seeded) this.add(record);
  }

  /** Every record ever added. */
  get count(): number {
    return this.total;
  }

  /** The 0-based position of the oldest record still kept. */
  get firstKept(): number {
    return Math.max(this.base, this.total - this.capacity);
  }

  /** Adds a record; its position is the count before adding. */
  add(record: T): void {
    this.ring[this.total % this.capacity] = record;
    this.total++;
  }

  /** The newest `n` records, oldest first. */
  newest(n: number): T[] {
    const from = Math.max(this.firstKept, this.total - n);
    return this.range(from, this.total - from) ?? [];
  }

  /**
   * Records `from` … `from + count − 1` (clipped to what exists), or null when part of that
   * range is no longer kept.
   */
  range(from: number, count: number): T[] | null {
    const start = Math.max(0, from);
    const end = Math.min(this.total, from + Math.max(0, count));
    if (start >= end) return [];
    if (start < this.firstKept) return null;
    const out: T[] = [];
    for (let i = start; i < end; i++) out.push(this.ring[i % this.capacity] as T);
    return out;
  }
}
