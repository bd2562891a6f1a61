/**
 * Text for a table cell, cut to a length a cell can show: laying out one 9 MB cell (an event
 * field of that size) blocked the page for over a second, and nobody reads that much in a cell.
 */

/** The most characters a cell shows of a value. */
export const MAX_CELL_CHARS = 1000;

/** `text`, or its first {@link MAX_CELL_CHARS} characters and how many more there are. */
export function cellText(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  const rest = text.length - MAX_CELL_CHARS;
  return `${text.slice(0, MAX_CELL_CHARS)}… (${rest.toLocaleString("en-US")} more characters)`;
}
