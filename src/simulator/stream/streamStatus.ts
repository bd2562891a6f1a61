import type { InputEventRow } from "../../runtime/session/index.ts";

/**
 * Where an event is in the job: not read yet; skipped by the source (no key, no readable time,
 * …); read but buffered by the CEP operator until the watermark passes it (event time);
 * processed by the NFA; or late (behind the watermark on arrival).
 */
export type StreamStatus = "not read" | "skipped" | "buffered" | "processed" | "late";

/** The status of an input event, given the run's position (events read) and its watermark. */
export function streamStatus(
  row: Pick<InputEventRow, "late" | "skipped" | "index" | "timestamp">,
  processed: number,
  watermark: number | null,
): StreamStatus {
  if (row.late) return "late";
  if (row.skipped) return "skipped";
  if (row.index >= processed) return "not read";
  if (row.timestamp !== null && (watermark === null || row.timestamp > watermark)) return "buffered";
  return "processed";
}
