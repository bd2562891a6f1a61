/**
 * Warnings about event rows that were still read (a JSON row with a duplicate key: Flink's
 * Jackson keeps the last value, and so does the run). The first {@link MAX_LISTED_ROW_WARNINGS}
 * go to stderr one a line, `warning: FILE:LINE: …`, as malformed rows are reported; the rest
 * are counted and summed up in one line at the end, so a file whose writer repeats a key in
 * every row cannot bury the rows that were skipped.
 */

/** How many row warnings are listed before the rest are only counted. */
export const MAX_LISTED_ROW_WARNINGS = 20;

/** Collects the row warnings of one events file. */
export class RowWarnings {
  private count = 0;

  constructor(
    private readonly file: string,
    private readonly report: (line: string) => void,
  ) {}

  /** A row's warning: listed while under the bound, else counted. */
  add(line: number, message: string): void {
    if (++this.count <= MAX_LISTED_ROW_WARNINGS) this.report(`warning: ${this.file}:${line}: ${message}`);
  }

  /** At the end of the input: one line for the warnings that were not listed, if any. */
  finish(): void {
    const more = this.count - MAX_LISTED_ROW_WARNINGS;
    if (more <= 0) return;
    this.report(
      `warning: ${this.file}: ${more} more row${more === 1 ? "" : "s"} read with a warning (not listed; ${this.count} in all)`,
    );
  }
}
