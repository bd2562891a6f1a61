import type { RunSummary } from "../../runtime/session/index.ts";

/** The input items a seek can reach: every item read (events, watermark records, bad rows). */
export function seekableItems(summary: RunSummary): number {
  return Math.max(summary.position.items, summary.position.totalItems);
}
