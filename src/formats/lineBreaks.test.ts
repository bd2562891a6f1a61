/**
 * One definition of a line break (LF, CRLF once, lone CR) behind every `line:column` CEP Studio
 * reports: the whole-text mapping, and `TextPosition` over chunks cut anywhere (also between the
 * CR and the LF of a CRLF), both checked against splitting the text on /\r\n|\r|\n/.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextPosition } from "./events/textPosition.ts";
import { lineEnd, linePositions, splitLines, type LinePosition } from "./lineBreaks.ts";

const BREAK = /\r\n|\r|\n/;

/** Lines of text (with characters that look like breaks to someone: U+2028, `\\r`) joined by random breaks. */
const textWithBreaks = fc
  .array(
    fc.tuple(
      fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "\t", "\u2028", "\\", "r", "{") }),
      fc.constantFrom("\n", "\r\n", "\r"),
    ),
    { maxLength: 12 },
  )
  .chain((lines) =>
    fc
      .string({ unit: fc.constantFrom("x", "\r", "\n"), maxLength: 3 })
      .map((tail) => lines.map(([text, lineBreak]) => text + lineBreak).join("") + tail),
  );

/**
 * The position of every offset of `text`, from the text split on {@link BREAK}: a line's characters
 * from column 1, then its break's characters, which are on the line they end.
 */
function expectedPositions(text: string): LinePosition[] {
  const positions: LinePosition[] = [];
  const lines = text.split(BREAK);
  let offset = 0;
  lines.forEach((line, index) => {
    const breakLength = text.startsWith("\r\n", offset + line.length) ? 2 : index < lines.length - 1 ? 1 : 0;
    for (let column = 1; column <= line.length + breakLength; column++)
      positions.push({ line: index + 1, column });
    offset += line.length + breakLength;
  });
  return positions;
}

/** `text` cut at `cuts` (offsets, in any order, repeats allowed: empty chunks). */
function chunksAt(text: string, cuts: readonly number[]): string[] {
  const sorted = [...cuts].map((c) => c % (text.length + 1)).sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const cut of sorted) {
    chunks.push(text.slice(from, cut));
    from = cut;
  }
  chunks.push(text.slice(from));
  return chunks;
}

describe("the line break rule", () => {
  it("splits lines as /\\r\\n|\\r|\\n/ does", () => {
    fc.assert(
      fc.property(textWithBreaks, (text) => {
        expect(splitLines(text)).toEqual(text.split(BREAK));
      }),
    );
  });

  it("puts every offset on the line and column the split text puts it on", () => {
    fc.assert(
      fc.property(textWithBreaks, (text) => {
        const position = linePositions(text);
        const expected = expectedPositions(text);
        for (let offset = 0; offset < text.length; offset++)
          expect(position(offset)).toEqual(expected[offset]);
        // The end of the text is on the last line, after its last character.
        const last = text.split(BREAK).at(-1) ?? "";
        expect(position(text.length)).toEqual({ line: text.split(BREAK).length, column: last.length + 1 });
      }),
    );
  });

  it("ends the first line at its first break of any kind", () => {
    expect(lineEnd("ab\rc\nd")).toBe(2);
    expect(lineEnd("ab\r\nc")).toBe(2);
    expect(lineEnd("abc")).toBe(3);
    expect(lineEnd("a\nb\rc", 2)).toBe(3);
  });

  it("counts a CR-only text's lines as an editor does, not as one line", () => {
    const text = '[\r  {"a": 1},\r  {"a": tru}\r]\r';
    expect(linePositions(text)(text.indexOf("tru"))).toEqual({ line: 3, column: 9 });
  });
});

describe("TextPosition over chunks", () => {
  /** Reads `chunks`, asking for the position of every character, in order. */
  function positionsInChunks(chunks: readonly string[]): { positions: LinePosition[]; reader: TextPosition } {
    const reader = new TextPosition();
    const positions: LinePosition[] = [];
    for (const chunk of chunks) {
      reader.startChunk(chunk);
      for (let i = 0; i < chunk.length; i++)
        positions.push({ line: reader.lineAt(i), column: reader.columnAt(i) });
      reader.finishChunk();
    }
    return { positions, reader };
  }

  it("agrees with the whole text whatever the chunks, a CRLF cut between CR and LF included", () => {
    fc.assert(
      fc.property(textWithBreaks, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const { positions, reader } = positionsInChunks(chunksAt(text, cuts));
        expect(positions).toEqual(expectedPositions(text));
        const lines = text.split(BREAK);
        const endsWithBreak = text !== "" && lines.at(-1) === "";
        expect(reader.lineBreaks).toBe(lines.length - 1);
        expect(reader.atLineStart).toBe(text === "" || endsWithBreak);
        expect(reader.lastLine).toBe(endsWithBreak ? lines.length - 1 : lines.length);
        expect(reader.onFirstLine).toBe(lines.length === 1);
      }),
    );
  });

  it("counts a CRLF cut between two chunks, or between chunks with empty ones between, once", () => {
    for (const chunks of [
      ["a\r", "\nb"],
      ["a\r", "", "\nb"],
      ["a", "\r", "\n", "b"],
    ]) {
      const { positions, reader } = positionsInChunks(chunks);
      expect(positions.at(-1)).toEqual({ line: 2, column: 1 });
      expect(reader.lineBreaks).toBe(1);
    }
    const cr = positionsInChunks(["a\r", "b"]);
    expect(cr.positions.at(-1)).toEqual({ line: 2, column: 1 });
  });

  it("stays linear on one long line asked for many positions, and on a line of lone CRs", () => {
    const line = "x".repeat(4_000_000);
    const reader = new TextPosition();
    for (let chunk = 0; chunk < 8; chunk++) {
      reader.startChunk(line);
      for (let i = 0; i < line.length; i += 40) reader.columnAt(i);
      reader.finishChunk();
    }
    expect(reader.lastLine).toBe(1);
    const crs = "\r".repeat(2_000_000);
    reader.startChunk(crs);
    expect(reader.lineAt(crs.length - 1)).toBe(2_000_000);
    reader.finishChunk();
    expect(reader.lastLine).toBe(2_000_000);
  });
});
