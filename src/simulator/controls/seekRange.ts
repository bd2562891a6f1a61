import type { RunPosition, RunSummary } from "../../runtime/session/index.ts";

/** The input items a seek can reach: every item read (events, watermark records, bad rows). */
export function seekableItems(summary: RunSummary): number {
  return Math.max(summary.position.items, summary.position.totalItems);
}

/**
 * How many events come before input item `position` — the run's event count once it seeks there,
 * so the slider speaks of events as the run does. The items read that are not events (watermark
 * records, bad rows) shift an event's item from its index by at most their number, so the answer
 * lies within that many of `position`; a binary search there asks `itemOf` (event `index`'s input
 * item, null past the last event read) about log2 of that many times, and never when every item
 * is an event.
 */
export async function eventsBefore(
  position: number,
  read: Pick<RunPosition, "totalEvents" | "totalItems">,
  itemOf: (index: number) => Promise<number | null>,
): Promise<number> {
  let low = Math.max(0, position - (read.totalItems - read.totalEvents));
  let high = Math.min(position, read.totalEvents);
  // Events below `low` lie before `position`, events from `high` on do not.
  while (low < high) {
    const mid = (low + high) >> 1;
    const item = await itemOf(mid);
    if (item === null || item >= position) high = mid;
    else low = mid + 1;
  }
  return low;
}
