/**
 * Line and column of characters in text that arrives in chunks, as JSON texts count them (a line
 * ends at `\n`; a `\r` is whitespace; columns count UTF-16 code units from 1), so that positions
 * found by the streaming JSON array reader and by the parser inside one element agree.
 *
 * Only positions that are asked for are computed: each line break of a chunk is looked for once,
 * so a one-line file of any size costs one search per chunk.
 */

/** Tracks positions over consecutive chunks; ask in increasing order within a chunk. */
export class TextPosition {
  /** The current line (1-based) and the absolute offset its first character has. */
  private lineNumber = 1;
  private lineStart = 0;
  /** Absolute offset of the current chunk's first character. */
  private chunkStart = 0;
  private chunk = "";
  /** Index in the chunk of the next `\n` not yet counted, or -1. */
  private nextBreak = -1;
  private lastChar = -1;

  /** Starts the next chunk (after {@link finishChunk} of the one before). */
  startChunk(chunk: string): void {
    this.chunk = chunk;
    this.nextBreak = chunk.indexOf("\n");
  }

  /** The line of the chunk's character at `index`. */
  lineAt(index: number): number {
    this.advanceTo(index);
    return this.lineNumber;
  }

  /** The column of the chunk's character at `index`. */
  columnAt(index: number): number {
    this.advanceTo(index);
    return this.chunkStart + index - this.lineStart + 1;
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
    return this.lineNumber === 1;
  }

  /** The number of the text's last line: a final `\n` ends it rather than starting another. */
  get lastLine(): number {
    return this.lastChar === 0x0a ? this.lineNumber - 1 : this.lineNumber;
  }

  private advanceTo(index: number): void {
    while (this.nextBreak !== -1 && this.nextBreak < index) {
      this.lineNumber++;
      this.lineStart = this.chunkStart + this.nextBreak + 1;
      this.nextBreak = this.chunk.indexOf("\n", this.nextBreak + 1);
    }
  }
}
