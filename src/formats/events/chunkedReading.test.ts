/**
 * The event readers take text in chunks cut anywhere. A JSON array is read element by element
 * whatever its line structure (one line, as `JSON.stringify` writes it, or pretty-printed), with
 * the file's line:column in its problems; JSON Lines and CSV cut lines at LF, CRLF or a lone CR
 * wherever the chunks end, and a line too long to be an event is skipped without being held.
 */
import { describe, expect, it } from "vitest";
import type { ReadItem } from "./eventReader.ts";
import { createEventReader, type EventFormat } from "./index.ts";
import { RecordLines, type LineBreak } from "./recordLines.ts";
import { MAX_RECORD_LENGTH } from "./recordText.ts";

function readChunks(format: EventFormat, chunks: Iterable<string>): ReadItem[] {
  const items: ReadItem[] = [];
  const reader = createEventReader(format, (item) => items.push(item));
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return items;
}

function* chunksOf(text: string, size: number): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** `text` read whole, checked to read the same cut at every position and in every small size. */
function readEverySplit(format: EventFormat, text: string): ReadItem[] {
  const whole = readChunks(format, [text]);
  for (let cut = 0; cut <= text.length; cut++) {
    expect(readChunks(format, [text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(whole);
  }
  for (const size of [1, 2, 3, 5]) expect(readChunks(format, chunksOf(text, size))).toEqual(whole);
  return whole;
}

const events = (items: readonly ReadItem[]) => items.map((i) => (i.type === "event" ? i.event : i));

describe("a JSON array in chunks", () => {
  it("reads strings, escapes, surrogate pairs and numbers cut anywhere", () => {
    const text =
      '[{"s":"a\\"b\\\\","u":"\\u00e9\\ud83d\\ude00","e":"\ud83d\ude00 [x], {y}"},' +
      '{"n":-12.5e3,"big":12345678901234567890,"z":0},' +
      '{"nested":{"a":[1,[2,{"b":"]"}]]},"t":true,"f":null}]';
    expect(events(readEverySplit("json", text))).toEqual([
      { s: 'a"b\\', u: "\u00e9\ud83d\ude00", e: "\ud83d\ude00 [x], {y}" },
      { n: -12500, big: "12345678901234567890", z: 0 },
      { nested: { a: [1, [2, { b: "]" }]] }, t: true, f: null },
    ]);
  });

  it("reads a pretty-printed array with CRLF line ends, elements on their own lines", () => {
    const text = '\uFEFF[\r\n  {"a": 1},\r\n  {\r\n    "a": 2\r\n  }\r\n]\r\n';
    expect(readEverySplit("json", text)).toEqual([
      { type: "event", line: 2, event: { a: 1 } },
      { type: "event", line: 3, event: { a: 2 } },
    ]);
  });

  it("reports problems at the file's line and column, on line 1 far from its start", () => {
    const good = JSON.stringify(Array.from({ length: 20_000 }, (_, n) => ({ kind: "view", n }))).slice(1, -1);
    const text = `[${good},{"n":1,"x":tru},,{"n":2}] x`;
    const bad = text.indexOf("tru}") + 1;
    expect(bad).toBeGreaterThan(500_000);
    const expected: ReadItem[] = [
      {
        type: "problem",
        line: 1,
        message: `invalid JSON at column ${bad}: unexpected 't'; expected a JSON value (strings need double quotes)`,
      },
      { type: "problem", line: 1, message: `expected an element before ',' (column ${bad + 5})` },
      { type: "event", line: 1, event: { n: 2 } },
      { type: "problem", line: 1, message: `unexpected text after the closing ']' (column ${text.length})` },
    ];
    for (const size of [text.length, 65_536, 4_099, 1_000]) {
      const items = readChunks("json", chunksOf(text, size));
      expect(items).toHaveLength(20_000 + 4);
      expect(items.slice(20_000)).toEqual(expected);
    }
  });

  it("reports an element over the bound of one event and reads the next, holding none of it", () => {
    const huge = "x".repeat(MAX_RECORD_LENGTH);
    const text = `[{"a":0},{"big":"${huge}"},{"a":2}]`;
    const expected: ReadItem[] = [
      { type: "event", line: 1, event: { a: 0 } },
      { type: "problem", line: 1, message: "the record is 10.0 MB, over the 10.0 MB an event may be" },
      { type: "event", line: 1, event: { a: 2 } },
    ];
    for (const size of [text.length, 65_536, 999_999])
      expect(readChunks("json", chunksOf(text, size))).toEqual(expected);
  });

  it("says where an element over the bound started when the input ends before it closes", () => {
    const text = `[{"a":0},\n {"open":"${"x".repeat(MAX_RECORD_LENGTH)}`;
    expect(readChunks("json", chunksOf(text, 65_536))).toEqual([
      { type: "event", line: 1, event: { a: 0 } },
      {
        type: "problem",
        line: 2,
        message:
          "the element starting here (column 2) is not closed by the end of the input (an unclosed string or bracket?); its 10.0 MB are skipped",
      },
      { type: "problem", line: 2, message: "unexpected end of input: the array is not closed with ']'" },
    ]);
  });

  it("reports problems on their lines in a file whose line breaks are lone CRs or mixed", () => {
    const text = '[\r  {"a": 1},\r\n  {"a": tru},\r  {\r    "a": 1e999\r  }\n]\rx';
    expect(readEverySplit("json", text)).toEqual([
      { type: "event", line: 2, event: { a: 1 } },
      {
        type: "problem",
        line: 3,
        message:
          "invalid JSON at column 9: unexpected 't'; expected a JSON value (strings need double quotes)",
      },
      { type: "problem", line: 5, message: expect.stringMatching(/^a at column 10: /) as unknown },
      { type: "problem", line: 8, message: "unexpected text after the closing ']' (column 1)" },
    ]);
  });

  it("refuses UTF-16 and binary text on the first line, however it is cut", () => {
    const utf16 = "\uFFFD\uFFFD[\u0000{\u0000}\u0000]\u0000";
    for (const size of [1, 3, 100]) {
      expect(readChunks("json", chunksOf(utf16, size))).toEqual([
        {
          type: "fatal",
          line: 1,
          message: "the file is UTF-16 text, not UTF-8 (a NUL byte between its characters): save it as UTF-8",
        },
      ]);
    }
    // A NUL far into a first line that is read in many chunks still stops the reading there.
    const binary = `[${'{"a":1},'.repeat(100)}\u0000]`;
    const items = readChunks("json", chunksOf(binary, 50));
    expect(items.at(-1)).toEqual({
      type: "fatal",
      line: 1,
      message:
        "the file is not a text file (it holds NUL bytes): CEP Studio reads CSV, JSON and JSON Lines text",
    });
  });
});

describe("lines in chunks (JSON Lines, CSV)", () => {
  /** The lines `RecordLines` makes of `chunks`, too-long ones as their length. */
  function lines(chunks: readonly string[], maxLength = 10): (string | number)[] {
    const out: (string | number)[] = [];
    const splitter = new RecordLines(
      {
        line: (text: string, lineBreak: LineBreak) => out.push(`${text}${JSON.stringify(lineBreak)}`),
        tooLong: (length: number) => out.push(length),
      },
      maxLength,
    );
    for (const chunk of chunks) splitter.push(chunk);
    splitter.end();
    return out;
  }

  it("ends lines at LF, CRLF and a lone CR, also when a chunk ends between CR and LF", () => {
    const expected = ['a"\\r\\n"', 'b"\\r"', 'c"\\n"', '"\\r"', 'd""'];
    expect(lines(["a\r\nb\rc\n\rd"])).toEqual(expected);
    expect(lines(["a\r", "\nb\r", "c\n\r", "", "d"])).toEqual(expected);
    expect(lines(["a\r"])).toEqual(['a"\\r"']);
  });

  it("skips a line longer than the bound without holding it, and reads the next", () => {
    expect(lines(["0123456789", "0", "\r", "\nok\n", "x".repeat(25)])).toEqual([11, 'ok"\\n"', 25]);
  });

  it("gives a malformed quoted CSV field's column on the CR-ended line it is on", () => {
    expect(readEverySplit("csv", 'n,v\r1,"a\rbc"x\r')).toEqual([
      {
        type: "problem",
        line: 2,
        message: 'malformed CSV: unexpected "x" after the closing quote of field 2 (column 4)',
      },
    ]);
  });

  it("reads a CSV whose only line breaks are lone CRs, in small chunks", () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},"v\r${i}"`);
    const text = `n,v\r${rows.join("\r")}\r`;
    const items = readEverySplit("csv", text);
    expect(items).toHaveLength(20);
    expect(items[19]).toEqual({ type: "event", line: 40, event: { n: 19, v: "v\r19" } });
  });
});
