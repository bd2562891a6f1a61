/**
 * Problems shown in a code editor, as plain data (pure: no Monaco), and how much of a line a
 * problem that only knows where a value starts should underline.
 */

/** A problem at a 1-based position; without an end it underlines the token that starts there. */
export interface EditorMarker {
  readonly severity: "error" | "warning" | "info";
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message: string;
}

/**
 * The exclusive end column of the JSON token starting at `column` of `lineText`: a whole
 * string (escapes included), a number or keyword, or one character for a bracket.
 */
export function jsonTokenEnd(lineText: string, column: number): number {
  const start = column - 1;
  const first = lineText.charAt(start);
  if (first === "") return column + 1;
  if (first === '"') {
    for (let i = start + 1; i < lineText.length; i++) {
      const c = lineText.charAt(i);
      if (c === "\\") i++;
      else if (c === '"') return i + 2;
    }
    return lineText.length + 1;
  }
  if ("{}[],:".includes(first)) return column + 1;
  let end = start;
  while (end < lineText.length && !/[\s,{}[\]:]/.test(lineText.charAt(end))) end++;
  return Math.max(end, start + 1) + 1;
}
