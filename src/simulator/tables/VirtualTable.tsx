import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { PageCache } from "./pageCache.ts";
import "./VirtualTable.css";

/** Rows per request to the worker. */
const PAGE_SIZE = 200;
const ROW_HEIGHT = 26;
/** A page whose request failed (a restarted worker rejects what was pending) is asked for again after this. */
const RETRY_DELAY_MS = 250;

export interface Column<T> {
  readonly id: string;
  readonly header: string;
  /** A CSS grid track (`6rem`, `minmax(10rem, 1fr)`). */
  readonly width: string;
  readonly cell: (row: T, index: number) => ReactNode;
}

export interface VirtualTableProps<T> {
  readonly label: string;
  readonly testId: string;
  readonly columns: readonly Column<T>[];
  /** Rows in the list now. */
  readonly total: number;
  /** Changes when fetched rows may be stale (new run, seek, filter): the cache is dropped. */
  readonly epoch: string;
  readonly fetchRows: (from: number, count: number) => Promise<readonly T[]>;
  readonly selected?: number | null;
  readonly onSelect?: (row: T, index: number) => void;
  readonly rowClass?: (row: T, index: number) => string;
  /** Scrolls to this row when it changes (the stream's current position). */
  readonly scrollTo?: number | null;
  readonly empty: ReactNode;
}

/**
 * A table over a list of any length that lives in the worker: only the visible rows are
 * rendered (@tanstack/react-virtual) and fetched, a page at a time. Arrow keys move the
 * selection; Enter or a click selects.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { columns, total, epoch, fetchRows, selected = null, onSelect, rowClass, scrollTo = null } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [cached, setCached] = useState(() => ({ epoch, cache: new PageCache<T>(PAGE_SIZE) }));
  const [, setArrived] = useState(0);
  const [retries, setRetries] = useState(0);
  let cache = cached.cache;
  if (cached.epoch !== epoch) {
    const next = { epoch, cache: new PageCache<T>(PAGE_SIZE, cached.cache) };
    setCached(next);
    cache = next.cache;
  }
  // The virtualizer re-renders this component itself; nothing here relies on compiler memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    for (const page of cache.missing(first, last, total)) {
      fetchRows(page * PAGE_SIZE, PAGE_SIZE).then(
        (rows) => {
          cache.put(page, rows);
          // Always re-render: the rows may still be on screen after a scroll or a new total
          // re-ran this effect (which skipped the page while it was in flight).
          setArrived((n) => n + 1);
        },
        () => {
          cache.fail(page);
          // Nothing else may re-run this effect while the same rows stay on screen: ask again.
          setTimeout(() => {
            setRetries((n) => n + 1);
          }, RETRY_DELAY_MS);
        },
      );
    }
  }, [cache, first, last, total, fetchRows, retries]);

  useEffect(() => {
    if (scrollTo !== null && scrollTo >= 0 && scrollTo < total)
      virtualizer.scrollToIndex(scrollTo, { align: "auto" });
  }, [scrollTo, total, virtualizer]);

  const template = columns.map((c) => c.width).join(" ");
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (onSelect === undefined || total === 0) return;
    const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const index = Math.min(total - 1, Math.max(0, (selected ?? -1) + step));
    const row = cache.get(index);
    if (row !== undefined) onSelect(row, index);
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  return (
    <div
      className="sim-table"
      role="table"
      aria-label={props.label}
      // Row positions count the header row (ARIA's rows are the table's, not the body's). With no
      // rows every row is in the DOM, so the count is left to the browser.
      aria-rowcount={total === 0 ? undefined : total + 1}
      data-testid={props.testId}
    >
      <div className="sim-table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.id} role="columnheader" className="sim-table-cell">
            {c.header}
          </div>
        ))}
      </div>
      <div className="sim-table-body" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} role="rowgroup">
        {total === 0 ? (
          // A rowgroup holds rows only: the message is the one cell of the one row.
          <div role="row">
            <div role="cell" className="sim-table-empty">
              {props.empty}
            </div>
          </div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {items.map((item) => {
              const row = cache.get(item.index);
              const isSelected = item.index === selected;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  data-testid={`${props.testId}.row`}
                  className={`sim-table-row${isSelected ? " sim-selected" : ""}${row !== undefined && rowClass ? ` ${rowClass(row, item.index)}` : ""}`}
                  style={{
                    gridTemplateColumns: template,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                  onClick={() => {
                    if (row !== undefined) onSelect?.(row, item.index);
                  }}
                >
                  {row === undefined ? (
                    <div className="sim-table-cell sim-muted">…</div>
                  ) : (
                    columns.map((c) => (
                      <div key={c.id} role="cell" className="sim-table-cell">
                        {c.cell(row, item.index)}
                      </div>
                    ))
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
