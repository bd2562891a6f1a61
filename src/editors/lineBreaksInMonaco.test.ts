/**
 * The Source view, the JSON editors and the condition editors underline a problem at the
 * `line:column` CEP Studio reports, so Monaco must number lines and columns as `lineBreaks.ts`
 * does: LF, CRLF and a lone CR each end a line, and a leading byte-order mark (which Monaco keeps
 * aside, off line 1) takes no column. Checked against the text buffer Monaco builds for a model
 * (its line breaks normalized, as `createModel` and `setValue` do), for texts mixing every kind of
 * break, and for condition expressions holding raw CRs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PieceTreeTextBufferBuilder } from "monaco-editor/editor/common/model/pieceTreeTextBuffer/pieceTreeTextBufferBuilder.js";
import { compileExpression, ExprSyntaxError } from "../expr/index.ts";
import { parseJsonText } from "../formats/json/jsonText.ts";
import { linePositions, splitLines } from "../text/lineBreaks.ts";
import { conditionProblem } from "./conditionDiagnostics.ts";

const BOM = "\uFEFF";

/** The lines of `text` as a Monaco model holds them. */
function monacoLines(text: string): string[] {
  const builder = new PieceTreeTextBufferBuilder();
  builder.acceptChunk(text);
  const { textBuffer } = builder.finish(true).create(1);
  return Array.from({ length: textBuffer.getLineCount() }, (_, i) => textBuffer.getLineContent(i + 1));
}

const textWithBreaks = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "\t", "\u2028", "\u0085", "{", BOM) }),
        fc.constantFrom("\n", "\r\n", "\r"),
      ),
      { maxLength: 10 },
    ),
    fc.string({ unit: fc.constantFrom("x", "\r", "\n"), maxLength: 3 }),
  )
  .map(
    ([bom, lines, tail]) =>
      (bom ? BOM : "") + lines.map(([text, lineBreak]) => text + lineBreak).join("") + tail,
  );

/** `text` without the byte-order mark that starts it, if it does (Monaco keeps that one aside). */
function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

describe("line numbers in Monaco", () => {
  it("are ours: each character is at the line and column Monaco shows it", () => {
    fc.assert(
      // Monaco's builder reads a text that is one lone CR as two (three lines): not a rule file.
      fc.property(
        textWithBreaks.filter((text) => withoutBom(text) !== "\r"),
        (text) => {
          const lines = monacoLines(text);
          expect(lines).toEqual(splitLines(withoutBom(text)));
          const position = linePositions(text);
          for (let offset = text.startsWith(BOM) ? 1 : 0; offset < text.length; offset++) {
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

  it("underline a byte-order-marked rule file's error on line 1 at the character the message names", () => {
    const text = `${BOM}{"name": "end", "nodes": [{"name": "a", "type": ATOMIC}]}\r\n`;
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { line, column } = result.problem;
    expect(line).toBe(1);
    expect(monacoLines(text)[0]?.slice(column - 1)).toBe("ATOMIC}]}");
  });
});

/** Condition expressions spread over lines with random breaks, a stray `@` somewhere. */
const expressionWithBreaks = fc
  .array(
    fc.tuple(
      fc.constantFrom("price", ">", "1", "&&", "(", ")", "'a\u2028b'", "#x", "string.length(s)"),
      fc.constantFrom(" ", "\n", "\r\n", "\r", "\r\r", "\n\r"),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .chain((tokens) =>
    fc.nat(tokens.length).map((at) => {
      const parts = tokens.map(([token, space]) => token + space);
      parts.splice(at, 0, "@ ");
      return parts.join("");
    }),
  );

describe("condition positions in Monaco", () => {
  it("name the line and column where the condition editor shows the offending character", () => {
    fc.assert(
      fc.property(expressionWithBreaks, (source) => {
        const lines = monacoLines(source);
        let error: unknown = null;
        try {
          compileExpression(source);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ExprSyntaxError);
        if (!(error instanceof ExprSyntaxError)) return;
        // At the `@`, or at a token before it the parser gives up on: a character, never the end.
        expect(error.offset).toBeLessThan(source.length);
        expect(lines[error.line - 1]?.charAt(error.column - 1)).toBe(source.charAt(error.offset));
        const problem = conditionProblem(source);
        expect(problem).toMatchObject({ line: error.line, column: error.column });
        expect(problem?.message.startsWith(`Line ${error.line}, column ${error.column}: `)).toBe(true);
      }),
    );
  });

  it("put a raw CR's next line where Monaco does, not on line 1", () => {
    const source = "price > 1 &&\rfoo(1)";
    expect(monacoLines(source)).toEqual(["price > 1 &&", "foo(1)"]);
    expect(conditionProblem(source)).toMatchObject({
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 4,
      message: "Line 2, column 1: unknown function 'foo'",
    });
  });
});
