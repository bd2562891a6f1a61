/**
 * One definition of a line and a column behind every `line:column` CEP Studio reports: line
 * breaks (LF, CRLF once, lone CR) checked against splitting the text on /\r\n|\r|\n/, and a
 * leading byte-order mark, which takes no column.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  lineEnd,
  linePositions,
  splitLines,
  startsWithByteOrderMark,
  type LinePosition,
} from "./lineBreaks.ts";

const BREAK = /\r\n|\r|\n/;
const BOM = "\uFEFF";

/**
 * Lines of text (with characters that look like breaks to someone: U+2028, `\\r`; and U+FEFF,
 * which is a character when it does not start the text) joined by random breaks, sometimes after
 * a byte-order mark.
 */
const textWithBreaks = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "\t", "\u2028", "\\", "r", "{", BOM) }),
        fc.constantFrom("\n", "\r\n", "\r"),
      ),
      { maxLength: 12 },
    ),
    fc.string({ unit: fc.constantFrom("x", "\r", "\n"), maxLength: 3 }),
  )
  .map(
    ([bom, lines, tail]) =>
      (bom ? BOM : "") + lines.map(([text, lineBreak]) => text + lineBreak).join("") + tail,
  );

/**
 * The position of every offset of `text` and of its end, from the text split on {@link BREAK}: a
 * line's characters from column 1, then its break's characters, which are on the line they end.
 * A leading byte-order mark is at 1:1, as the character after it.
 */
function expectedPositions(text: string): LinePosition[] {
  if (text.startsWith(BOM)) return [{ line: 1, column: 1 }, ...positionsOfLines(text.slice(1))];
  return positionsOfLines(text);
}

function positionsOfLines(text: string): LinePosition[] {
  const positions: LinePosition[] = [];
  const lines = text.split(BREAK);
  let offset = 0;
  lines.forEach((line, index) => {
    const breakLength = text.startsWith("\r\n", offset + line.length) ? 2 : index < lines.length - 1 ? 1 : 0;
    const last = index === lines.length - 1;
    // The last line's positions run to just after its last character: the end of the text.
    for (let column = 1; column <= line.length + breakLength + (last ? 1 : 0); column++)
      positions.push({ line: index + 1, column });
    offset += line.length + breakLength;
  });
  return positions;
}

describe("the line break rule", () => {
  it("splits lines as /\\r\\n|\\r|\\n/ does", () => {
    fc.assert(
      fc.property(textWithBreaks, (text) => {
        expect(splitLines(text)).toEqual(text.split(BREAK));
      }),
    );
  });

  it("puts every offset, and the end of the text, on the line and column the split text puts it on", () => {
    fc.assert(
      fc.property(textWithBreaks, (text) => {
        const position = linePositions(text);
        const expected = expectedPositions(text);
        expect(expected).toHaveLength(text.length + 1);
        for (let offset = 0; offset <= text.length; offset++)
          expect(position(offset)).toEqual(expected[offset]);
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

describe("a byte-order mark", () => {
  it("takes no column at the start of the text, on line 1 only", () => {
    const text = `${BOM}{"a": x,\r\n "b": y}`;
    const position = linePositions(text);
    expect(position(text.indexOf("x"))).toEqual({ line: 1, column: 7 });
    expect(position(text.indexOf("y"))).toEqual({ line: 2, column: 7 });
    expect(position(0)).toEqual({ line: 1, column: 1 });
    expect(position(1)).toEqual({ line: 1, column: 1 });
  });

  it("is a character anywhere else, as U+FEFF inside a value is", () => {
    const text = `{"a": "${BOM}", ${BOM}x}`;
    expect(startsWithByteOrderMark(text)).toBe(false);
    expect(linePositions(text)(text.indexOf("x"))).toEqual({ line: 1, column: text.indexOf("x") + 1 });
    // Only the first of two is a byte-order mark.
    expect(linePositions(`${BOM}${BOM}x`)(2)).toEqual({ line: 1, column: 2 });
  });
});
