/**
 * Rows of a long list fetched from the worker by range, a page at a time, for a virtualised
 * table: which pages the visible rows need, and the rows already fetched. A full page never
 * changes (outputs are appended in order), so it is kept; the last, partly filled page is
 * fetched again when the list grows. Pure.
 */
export class PageCache<T> {
  private readonly pages = new Map<number, readonly T[]>();
  /** Pages asked for and not answered yet. */
  private readonly inFlight = new Set<number>();
  /** The pages of the cache this one replaces, shown until fresh ones arrive (no flicker). */
  private readonly stale: ReadonlyMap<number, readonly T[]>;

  constructor(
    readonly pageSize: number,
    replaces?: PageCache<T>,
  ) {
    this.stale = replaces === undefined || replaces.pageSize !== pageSize ? new Map() : replaces.pages;
  }

  /** The row at `index` (possibly from the replaced cache), or undefined while its page has not arrived. */
  get(index: number): T | undefined {
    const page = Math.floor(index / this.pageSize);
    const rows = this.pages.get(page) ?? this.stale.get(page);
    return rows?.[index % this.pageSize];
  }

  /**
   * The pages to fetch so that rows `first` … `last` (inclusive) of a list of `total` rows can
   * be shown; marks them in flight.
   */
  missing(first: number, last: number, total: number): number[] {
    if (total <= 0 || last < first) return [];
    const from = Math.max(0, Math.floor(first / this.pageSize));
    const to = Math.floor(Math.min(last, total - 1) / this.pageSize);
    const wanted: number[] = [];
    for (let page = from; page <= to; page++) {
      if (this.inFlight.has(page)) continue;
      const rows = this.pages.get(page);
      const expected = Math.min(this.pageSize, total - page * this.pageSize);
      if (rows !== undefined && rows.length >= expected) continue;
      wanted.push(page);
      this.inFlight.add(page);
    }
    return wanted;
  }

  /** Stores an answered page. */
  put(page: number, rows: readonly T[]): void {
    this.inFlight.delete(page);
    this.pages.set(page, rows);
  }

  /** Forgets a page whose request failed, so it is asked for again. */
  fail(page: number): void {
    this.inFlight.delete(page);
  }

  /** Forgets everything (the list's earlier rows may have changed). */
  clear(): void {
    this.pages.clear();
    this.inFlight.clear();
  }
}
