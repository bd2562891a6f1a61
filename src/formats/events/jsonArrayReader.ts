/**
 * A `.json` file holding one array of events, read element by element so a large file never
 * has to be one string. A splitter tracks strings and bracket depth to find where each
 * top-level element ends; each element is then parsed on its own, so one bad element is
 * reported and skipped while the rest are read.
 */
import type { EventReader, ReadItemSink } from "./eventReader.ts";
import { readJsonRecord } from "./jsonRecord.ts";
import { MAX_RECORD_LENGTH, sizeText, textEncodingProblem } from "./recordText.ts";

type Phase = "before-array" | "in-array" | "after-array";

/** A reader for a JSON array of event objects. */
export function createJsonArrayReader(sink: ReadItemSink): EventReader {
  return new JsonArrayReader(sink);
}

class JsonArrayReader implements EventReader {
  private phase: Phase = "before-array";
  private line = 0;
  /** Text of the element being collected ("" when between elements). */
  private element = "";
  private elementLine = 0;
  private elementColumn = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** True after a ',' until the next element starts: `[1,]` and `[,` are errors. */
  private expectingElement = false;
  private failed = false;
  /** Text after the closing `]` was reported (once: the rest of the input is ignored). */
  private trailingReported = false;

  constructor(private readonly sink: ReadItemSink) {}

  pushLine(text: string): void {
    this.line++;
    if (this.failed) return;
    if (this.line === 1) {
      const encoding = textEncodingProblem(text);
      if (encoding !== null) {
        this.failed = true;
        this.sink({ type: "fatal", line: 1, message: encoding });
        return;
      }
    }
    let chunkStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.phase === "before-array") {
        if (isWhitespace(c) || (c === 0xfeff && this.line === 1 && i === 0)) continue;
        if (c !== 0x5b /* [ */) {
          this.fatal(i, "expected a JSON array of events ('[')");
          return;
        }
        this.phase = "in-array";
        continue;
      }
      if (this.phase === "after-array") {
        if (isWhitespace(c)) continue;
        // Reported once, where it starts; whatever follows it is part of the same mistake.
        if (!this.trailingReported) this.problem(i, "unexpected text after the closing ']'");
        this.trailingReported = true;
        return;
      }
      if (!this.collecting()) {
        if (isWhitespace(c)) continue;
        if (c === 0x5d /* ] */) {
          if (this.expectingElement) this.problem(i, "expected an element after ',' (trailing comma)");
          this.phase = "after-array";
          continue;
        }
        if (c === 0x2c /* , */) {
          this.problem(i, "expected an element before ','");
          continue;
        }
        this.startElement(i);
        chunkStart = i;
      }
      if (this.scan(c)) {
        // c ends the element (a top-level ',' or ']'); it is not part of it.
        this.element += text.slice(chunkStart, i);
        this.finishElement();
        chunkStart = i + 1;
        if (c === 0x5d) this.phase = "after-array";
        else this.expectingElement = true;
      }
    }
    if (!this.collecting()) return;
    this.element += text.slice(chunkStart) + "\n";
    if (this.element.length > MAX_RECORD_LENGTH) {
      // An unclosed string or bracket makes the rest of the array one element: stop at the bound.
      this.failed = true;
      this.sink({
        type: "fatal",
        line: this.elementLine,
        message: `the element starting here (column ${this.elementColumn}) is not closed within ${sizeText(MAX_RECORD_LENGTH)} (an unclosed string or bracket?); the rest of the array cannot be read`,
      });
    }
  }

  end(): void {
    if (this.failed) return;
    if (this.phase === "before-array") {
      this.sink({
        type: "fatal",
        line: Math.max(this.line, 1),
        message: "expected a JSON array of events, found nothing",
      });
    } else if (this.phase === "in-array") {
      if (this.collecting() && this.element.trim() !== "") this.finishElement();
      this.sink({
        type: "problem",
        line: this.line,
        message: "unexpected end of input: the array is not closed with ']'",
      });
    }
  }

  private collecting(): boolean {
    return this.elementLine !== 0;
  }

  private startElement(column: number): void {
    this.elementLine = this.line;
    this.elementColumn = column + 1;
    this.element = "";
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.expectingElement = false;
  }

  /** Advances the splitter over one character; true when it ends the current element. */
  private scan(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 0x5c /* \ */) this.escaped = true;
      else if (c === 0x22 /* " */) this.inString = false;
      return false;
    }
    if (c === 0x22) this.inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) this.depth++;
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (this.depth === 0) return c === 0x5d;
      this.depth--;
    } else if (c === 0x2c /* , */ && this.depth === 0) return true;
    return false;
  }

  private finishElement(): void {
    const line = this.elementLine;
    const column = this.elementColumn;
    const text = this.element;
    this.element = "";
    this.elementLine = 0;
    this.sink(readJsonRecord(text, line, column));
  }

  private problem(index: number, message: string): void {
    this.sink({ type: "problem", line: this.line, message: `${message} (column ${index + 1})` });
  }

  private fatal(index: number, message: string): void {
    this.failed = true;
    this.sink({ type: "fatal", line: this.line, message: `${message} (column ${index + 1})` });
  }
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
