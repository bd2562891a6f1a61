/**
 * What the CLI needs from its host, so commands can run in-process in tests and on real
 * stdio in `main.ts`. The Node implementation streams files in chunks and splits lines
 * itself (batches of lines, not a promise per line).
 */
import { open } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { DEFAULT_MAX_LINE_LENGTH, LineSplitter } from "../runtime/sources/lineSplitter.ts";

export interface CliIo {
  /** A whole (small) file as UTF-8 text. Rejects with the system error. */
  readText(path: string): Promise<string>;
  /** The lines of a file, or of stdin for "-", in batches; line terminators (\n, \r\n) removed. Rejects if unreadable. */
  readLines(path: string): Promise<AsyncIterable<readonly string[]>>;
  /** Writes to stdout; resolves when the stream can take more. */
  writeOut(text: string): Promise<void>;
  writeErr(text: string): void;
}

/** A line too long to hold (see {@link LineSplitter}): the input cannot be read past it. */
export class LineTooLongError extends Error {
  constructor(
    /** The 1-based number of the line. */
    readonly line: number,
    maxLineLength: number,
  ) {
    super(`line ${line} is longer than ${maxLineLength} characters`);
    this.name = "LineTooLongError";
  }
}

/** The CLI's IO over Node streams; `maxLineLength` bounds the lines of {@link CliIo.readLines}. */
export function createNodeIo(
  stdin: Readable,
  stdout: Writable,
  stderr: Writable,
  maxLineLength: number = DEFAULT_MAX_LINE_LENGTH,
): CliIo {
  // One promise for the next 'drain', shared by every write made while the stream is full.
  let drained: Promise<void> | null = null;
  return {
    async readText(path) {
      const handle = await open(path, "r");
      try {
        return await handle.readFile({ encoding: "utf8" });
      } finally {
        await handle.close();
      }
    },
    async readLines(path) {
      if (path === "-") return linesOf(stdin, maxLineLength);
      const handle = await open(path, "r");
      const stat = await handle.stat();
      if (stat.isDirectory()) {
        await handle.close();
        throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: "EISDIR" });
      }
      return linesOf(handle.createReadStream({ highWaterMark: 1 << 16 }), maxLineLength);
    },
    writeOut(text) {
      // Stream errors (EPIPE…) surface as the stream's 'error' event, handled by main.ts.
      if (stdout.write(text)) return drained ?? Promise.resolve();
      drained ??= new Promise((resolve) => {
        stdout.once("drain", () => {
          drained = null;
          resolve();
        });
      });
      return drained;
    },
    writeErr(text) {
      stderr.write(text);
    },
  };
}

/**
 * Splits a byte stream into lines with the runtime's {@link LineSplitter} (the browser reads
 * files the same way), yielding every complete line of each chunk together.
 */
async function* linesOf(stream: Readable, maxLineLength: number): AsyncIterable<readonly string[]> {
  stream.setEncoding("utf8");
  const splitter = new LineSplitter(maxLineLength);
  let lines: string[] = [];
  let count = 0;
  const collect = (line: string): void => {
    lines.push(line);
    count++;
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    const fits = splitter.push(chunk, collect);
    if (lines.length > 0) {
      yield lines;
      lines = [];
    }
    if (!fits) throw new LineTooLongError(count + 1, maxLineLength);
  }
  splitter.end(collect);
  if (lines.length > 0) yield lines;
}
