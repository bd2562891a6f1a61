/** How tall an expression box is: long expressions wrap onto up to four lines instead of scrolling sideways. */

/** Characters that fit on one line of the binding boxes at their usual width. */
const CHARS_PER_ROW = 90;

/** Rows for `text`: one per line, long lines counted as several, between 1 and 4. */
export function expressionRows(text: string): number {
  const rows = text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_ROW)), 0);
  return Math.min(4, rows);
}
