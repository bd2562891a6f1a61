/**
 * What a line and a column are, for every `line:column` CEP Studio reports about a text: JSON
 * rule and broadcast files, JSON arrays, JSON Lines and CSV events, and condition expressions.
 * Also what the line-based readers that cut records call a line.
 *
 * A line ends at LF, CRLF (one break) or a lone CR. That is how Flink's line-based file sources
 * (`BufferedReader.readLine`) and Jackson's CSV parser end a line, and how Monaco (the Source view,
 * the JSON and condition editors) and most editors number lines, so a problem in a file saved with
 * classic-Mac CRs, or in an expression holding a raw CR, is reported on the line the user sees it
 * on. Columns count UTF-16 code units from 1, as Monaco's do.
 *
 * A byte-order mark (U+FEFF) that starts the text takes no column: it is the encoding's signature,
 * not text, and editors (Monaco among them) hide it, so line 1's columns count from the character
 * after it. A U+FEFF anywhere else is a character like any other.
 *
 * The rule lives below every layer that reports positions (`src/expr` as much as `src/formats`)
 * and imports nothing. Text that arrives in chunks uses the same {@link LineBreakScanner} and
 * {@link startsWithByteOrderMark}; a CRLF cut between two chunks is the chunked readers' business
 * (`textPosition.ts`, `recordLines.ts`).
 */

const LF = 0x0a;
const CR = 0x0d;
const BYTE_ORDER_MARK = 0xfeff;

/** A 1-based line and column; columns count UTF-16 code units. */
export interface LinePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds the line breaks of one string in order. Each of `\n` and `\r` is searched for again only
 * once passed, so finding every break costs one pass over the text, whatever mix of breaks (or
 * none at all, as in a one-line file) it holds.
 */
export class LineBreakScanner {
  /** Index of the next `\n` / `\r` at or after the last `from` (-1: none left; -2: not searched yet). */
  private lf = -2;
  private cr = -2;

  constructor(private readonly text: string) {}

  /**
   * Index of the first line break at or after `from` (its first character), or -1. Calls must
   * not go backwards: `from` never less than in the call before.
   */
  find(from: number): number {
    const text = this.text;
    if (this.lf !== -1 && this.lf < from) this.lf = text.indexOf("\n", from);
    if (this.cr !== -1 && this.cr < from) this.cr = text.indexOf("\r", from);
    if (this.cr === -1) return this.lf;
    if (this.lf === -1) return this.cr;
    return Math.min(this.lf, this.cr);
  }

  /** Index just after the break starting at `at`: a CR followed by an LF is one break. */
  endOf(at: number): number {
    return this.text.charCodeAt(at) === CR && this.text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  }

  /**
   * True when the break at `at` is a CR that ends the text: in text that arrives in chunks it
   * may be the first half of a CRLF, which the next chunk's first character tells.
   */
  endsWithCr(at: number): boolean {
    return at === this.text.length - 1 && this.text.charCodeAt(at) === CR;
  }
}

/**
 * True when `text` starts with a byte-order mark: the text's first line then starts at offset 1
 * for its columns (see the module comment).
 */
export function startsWithByteOrderMark(text: string): boolean {
  return text.charCodeAt(0) === BYTE_ORDER_MARK;
}

/** True when `chunk` starts with the LF that completes a CRLF whose CR ended the chunk before. */
export function startsWithLf(chunk: string): boolean {
  return chunk.charCodeAt(0) === LF;
}

/** Index of the first line break at or after `from`, or the text's length: where that line ends. */
export function lineEnd(text: string, from = 0): number {
  const at = new LineBreakScanner(text).find(from);
  return at === -1 ? text.length : at;
}

/**
 * The lines of `text`, without their breaks (a text ending with a break ends with ""). A leading
 * byte-order mark stays in the first line: the readers of each line skip it as they parse.
 */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  const breaks = new LineBreakScanner(text);
  let start = 0;
  for (let at = breaks.find(start); at !== -1; at = breaks.find(start)) {
    lines.push(text.slice(start, at));
    start = breaks.endOf(at);
  }
  lines.push(text.slice(start));
  return lines;
}

/**
 * Maps offsets in `text` to lines and columns. The line starts are found once, on the first
 * call, then each offset costs a binary search. The second character of a CRLF is on the line the
 * break ends, as its first is; a leading byte-order mark is at column 1 with the character after
 * it, which it does not push to column 2.
 */
export function linePositions(text: string): (offset: number) => LinePosition {
  let starts: number[] | null = null;
  return (offset) => {
    starts ??= lineStarts(text);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(offset - (starts[lo] ?? 0), 0) + 1 };
  };
}

function lineStarts(text: string): number[] {
  const starts = [startsWithByteOrderMark(text) ? 1 : 0];
  const breaks = new LineBreakScanner(text);
  let start = 0;
  for (let at = breaks.find(start); at !== -1; at = breaks.find(start)) {
    start = breaks.endOf(at);
    starts.push(start);
  }
  return starts;
}
