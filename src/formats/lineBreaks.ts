/**
 * What a line break is, for every `line:column` CEP Studio reports about a text it reads (JSON
 * rule and broadcast files, JSON arrays, JSON Lines and CSV events) and for the line-based readers
 * that cut records: LF, CRLF (one break) or a lone CR. That is how Flink's line-based file sources
 * (`BufferedReader.readLine`) and Jackson's CSV parser end a line, and how Monaco (the Source
 * view) and most editors number lines, so a problem in a file saved with classic-Mac CRs is
 * reported on the line the user sees it on. Columns count UTF-16 code units from 1.
 *
 * Text that arrives in chunks uses the same {@link LineBreakScanner}; a CRLF cut between two
 * chunks is the chunked readers' business (`textPosition.ts`, `recordLines.ts`).
 */

const LF = 0x0a;
const CR = 0x0d;

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

/** True when `chunk` starts with the LF that completes a CRLF whose CR ended the chunk before. */
export function startsWithLf(chunk: string): boolean {
  return chunk.charCodeAt(0) === LF;
}

/** Index of the first line break at or after `from`, or the text's length: where that line ends. */
export function lineEnd(text: string, from = 0): number {
  const at = new LineBreakScanner(text).find(from);
  return at === -1 ? text.length : at;
}

/** The lines of `text`, without their breaks (a text ending with a break ends with ""). */
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
 * break ends, as its first is.
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
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = new LineBreakScanner(text);
  let start = 0;
  for (let at = breaks.find(start); at !== -1; at = breaks.find(start)) {
    start = breaks.endOf(at);
    starts.push(start);
  }
  return starts;
}
