/**
 * Line and column of characters in text that arrives in chunks, by the rule of `lineBreaks.ts`
 * (LF, CRLF, lone CR; columns count UTF-16 code units from 1; a byte-order mark that starts the
 * text takes no column), so that positions found by the streaming JSON array reader, by the parser
 * inside one element and by the line-based readers agree, whatever the chunks: a CRLF cut between
 * two chunks is one break.
 *
 * Only positions that are asked for are computed: each line break of a chunk is looked for once,
 * so a one-line file of any size costs one search per chunk.
 */
import { LineBreakScanner, startsWithByteOrderMark, startsWithLf } from "../../text/lineBreaks.ts";

/** Tracks positions over consecutive chunks; ask in increasing order within a chunk. */
export class TextPosition {
  /** The current line (1-based) and the absolute offset its first character has. */
  private lineNumber = 1;
  private lineStart = 0;
  /** Absolute offset of the current chunk's first character. */
  private chunkStart = 0;
  private chunk = "";
  private breaks = new LineBreakScanner("");
  /** Index in the chunk just after the next line break not yet counted, or -1. */
  private nextBreakEnd = -1;
  /**
   * A CR ended the chunks so far: it ends the current line, which is counted once the next
   * character tells whether an LF belongs to it.
   */
  private crPending = false;
  private lastChar = -1;

  /** Starts the next chunk (after {@link finishChunk} of the one before). */
  startChunk(chunk: string): void {
    // Line 1's columns count from after a byte-order mark, as for a whole text (`linePositions`).
    if (this.chunkStart === 0 && startsWithByteOrderMark(chunk)) this.lineStart = 1;
    this.chunk = chunk;
    this.breaks = new LineBreakScanner(chunk);
    if (!this.crPending) this.findBreak(0);
    else if (chunk === "") this.nextBreakEnd = -1;
    else {
      this.crPending = false;
      this.nextBreakEnd = startsWithLf(chunk) ? 1 : 0;
    }
  }

  /** The line of the chunk's character at `index`. */
  lineAt(index: number): number {
    this.advanceTo(index);
    return this.lineNumber;
  }

  /** The column of the chunk's character at `index`. */
  columnAt(index: number): number {
    this.advanceTo(index);
    return Math.max(this.chunkStart + index - this.lineStart, 0) + 1;
  }

  /** Counts the chunk's remaining line breaks. */
  finishChunk(): void {
    this.advanceTo(this.chunk.length);
    this.chunkStart += this.chunk.length;
    if (this.chunk !== "") this.lastChar = this.chunk.charCodeAt(this.chunk.length - 1);
    this.chunk = "";
  }

  /** True while no line break has been seen (the file's first line). */
  get onFirstLine(): boolean {
    return this.lineNumber === 1 && !this.crPending;
  }

  /** The line breaks seen so far (one per finished line). */
  get lineBreaks(): number {
    return this.lineNumber - 1 + (this.crPending ? 1 : 0);
  }

  /** True when nothing was read or the text read so far ends with a line break. */
  get atLineStart(): boolean {
    return this.lastChar === -1 || this.lastChar === 0x0a || this.crPending;
  }

  /** The number of the text's last line: a final line break ends it rather than starting another. */
  get lastLine(): number {
    return this.atLineStart && this.lastChar !== -1 ? this.lineBreaks : this.lineBreaks + 1;
  }

  private advanceTo(index: number): void {
    while (this.nextBreakEnd !== -1 && this.nextBreakEnd <= index) {
      this.lineNumber++;
      this.lineStart = this.chunkStart + this.nextBreakEnd;
      this.findBreak(this.nextBreakEnd);
    }
  }

  /** Looks for the chunk's next line break from `from`; a CR at its end waits for the next chunk. */
  private findBreak(from: number): void {
    const at = this.breaks.find(from);
    if (at !== -1 && this.breaks.endsWithCr(at)) this.crPending = true;
    this.nextBreakEnd = at === -1 || this.crPending ? -1 : this.breaks.endOf(at);
  }
}
