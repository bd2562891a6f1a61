/**
 * CSV with a header row (RFC 4180: comma separated, `"` quoting, `""` for a quote inside
 * quotes, quoted fields may span lines). Lines are joined into records here, so every record
 * knows the line it starts on; records that hold quotes are split by `csvRecord.ts`, the rest
 * by a plain split (identical for quote-free text, and much faster).
 *
 * Cells become numbers only where that is exact (`exactNumberFromText`); everything else,
 * including ids like `2232732093077520756` and `007`, stays text. A decimal or exponent number
 * beyond a double's range (`1e400`, which Flink's Jackson would read as Infinity) makes the row
 * a problem. An empty cell is the empty string, quoted or not, as Flink's CSV format reads a
 * STRING column (so `string.startsWith(category_code, …)` works on REES46's many empty cells).
 */
import { outOfRange } from "../json/jsonParser.ts";
import type { EventReader, ReadItemSink } from "./eventReader.ts";
import { splitQuotedRecord } from "./csvRecord.ts";
import { RecordLines, type LineBreak } from "./recordLines.ts";
import { BEYOND_DOUBLE, exactNumberFromText } from "./exactNumber.ts";
import {
  MAX_RECORD_LENGTH,
  notUtf8Warning,
  recordLengthProblem,
  recordTooLong,
  REPLACEMENT_CHARACTER,
  sizeText,
  textEncodingProblem,
} from "./recordText.ts";

/** A reader for CSV with a header row. */
export function createCsvReader(sink: ReadItemSink): EventReader {
  return new CsvReader(sink);
}

class CsvReader implements EventReader {
  private line = 0;
  private header: readonly string[] | null = null;
  /** The record's text so far: its lines, each continuation preceded by the line break it had. */
  private pending = "";
  private pendingLines = 0;
  private pendingLine = 0;
  private inQuotes = false;
  private hasQuote = false;
  private failed = false;

  private readonly lines = new RecordLines({
    line: (text, lineBreak) => {
      this.onLine(text, lineBreak);
    },
    tooLong: (length) => {
      this.onTooLong(length);
    },
  });

  constructor(private readonly sink: ReadItemSink) {}

  push(text: string): void {
    if (!this.failed) this.lines.push(text);
  }

  end(): void {
    if (!this.failed) this.lines.end();
    if (this.failed || this.pendingLines === 0) return;
    this.sink({
      type: "problem",
      line: this.pendingLine,
      message: "unterminated quoted field at end of input",
    });
    this.pending = "";
    this.pendingLines = 0;
  }

  private onLine(text: string, lineBreak: LineBreak): void {
    this.line++;
    if (this.failed) return;
    const line = this.line === 1 && text.startsWith("\uFEFF") ? text.slice(1) : text;
    if (this.line === 1) {
      const encoding = textEncodingProblem(line);
      if (encoding !== null) {
        this.fatal(1, encoding);
        return;
      }
    }
    this.readLine(line, lineBreak);
  }

  /** A line too long to be a record, skipped by {@link RecordLines} without being held. */
  private onTooLong(length: number): void {
    this.line++;
    if (this.failed) return;
    if (this.pendingLines > 0) this.dropRunawayRecord();
    else this.sink({ type: "problem", line: this.line, message: recordTooLong(length) });
  }

  /**
   * Reads one line of text (without its break); `lineBreak` is the break that followed it. A CR
   * or CRLF break ends a record too (classic Mac files; Jackson's CSV parser and Flink's
   * line-based file sources read it so); inside a quoted field that spans lines it is data, kept
   * as written.
   */
  private readLine(line: string, lineBreak: LineBreak): void {
    if (this.pendingLines === 0) {
      if (line === "") return;
      this.pendingLine = this.line;
      this.hasQuote = false;
      this.pending = line;
    } else {
      this.pending += line;
    }
    this.pendingLines++;
    if (line.includes('"')) {
      this.hasQuote = true;
      this.inQuotes = endsInsideQuotes(line, this.inQuotes);
    }
    if (!this.inQuotes) this.finishRecord();
    else if (this.pending.length > MAX_RECORD_LENGTH) this.dropRunawayRecord();
    else this.pending += lineBreak;
  }

  /**
   * A quoted field still open after {@link MAX_RECORD_LENGTH}: almost always a stray quote that
   * would otherwise swallow the rest of the file into one record. Its lines are skipped, and
   * reading starts afresh at the next line.
   */
  private dropRunawayRecord(): void {
    this.sink({
      type: "problem",
      line: this.pendingLine,
      message: `the quoted field opened on this line is not closed within ${sizeText(MAX_RECORD_LENGTH)} (a stray '"'?); lines ${this.pendingLine} to ${this.line} are skipped`,
    });
    this.pending = "";
    this.pendingLines = 0;
    this.inQuotes = false;
  }

  private finishRecord(): void {
    const text = this.pending;
    const line = this.pendingLine;
    const quoted = this.hasQuote;
    this.pending = "";
    this.pendingLines = 0;
    const tooLong = recordLengthProblem(text.length);
    if (tooLong !== null) {
      this.sink({ type: "problem", line, message: tooLong });
      return;
    }
    const cells = quoted ? splitQuotedRecord(text) : null;
    if (typeof cells === "string") {
      this.sink({ type: "problem", line, message: cells });
      return;
    }
    const fields = cells ?? text.split(",");
    if (this.header === null) {
      this.readHeader(fields, line);
      return;
    }
    if (fields.length !== this.header.length) {
      this.sink({
        type: "problem",
        line,
        message: `expected ${this.header.length} fields (as in the header), found ${fields.length}`,
      });
      return;
    }
    const header = this.header;
    const event: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const cell = fields[i] ?? "";
      const name = header[i] ?? "";
      const number = exactNumberFromText(cell);
      if (number === BEYOND_DOUBLE) {
        this.sink({ type: "problem", line, message: `column '${name}': ${outOfRange(cell)}` });
        return;
      }
      const value = number ?? cell;
      // Plain assignment keeps one hidden class for all rows (fast); a column named
      // "__proto__" needs defineProperty to stay data.
      if (name === "__proto__") {
        Object.defineProperty(event, name, { value, enumerable: true, writable: true, configurable: true });
      } else {
        event[name] = value;
      }
    }
    if (!text.includes(REPLACEMENT_CHARACTER)) {
      this.sink({ type: "event", event, line });
      return;
    }
    const column = header[fields.findIndex((cell) => cell.includes(REPLACEMENT_CHARACTER))] ?? "";
    this.sink({ type: "event", event, line, warning: notUtf8Warning(`column '${column}'`) });
  }

  private readHeader(fields: readonly string[], line: number): void {
    const seen = new Set<string>();
    for (const name of fields) {
      if (name === "" || seen.has(name)) {
        this.fatal(
          line,
          name === "" ? "the header has an empty column name" : `the header names column '${name}' twice`,
        );
        return;
      }
      seen.add(name);
    }
    this.header = fields;
  }

  private fatal(line: number, message: string): void {
    this.failed = true;
    this.sink({ type: "fatal", line, message });
  }
}

/**
 * Whether a quoted field is still open at the end of `line`. A quote opens a quoted field only
 * at the start of a field, as RFC 4180 (and papaparse) read it; elsewhere it is a literal.
 */
function endsInsideQuotes(line: string, startInQuotes: boolean): boolean {
  let inQuotes = startInQuotes;
  let atFieldStart = !startInQuotes;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuotes) {
      if (c === '"') {
        if (line[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"' && atFieldStart) inQuotes = true;
    atFieldStart = c === ",";
  }
  return inQuotes;
}
