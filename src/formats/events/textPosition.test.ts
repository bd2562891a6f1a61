/**
 * `TextPosition` over chunks cut anywhere (also between the CR and the LF of a CRLF, or just after
 * a byte-order mark) gives every character the position `linePositions` gives it in the whole
 * text: the one rule of `lineBreaks.ts`, which its own tests check against splitting the text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linePositions, type LinePosition } from "../../text/lineBreaks.ts";
import { TextPosition } from "./textPosition.ts";

const BREAK = /\r\n|\r|\n/;

/** Short lines joined by random breaks, sometimes after a byte-order mark. */
const textWithBreaks = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.string({ unit: fc.constantFrom("a", "😀", " ", "\uFEFF"), maxLength: 4 }),
        fc.constantFrom("\n", "\r\n", "\r"),
      ),
      { maxLength: 10 },
    ),
    fc.string({ unit: fc.constantFrom("x", "\r", "\n"), maxLength: 3 }),
  )
  .map(
    ([bom, lines, tail]) =>
      (bom ? "\uFEFF" : "") + lines.map(([text, lineBreak]) => text + lineBreak).join("") + tail,
  );

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

describe("TextPosition over chunks", () => {
  it("agrees with the whole text whatever the chunks, a CRLF cut between CR and LF included", () => {
    fc.assert(
      fc.property(textWithBreaks, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const { positions, reader } = positionsInChunks(chunksAt(text, cuts));
        const whole = linePositions(text);
        expect(positions).toEqual(Array.from({ length: text.length }, (_, i) => whole(i)));
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

  it("gives no column to a byte-order mark in a chunk of its own, after empty chunks or not", () => {
    for (const chunks of [["\uFEFF", "[x"], ["", "\uFEFF", "", "[x"], ["\uFEFF[x"]]) {
      expect(positionsInChunks(chunks).positions.at(-1)).toEqual({ line: 1, column: 2 });
    }
    // A U+FEFF that starts a later chunk is text.
    expect(positionsInChunks(["[", "\uFEFFx"]).positions.at(-1)).toEqual({ line: 1, column: 3 });
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
