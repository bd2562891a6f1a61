/**
 * The run bar's one line about input rows: how many the source skipped (bad rows) and how many
 * were read with a warning (a duplicate JSON key, the last value used). One note for both keeps
 * the dock's height for the tables; the Data tab lists the rows by `file:line`. Pure.
 */
import { plural } from "../format/timeText.ts";

const SEE = " — see the Data tab for their lines.";

/** The note for `skipped` and `warned` rows, or null when there are none. */
export function inputRowsNote(skipped: number, warned: number): string | null {
  const read = "read with a warning";
  if (skipped === 0 && warned === 0) return null;
  if (warned === 0) return `${plural(skipped, "row was", "rows were")} skipped${SEE}`;
  if (skipped === 0) return `${plural(warned, "row was", "rows were")} ${read}${SEE}`;
  return `${plural(skipped, "row was", "rows were")} skipped and ${plural(warned, "was", "were")} ${read}${SEE}`;
}
