/**
 * A `.json` file holding one array of events, read element by element from chunks cut anywhere,
 * so that an array of any size, even written on one line by `JSON.stringify`, is never one
 * string: the reader holds the element being read and nothing else. A splitter tracks strings,
 * escapes and bracket depth to find where each top-level element ends; each element is then
 * parsed on its own, so one bad element is reported and skipped while the rest are read.
 *
 * An element longer than an event may be ({@link MAX_RECORD_LENGTH}) is not held: it is scanned
 * to its end and reported with its size. Positions are the file's line and column
 * ({@link TextPosition}), whatever the chunks.
 */
import { lineEnd } from "../../text/lineBreaks.ts";
import type { EventReader, ReadItemSink } from "./eventReader.ts";
import { readJsonRecord } from "./jsonRecord.ts";
import {
  ENCODING_HEAD_LENGTH,
  MAX_RECORD_LENGTH,
  nulProblem,
  recordTooLong,
  sizeText,
  textEncodingProblem,
} from "./recordText.ts";
import { TextPosition } from "./textPosition.ts";

type Phase = "before-array" | "in-array" | "after-array";

/** A reader for a JSON array of event objects. */
export function createJsonArrayReader(sink: ReadItemSink): EventReader {
  return new JsonArrayReader(sink);
}

class JsonArrayReader implements EventReader {
  private phase: Phase = "before-array";
  private readonly position = new TextPosition();
  /**
   * The file's first characters, held until they tell whether it is UTF-8 text (see
   * `textEncodingProblem`); null once they did.
   */
  private head: string | null = "";
  /** The file's first {@link ENCODING_HEAD_LENGTH} characters, once {@link head} is read. */
  private fileStart = "";
  private atFileStart = true;
  /** The element being read: its pieces from earlier chunks; empty while skipping one too long. */
  private readonly pieces: string[] = [];
  private elementLength = 0;
  private elementLine = 0;
  private elementColumn = 0;
  private collecting = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** True after a ',' until the next element starts: `[1,]` and `[,` are errors. */
  private expectingElement = false;
  private failed = false;
  /** Text after the closing `]` was reported (once: the rest of the input is ignored). */
  private trailingReported = false;

  constructor(private readonly sink: ReadItemSink) {}

  push(text: string): void {
    if (this.failed) return;
    if (this.head !== null) {
      this.head += text;
      if (this.head.length >= ENCODING_HEAD_LENGTH || lineEnd(this.head) < this.head.length) this.readHead();
      return;
    }
    // Text holds no NUL; on the first line one means UTF-16 or a binary file (see recordText.ts).
    if (this.position.onFirstLine) {
      const nul = text.indexOf("\u0000");
      if (nul !== -1 && lineEnd(text) > nul) {
        this.fatalAt(1, nulProblem(this.fileStart));
        return;
      }
    }
    this.read(text);
  }

  end(): void {
    if (this.head !== null) this.readHead();
    if (this.failed) return;
    const line = this.position.lastLine;
    if (this.phase === "before-array") {
      this.fatalAt(line, "expected a JSON array of events, found nothing");
    } else if (this.phase === "in-array") {
      if (this.collecting && this.elementLength > MAX_RECORD_LENGTH) {
        this.sink({
          type: "problem",
          line: this.elementLine,
          message: `the element starting here (column ${this.elementColumn}) is not closed by the end of the input (an unclosed string or bracket?); its ${sizeText(this.elementLength)} are skipped`,
        });
      } else if (this.collecting) {
        this.finishElement("");
      }
      this.sink({
        type: "problem",
        line,
        message: "unexpected end of input: the array is not closed with ']'",
      });
    }
  }

  /** Checks the held first characters, then reads them. */
  private readHead(): void {
    const head = this.head ?? "";
    this.head = null;
    this.fileStart = head.slice(0, ENCODING_HEAD_LENGTH);
    const encoding = textEncodingProblem(head.slice(0, lineEnd(head)));
    if (encoding !== null) this.fatalAt(1, encoding);
    else this.read(head);
  }

  private read(chunk: string): void {
    const position = this.position;
    position.startChunk(chunk);
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.collecting) {
        const end = this.scanElement(chunk, i);
        if (end === -1) {
          this.holdPiece(chunk, i);
          break;
        }
        this.finishElement(chunk.slice(i, end));
        if (chunk.charCodeAt(end) === 0x5d /* ] */) this.phase = "after-array";
        else this.expectingElement = true;
        i = end + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (isWhitespace(c) || (c === 0xfeff && this.atFileStart)) {
        this.atFileStart = false;
        i++;
        continue;
      }
      this.atFileStart = false;
      if (this.phase === "before-array") {
        if (c !== 0x5b /* [ */) {
          this.fatal(i, "expected a JSON array of events ('[')");
          break;
        }
        this.phase = "in-array";
      } else if (this.phase === "after-array") {
        // Reported once, where it starts; whatever follows it is part of the same mistake.
        if (!this.trailingReported) this.problem(i, "unexpected text after the closing ']'");
        this.trailingReported = true;
        break;
      } else if (c === 0x5d /* ] */) {
        if (this.expectingElement) this.problem(i, "expected an element after ',' (trailing comma)");
        this.phase = "after-array";
      } else if (c === 0x2c /* , */) {
        this.problem(i, "expected an element before ','");
      } else {
        this.startElement(i);
        continue;
      }
      i++;
    }
    position.finishChunk();
  }

  private startElement(index: number): void {
    this.collecting = true;
    this.elementLine = this.position.lineAt(index);
    this.elementColumn = this.position.columnAt(index);
    this.elementLength = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.expectingElement = false;
  }

  /**
   * Advances the splitter over `chunk` from `from`; returns the index of the top-level ',' or
   * ']' that ends the current element, or -1 when the chunk ends first. Inside strings it jumps
   * from quote to quote, so the text of events (mostly strings) is searched, not stepped through.
   */
  private scanElement(chunk: string, from: number): number {
    const n = chunk.length;
    let depth = this.depth;
    let inString = this.inString;
    let i = from;
    if (this.escaped) {
      // The chunk before ended with the backslash of an escape: its next character is escaped.
      this.escaped = false;
      i++;
    }
    // The next quote and backslash at or after i (-1: none left in the chunk), each searched for
    // again only once passed, so a chunk costs linear time however many escapes it holds.
    let quote = -2;
    let backslash = -2;
    let end = -1;
    while (i < n) {
      if (inString) {
        if (quote !== -1 && quote < i) quote = chunk.indexOf('"', i);
        if (backslash !== -1 && backslash < i) backslash = chunk.indexOf("\\", i);
        if (backslash !== -1 && (quote === -1 || backslash < quote)) {
          i = backslash + 2;
          if (i > n) this.escaped = true;
          continue;
        }
        if (quote === -1) break;
        inString = false;
        i = quote + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 0x22 /* " */) inString = true;
      else if (c === 0x7b /* { */ || c === 0x5b /* [ */) depth++;
      else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
        // A '}' with nothing open is left to the element's parser to report.
        if (depth === 0 && c === 0x5d) {
          end = i;
          break;
        }
        if (depth > 0) depth--;
      } else if (c === 0x2c /* , */ && depth === 0) {
        end = i;
        break;
      }
      i++;
    }
    this.depth = depth;
    this.inString = inString;
    return end;
  }

  /** Keeps the element's text from `from` to the end of the chunk, up to the bound. */
  private holdPiece(chunk: string, from: number): void {
    const length = chunk.length - from;
    this.elementLength += length;
    if (this.elementLength > MAX_RECORD_LENGTH) this.pieces.length = 0;
    else if (length > 0) this.pieces.push(from === 0 ? chunk : chunk.slice(from));
  }

  /** Reads the element, whose text ends with `last` (the part in the current chunk). */
  private finishElement(last: string): void {
    const length = this.elementLength + last.length;
    const line = this.elementLine;
    this.collecting = false;
    this.elementLength = 0;
    if (length > MAX_RECORD_LENGTH) {
      this.pieces.length = 0;
      this.sink({ type: "problem", line, message: recordTooLong(length) });
      return;
    }
    this.pieces.push(last);
    const text = this.pieces.length === 1 ? last : this.pieces.join("");
    this.pieces.length = 0;
    this.sink(readJsonRecord(text, line, this.elementColumn));
  }

  private problem(index: number, message: string): void {
    const line = this.position.lineAt(index);
    this.sink({ type: "problem", line, message: `${message} (column ${this.position.columnAt(index)})` });
  }

  private fatal(index: number, message: string): void {
    this.fatalAt(this.position.lineAt(index), `${message} (column ${this.position.columnAt(index)})`);
  }

  private fatalAt(line: number, message: string): void {
    this.failed = true;
    this.sink({ type: "fatal", line, message });
  }
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
