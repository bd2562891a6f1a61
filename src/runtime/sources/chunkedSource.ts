/**
 * An event source fed with text chunks, so that a file of any size is read without ever being
 * one string: the chunks drive the streaming event readers of `src/formats/events` (CSV, JSON
 * Lines, JSON array), which do all the parsing and hold at most one record, so a file without a
 * line break (a JSON array written on one line) streams like any other.
 *
 * It is pulled incrementally: each {@link ChunkedSource.push} returns what that chunk completed,
 * so a run can start on the first events while the rest of the file is still being read. It
 * counts what it consumed (bytes, characters, lines, events, watermarks, problems) for a progress
 * bar, and keeps every malformed record's line and reason: the first
 * {@link DEFAULT_MAX_LISTED_PROBLEMS} are listed, all are counted, none is dropped silently.
 *
 * The caller decodes bytes (`TextDecoder` with `{ stream: true }`, or Node's `setEncoding`), so
 * this module stays pure: no DOM, no Node APIs.
 */
import {
  createEventReader,
  eventFormatOf,
  type EventFormat,
  type EventReader,
  type ReadItem,
  TextPosition,
} from "../../formats/events/index.ts";
import { chooseEventFormat, firstNonBlankIndex, type FormatSource } from "./formatDetection.ts";

/** How many problems a source lists by default (all of them are counted). */
export const DEFAULT_MAX_LISTED_PROBLEMS = 1000;

/** How to read the chunks. */
export interface ChunkedSourceOptions {
  /** The file's name, for format detection by extension; omit for pasted text or stdin. */
  readonly fileName?: string;
  /** Forces a format, skipping detection. */
  readonly format?: EventFormat;
  /** The file's size, when known (`File.size`), so progress can be shown as a fraction. */
  readonly totalBytes?: number;
  /** How many problems {@link ChunkedSource.problems} lists; more are only counted. */
  readonly maxListedProblems?: number;
}

/** A record that was skipped (`fatal: false`) or input that cannot be read on (`fatal: true`). */
export interface SourceProblem {
  readonly line: number;
  readonly message: string;
  readonly fatal: boolean;
}

/** The problems found so far. */
export interface ProblemLog {
  /** Every problem, listed or not. */
  readonly total: number;
  /** The first problems, in input order, at most `maxListedProblems`. */
  readonly listed: readonly SourceProblem[];
  /** The problem that stopped reading, if any (also counted and, if early enough, listed). */
  readonly fatal: SourceProblem | null;
}

/** What a source has consumed and produced so far. */
export interface SourceProgress {
  /** Null until the first non-blank character (or the end) decides it. */
  readonly format: EventFormat | null;
  readonly formatSource: FormatSource | null;
  /** UTF-8 bytes consumed: as given to `push`, or counted from the text. */
  readonly bytes: number;
  readonly totalBytes: number | null;
  /** UTF-16 code units consumed. */
  readonly chars: number;
  /** Lines read: line feeds so far, plus the last line once `end` was called. */
  readonly lines: number;
  readonly events: number;
  readonly watermarks: number;
  readonly problems: number;
  /** True once a fatal problem stopped reading; later chunks are counted but not read. */
  readonly failed: boolean;
  /** True once `end` was called. */
  readonly done: boolean;
}

/** A source of read items fed chunk by chunk; see the module comment. */
export interface ChunkedSource {
  /**
   * Reads one chunk and returns the items it completed, in input order.
   * @param byteLength the chunk's size in bytes before decoding, when the caller knows it
   *   (cheaper and exact); otherwise its UTF-8 length is counted.
   */
  push(chunk: string, byteLength?: number): ReadItem[];
  /** Reads what the last chunk left unfinished and returns the last items. */
  end(): ReadItem[];
  progress(): SourceProgress;
  problems(): ProblemLog;
}

/** A source for one input; see {@link ChunkedSourceOptions}. */
export function createChunkedSource(options: ChunkedSourceOptions = {}): ChunkedSource {
  return new ChunkedEventSource(options);
}

class ChunkedEventSource implements ChunkedSource {
  private readonly maxListed: number;
  private format: EventFormat | null = null;
  private formatSource: FormatSource | null = null;
  private reader: EventReader | null = null;
  /** Blank text seen before the format is known, given to the reader once it is. */
  private held: string[] = [];
  /** Counts the lines read, with the readers' line breaks (LF, CRLF, lone CR). */
  private readonly linesRead = new TextPosition();
  private out: ReadItem[] = [];
  private started = false;
  private stopped = false;
  private done = false;
  private bytes = 0;
  private chars = 0;
  private lines = 0;
  private events = 0;
  private watermarks = 0;
  private problemCount = 0;
  private readonly listed: SourceProblem[] = [];
  private fatal: SourceProblem | null = null;

  constructor(private readonly options: ChunkedSourceOptions) {
    this.maxListed = options.maxListedProblems ?? DEFAULT_MAX_LISTED_PROBLEMS;
    if (options.format !== undefined) this.startReader(options.format, "option");
    // A CSV name decides without content (see chooseEventFormat): no need to hold text back.
    else if (options.fileName !== undefined && eventFormatOf(options.fileName) === "csv") this.detect(null);
  }

  push(chunk: string, byteLength?: number): ReadItem[] {
    if (this.done) throw new Error("ChunkedSource.push called after end()");
    this.bytes += byteLength ?? utf8Length(chunk);
    this.chars += chunk.length;
    if (this.stopped || chunk === "") return this.take();
    let text = chunk;
    if (!this.started) {
      this.started = true;
      // A byte-order mark is an encoding signature, not content; JSON Lines has no place for it.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.countLines(text);
    if (this.reader === null) {
      const first = firstNonBlankIndex(text);
      if (first === -1) {
        this.held.push(text);
        return this.take();
      }
      this.detect(text.charAt(first));
    }
    this.reader?.push(text);
    return this.take();
  }

  end(): ReadItem[] {
    if (this.done) return [];
    this.done = true;
    if (!this.stopped) {
      if (!this.linesRead.atLineStart) this.lines++;
      if (this.reader === null) this.detect(null);
      this.reader?.end();
    }
    return this.take();
  }

  progress(): SourceProgress {
    return {
      format: this.format,
      formatSource: this.formatSource,
      bytes: this.bytes,
      totalBytes: this.options.totalBytes ?? null,
      chars: this.chars,
      lines: this.lines,
      events: this.events,
      watermarks: this.watermarks,
      problems: this.problemCount,
      failed: this.fatal !== null,
      done: this.done,
    };
  }

  problems(): ProblemLog {
    return { total: this.problemCount, listed: this.listed.slice(), fatal: this.fatal };
  }

  private detect(firstChar: string | null): void {
    const choice = chooseEventFormat(this.options.fileName ?? null, firstChar);
    this.startReader(choice.format, choice.source);
  }

  private startReader(format: EventFormat, source: FormatSource): void {
    this.format = format;
    this.formatSource = source;
    const reader = createEventReader(format, (item) => {
      this.accept(item);
    });
    this.reader = reader;
    const held = this.held;
    this.held = [];
    for (const text of held) reader.push(text);
  }

  private accept(item: ReadItem): void {
    switch (item.type) {
      case "event":
        this.events++;
        break;
      case "watermark":
        this.watermarks++;
        break;
      case "problem":
        this.record({ line: item.line, message: item.message, fatal: false });
        break;
      case "fatal":
        this.fatal = { line: item.line, message: item.message, fatal: true };
        this.stopped = true;
        this.record(this.fatal);
        break;
    }
    this.out.push(item);
  }

  private record(problem: SourceProblem): void {
    this.problemCount++;
    if (this.listed.length < this.maxListed) this.listed.push(problem);
  }

  private countLines(text: string): void {
    this.linesRead.startChunk(text);
    this.linesRead.finishChunk();
    this.lines = this.linesRead.lineBreaks;
  }

  private take(): ReadItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }
}

/**
 * UTF-8 size of `text`. A surrogate pair is 4 bytes, counted 2 + 2 so that a pair cut between two
 * chunks still adds up.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
  }
  return bytes;
}
