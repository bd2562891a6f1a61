/**
 * Splits a stream of text chunks into lines. Chunks arrive cut at arbitrary points (a
 * `File.stream()` piped through a `TextDecoder`, a Node read stream): inside a line, between the
 * `\r` and `\n` of a CRLF pair, or between the two halves of a surrogate pair. Only `\n` ends a
 * line, so none of those cuts matters: the pieces of an unfinished line are kept apart and joined
 * once when its `\n` arrives, so a line spread over many chunks costs linear time.
 *
 * Lines are handed out as the CLI's file reader hands them out (`src/cli/cliIo.ts`): without the
 * `\n` and with no empty line after a final line break, so the browser and the CLI read a file
 * identically. A `\r` before the `\n` (CRLF files) is left on the line for the event reader: it
 * is part of the line break, except inside a quoted CSV field that spans lines, where it is data.
 */

/** Receives each complete line, in order. */
export type LineSink = (line: string) => void;

/** The longest line held by default: 64 Mi UTF-16 code units (128 MiB of memory). */
export const DEFAULT_MAX_LINE_LENGTH = 1 << 26;

/** Joins chunks into lines; see the module comment. */
export class LineSplitter {
  /** Pieces of the line not yet ended by `\n`. */
  private readonly partial: string[] = [];
  private partialLength = 0;

  /** @param maxLineLength the longest unfinished line {@link push} accepts before refusing. */
  constructor(private readonly maxLineLength: number = DEFAULT_MAX_LINE_LENGTH) {}

  /**
   * Hands every line that `chunk` completes to `sink`. Returns false (and keeps nothing) when the
   * unfinished line grows beyond the limit: a file with no line breaks, such as a 1 GB JSON array
   * written on one line, would otherwise have to be held as one string.
   */
  push(chunk: string, sink: LineSink): boolean {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf("\n", start);
      if (end === -1) break;
      let line = chunk.slice(start, end);
      if (this.partial.length > 0) {
        this.partial.push(line);
        line = this.partial.join("");
        this.partial.length = 0;
        this.partialLength = 0;
      }
      sink(line);
      start = end + 1;
    }
    if (start < chunk.length) {
      const rest = start === 0 ? chunk : chunk.slice(start);
      this.partial.push(rest);
      this.partialLength += rest.length;
      if (this.partialLength > this.maxLineLength) {
        this.partial.length = 0;
        this.partialLength = 0;
        return false;
      }
    }
    return true;
  }

  /** Hands the last line to `sink` when the input does not end with a line break. */
  end(sink: LineSink): void {
    if (this.partial.length === 0) return;
    const line = this.partial.join("");
    this.partial.length = 0;
    this.partialLength = 0;
    if (line !== "") sink(line);
  }
}
