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

/** The CLI's IO over Node streams. */
export function createNodeIo(stdin: Readable, stdout: Writable, stderr: Writable): CliIo {
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
      if (path === "-") return linesOf(stdin);
      const handle = await open(path, "r");
      const stat = await handle.stat();
      if (stat.isDirectory()) {
        await handle.close();
        throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: "EISDIR" });
      }
      return linesOf(handle.createReadStream({ highWaterMark: 1 << 16 }));
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
async function* linesOf(stream: Readable): AsyncIterable<readonly string[]> {
  stream.setEncoding("utf8");
  const splitter = new LineSplitter();
  let lines: string[] = [];
  const collect = (line: string): void => {
    lines.push(line);
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    if (!splitter.push(chunk, collect)) {
      throw new Error(`a line is longer than ${DEFAULT_MAX_LINE_LENGTH} characters`);
    }
    if (lines.length > 0) {
      yield lines;
      lines = [];
    }
  }
  splitter.end(collect);
  if (lines.length > 0) yield lines;
}
