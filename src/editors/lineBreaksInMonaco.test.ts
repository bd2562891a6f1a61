/**
 * The Source view and the JSON editors underline a problem at the `line:column` CEP Studio
 * reports, so Monaco must number lines as `lineBreaks.ts` does: LF, CRLF and a lone CR each end a
 * line. Checked against the text buffer Monaco builds for a model (its line breaks normalized,
 * as `createModel` does), for texts mixing every kind of break.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PieceTreeTextBufferBuilder } from "monaco-editor/editor/common/model/pieceTreeTextBuffer/pieceTreeTextBufferBuilder.js";
import { parseJsonText } from "../formats/json/jsonText.ts";
import { linePositions, splitLines } from "../formats/lineBreaks.ts";

/** The lines of `text` as a Monaco model holds them. */
function monacoLines(text: string): string[] {
  const builder = new PieceTreeTextBufferBuilder();
  builder.acceptChunk(text);
  const { textBuffer } = builder.finish(true).create(1);
  return Array.from({ length: textBuffer.getLineCount() }, (_, i) => textBuffer.getLineContent(i + 1));
}

const textWithBreaks = fc
  .array(
    fc.tuple(
      fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "\t", "\u2028", "\u0085", "{") }),
      fc.constantFrom("\n", "\r\n", "\r"),
    ),
    { maxLength: 10 },
  )
  .chain((lines) =>
    fc
      .string({ unit: fc.constantFrom("x", "\r", "\n"), maxLength: 3 })
      .map((tail) => lines.map(([text, lineBreak]) => text + lineBreak).join("") + tail),
  );

describe("line numbers in Monaco", () => {
  it("are ours: each character is at the line and column Monaco shows it", () => {
    fc.assert(
      // Monaco's builder reads a text that is one lone CR as two (three lines): not a rule file.
      fc.property(
        textWithBreaks.filter((text) => text !== "\r"),
        (text) => {
          const lines = monacoLines(text);
          expect(lines).toEqual(splitLines(text));
          const position = linePositions(text);
          for (let offset = 0; offset < text.length; offset++) {
            const c = text.charAt(offset);
            if (c === "\r" || c === "\n") continue;
            const { line, column } = position(offset);
            expect(lines[line - 1]?.charAt(column - 1)).toBe(c);
          }
        },
      ),
    );
  });

  it("underline a CR-only rule file's syntax error at the character the message names", () => {
    const text = '{\r  "name": "end",\r  "nodes": [\r    {"name": "a", "type": ATOMIC}\r  ]\r}\r';
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { line, column } = result.problem;
    expect(line).toBe(4);
    expect(monacoLines(text)[line - 1]?.slice(column - 1)).toBe("ATOMIC}");
  });
});
