/**
 * Event files as they come from outside: old Mac line ends, text that is not UTF-8 (UTF-16,
 * Latin-1), records over the size bound, a stray quote that would swallow the rest of a CSV, and
 * a JSON array / JSON Lines mix-up. The CLI and the simulator share these readers, so they
 * say the same thing about the same file.
 */
import { describe, expect, it } from "vitest";
import type { ReadItem } from "./eventReader.ts";
import { createEventReader, type EventFormat } from "./index.ts";
import { MAX_RECORD_LENGTH, textEncodingProblem } from "./recordText.ts";

/** What a reader makes of `text` given in `chunks`. */
function readChunks(format: EventFormat, chunks: readonly string[]): ReadItem[] {
  const items: ReadItem[] = [];
  const reader = createEventReader(format, (item) => items.push(item));
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return items;
}

/** `text` in chunks of `size` characters. */
function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** What a reader makes of `text`, checked to be the same whatever chunks the text comes in. */
function read(format: EventFormat, text: string): ReadItem[] {
  const whole = readChunks(format, [text]);
  const sizes = text.length < 100_000 ? [1, 2, 7] : [65_536, 1_000_003];
  for (const size of sizes) expect(readChunks(format, chunksOf(text, size))).toEqual(whole);
  return whole;
}

/** Text as a UTF-8 decoder (`TextDecoder`, Node's `setEncoding("utf8")`) reads `bytes`. */
function decodeUtf8(bytes: readonly number[]): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(bytes));
}

/** `text` written as UTF-16 (little-endian, with its byte-order mark). */
function utf16le(text: string): number[] {
  const bytes = [0xff, 0xfe];
  for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return bytes;
}

const NOT_UTF8 =
  "bytes that are not UTF-8, read as '\uFFFD' (is the file Latin-1 or Windows-1252? save it as UTF-8)";

describe("lone CR line ends (classic Mac, some Excel exports)", () => {
  it("ends CSV records at a lone CR, with the lines counted, and keeps one inside quotes as data", () => {
    expect(read("csv", 'id,text\r1,a\r2,"two\rlines"\r3,c\r')).toEqual([
      { type: "event", line: 2, event: { id: 1, text: "a" } },
      { type: "event", line: 3, event: { id: 2, text: "two\rlines" } },
      { type: "event", line: 5, event: { id: 3, text: "c" } },
    ]);
  });

  it("reads a file mixing CR, LF and CRLF ends, reporting bad rows on their own line", () => {
    expect(read("csv", "a,b\r1,2\n3\r\n4,5\r6")).toEqual([
      { type: "event", line: 2, event: { a: 1, b: 2 } },
      { type: "problem", line: 3, message: "expected 2 fields (as in the header), found 1" },
      { type: "event", line: 4, event: { a: 4, b: 5 } },
      { type: "problem", line: 5, message: "expected 2 fields (as in the header), found 1" },
    ]);
  });

  it("ends JSON Lines records at a lone CR, as Flink's line-based file sources read them", () => {
    expect(read("jsonl", '{"a":1}\r{"a":2}\r\r{"a":3}\r')).toEqual([
      { type: "event", line: 1, event: { a: 1 } },
      { type: "event", line: 2, event: { a: 2 } },
      { type: "event", line: 4, event: { a: 3 } },
    ]);
  });
});

describe("text that is not UTF-8", () => {
  const csv = "user,t\n1,1000\n2,2000\n";

  it("refuses UTF-16 (with or without a byte-order mark) at line 1, saying so, in every format", () => {
    const utf16 = "the file is UTF-16 text, not UTF-8 (a NUL byte between its characters): save it as UTF-8";
    expect(read("csv", decodeUtf8(utf16le(csv)))).toEqual([{ type: "fatal", line: 1, message: utf16 }]);
    expect(read("jsonl", decodeUtf8(utf16le('{"user":1}\n')))).toEqual([
      { type: "fatal", line: 1, message: utf16 },
    ]);
    expect(read("json", decodeUtf8(utf16le('[{"user":1}]\n')))).toEqual([
      { type: "fatal", line: 1, message: utf16 },
    ]);
    expect(read("csv", decodeUtf8(utf16le(csv).slice(2)))).toEqual([
      { type: "fatal", line: 1, message: utf16 },
    ]);
  });

  it("names NUL bytes that are not UTF-16 as a file that is not text", () => {
    expect(textEncodingProblem("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR")).toBe(
      "the file is not a text file (it holds NUL bytes): CEP Studio reads CSV, JSON and JSON Lines text",
    );
    expect(textEncodingProblem("user,t\n1,2\n")).toBeNull();
  });

  it("reads a Latin-1 row with a warning naming its column (CSV) or position (JSON)", () => {
    const latin1 = decodeUtf8([
      ...new TextEncoder().encode("user,city\n1,"),
      0x4d,
      0xfc,
      0x6e,
      0x63,
      0x68,
      0x65,
      0x6e,
      0x0a,
    ]);
    expect(read("csv", latin1)).toEqual([
      {
        type: "event",
        line: 2,
        event: { user: 1, city: "M\uFFFDnchen" },
        warning: `column 'city': ${NOT_UTF8}`,
      },
    ]);
    expect(read("jsonl", '{"user":1,"city":"M\uFFFDnchen"}\n')).toEqual([
      { type: "event", line: 1, event: { user: 1, city: "M\uFFFDnchen" }, warning: `column 20: ${NOT_UTF8}` },
    ]);
  });
});

describe("records over the size bound", () => {
  const over = MAX_RECORD_LENGTH + 1;
  const bound = "the record is 10.0 MB, over the 10.0 MB an event may be";

  it("skips a CSV or JSON Lines record longer than the bound, saying so, and reads on", () => {
    expect(read("csv", `id,blob\n1,${"x".repeat(over)}\n2,y\n`)).toEqual([
      { type: "problem", line: 2, message: bound },
      { type: "event", line: 3, event: { id: 2, blob: "y" } },
    ]);
    expect(read("jsonl", `{"blob":"${"x".repeat(over)}"}\n{"id":2}\n`)).toEqual([
      { type: "problem", line: 1, message: bound },
      { type: "event", line: 2, event: { id: 2 } },
    ]);
  });

  it("stops a stray quote from swallowing the rest of a CSV: it gives up at the bound and reads on", () => {
    const blob = "x".repeat(1 << 20);
    const rows = Array.from({ length: 12 }, () => `r,${blob}`);
    const items = read("csv", `id,blob\n1,"open\n${rows.join("\n")}\n2,after\n`);
    // 10 rows of 1 MiB pass the bound at line 12; lines 13 and 14 are read as records again.
    expect(items.map((item) => (item.type === "event" ? item.line : item))).toEqual([
      {
        type: "problem",
        line: 2,
        message:
          "the quoted field opened on this line is not closed within 10.0 MB (a stray '\"'?); lines 2 to 12 are skipped",
      },
      13,
      14,
      15,
    ]);
    expect(items.at(-1)).toEqual({ type: "event", line: 15, event: { id: 2, blob: "after" } });
  });
});
