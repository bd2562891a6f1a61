/**
 * What the CLI needs from its host, so commands can run in-process in tests and on real
 * stdio in `main.ts`. The Node implementation streams files in chunks, which the event readers
 * take as they come (a file needs no line breaks to be streamed).
 */
import { open } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";

/** Bytes read from a file at a time by default. */
const CHUNK_BYTES = 1 << 16;

export interface CliIo {
  /** A whole (small) file as UTF-8 text. Rejects with the system error. */
  readText(path: string): Promise<string>;
  /**
   * The text of a file, or of stdin for "-", as UTF-8 chunks cut anywhere (never inside a
   * character). Rejects if the file cannot be opened; the iteration throws on a read error.
   */
  readChunks(path: string): Promise<AsyncIterable<string>>;
  /** Writes to stdout; resolves when the stream can take more. */
  writeOut(text: string): Promise<void>;
  writeErr(text: string): void;
}

/**
 * The CLI's IO over Node streams; `chunkBytes` is how much of a file {@link CliIo.readChunks}
 * reads at a time (tests read in small chunks to cut records anywhere).
 */
export function createNodeIo(
  stdin: Readable,
  stdout: Writable,
  stderr: Writable,
  chunkBytes: number = CHUNK_BYTES,
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
    async readChunks(path) {
      if (path === "-") return textOf(stdin);
      const handle = await open(path, "r");
      const stat = await handle.stat();
      if (stat.isDirectory()) {
        await handle.close();
        throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: "EISDIR" });
      }
      return textOf(handle.createReadStream({ highWaterMark: chunkBytes }));
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

/** A byte stream's text, decoded as UTF-8 (a character cut between chunks is joined). */
function textOf(stream: Readable): AsyncIterable<string> {
  stream.setEncoding("utf8");
  return stream as AsyncIterable<string>;
}
