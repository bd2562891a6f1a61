/**
 * Splits text that arrives in chunks into the lines of a line-based format (JSON Lines, CSV),
 * where a line is a record. Chunks may be cut anywhere: inside a line, between the `\r` and `\n`
 * of a CRLF pair, between the halves of a surrogate pair; none of those cuts changes the lines.
 *
 * A line ends at LF, CRLF or a lone CR (`lineBreaks.ts`), as Flink's line-based file sources
 * (`BufferedReader.readLine`) and Jackson's CSV parser end it, so a file whose only line breaks
 * are lone CRs (classic Mac, some Excel exports) is as many lines as it has records.
 *
 * A line longer than the longest record ({@link MAX_RECORD_LENGTH}) cannot be an event: it is not
 * held but skipped up to its line break, and reported with its length, so one runaway line (or a
 * file with no line break at all) never holds more memory than one record.
 */
import { LineBreakScanner, startsWithLf } from "../../text/lineBreaks.ts";
import { MAX_RECORD_LENGTH } from "./recordText.ts";

/** The break that ended a line; "" for a last line without one. */
export type LineBreak = "\n" | "\r\n" | "\r" | "";

/** Receives the lines, in order; each call is one line of the file. */
export interface RecordLineSink {
  /** A line, without its break. */
  line(text: string, lineBreak: LineBreak): void;
  /** A line longer than the bound, skipped: only its length (without the break) is known. */
  tooLong(length: number, lineBreak: LineBreak): void;
}

/** Joins chunks into lines; see the module comment. */
export class RecordLines {
  /** Pieces of the unfinished line (none while skipping a line that is too long). */
  private readonly pieces: string[] = [];
  private length = 0;
  private skipping = false;
  /** The last chunk ended with a `\r`: the next character says whether it was CRLF. */
  private pendingCr = false;

  constructor(
    private readonly sink: RecordLineSink,
    private readonly maxLength: number = MAX_RECORD_LENGTH,
  ) {}

  /** Hands every line that `chunk` completes to the sink. */
  push(chunk: string): void {
    let start = 0;
    if (this.pendingCr) {
      if (chunk === "") return;
      this.pendingCr = false;
      const crlf = startsWithLf(chunk);
      this.finishLine(crlf ? "\r\n" : "\r");
      if (crlf) start = 1;
    }
    const breaks = new LineBreakScanner(chunk);
    for (let at = breaks.find(start); at !== -1; at = breaks.find(start)) {
      this.add(chunk, start, at);
      if (breaks.endsWithCr(at)) {
        this.pendingCr = true;
        return;
      }
      const end = breaks.endOf(at);
      this.finishLine(end === at + 2 ? "\r\n" : chunk.charAt(at) === "\n" ? "\n" : "\r");
      start = end;
    }
    this.add(chunk, start, chunk.length);
  }

  /** Hands the last line to the sink: one ended by a final lone CR, or one without a break. */
  end(): void {
    if (this.pendingCr) {
      this.pendingCr = false;
      this.finishLine("\r");
    } else if (this.length > 0) {
      this.finishLine("");
    }
  }

  private add(chunk: string, from: number, to: number): void {
    if (to <= from) return;
    this.length += to - from;
    if (this.skipping) return;
    if (this.length > this.maxLength) {
      this.pieces.length = 0;
      this.skipping = true;
      return;
    }
    this.pieces.push(from === 0 && to === chunk.length ? chunk : chunk.slice(from, to));
  }

  private finishLine(lineBreak: LineBreak): void {
    const length = this.length;
    const skipped = this.skipping;
    const text = skipped ? "" : this.pieces.join("");
    this.pieces.length = 0;
    this.length = 0;
    this.skipping = false;
    if (skipped) this.sink.tooLong(length, lineBreak);
    else this.sink.line(text, lineBreak);
  }
}
