/**
 * Positions in condition errors use the line breaks of every other position CEP Studio reports
 * (`lineBreaks.ts`): LF, CRLF (once) and a lone CR, which an expression may hold when a rule file
 * writes `\r` inside its JSON string or the user pastes one into the condition editor.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { positionAt } from "./errors.ts";
import { compileExpression, ExprRuntimeError, ExprSyntaxError } from "./index.ts";
import { syntaxErrorOf } from "./testing/syntaxErrorOf.ts";

const BREAK = /\r\n|\r|\n/;

/** Where `offset` is when the text before it is split on {@link BREAK} (any offset not inside a CRLF). */
function splitPosition(source: string, offset: number): { line: number; column: number } {
  const lines = source.slice(0, offset).split(BREAK);
  return { line: lines.length, column: (lines.at(-1) ?? "").length + 1 };
}

/** Tokens of a condition separated by blanks and random line breaks, with a stray `@` somewhere. */
const expressionWithBreaks = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        "price",
        ">",
        "1",
        "&&",
        "(",
        ")",
        "'a\\rb'",
        "'x\ry'",
        "#x",
        "string.length(s)",
        "é",
        "'😀'",
      ),
      fc.constantFrom(" ", "\t", "\n", "\r\n", "\r", "\r\r", "\n\r", " \r\n "),
    ),
    { minLength: 1, maxLength: 10 },
  )
  .chain((tokens) =>
    fc.nat(tokens.length).map((at) => {
      const parts = tokens.map(([token, space]) => token + space);
      parts.splice(at, 0, "@ ");
      return parts.join("");
    }),
  );

function syntaxError(source: string): ExprSyntaxError {
  return syntaxErrorOf(source, compileExpression);
}

describe("positionAt", () => {
  it("agrees with splitting the text on /\\r\\n|\\r|\\n/ at every offset outside a CRLF", () => {
    fc.assert(
      fc.property(expressionWithBreaks, (source) => {
        for (let offset = 0; offset <= source.length; offset++) {
          if (source.charAt(offset) === "\n" && source.charAt(offset - 1) === "\r") {
            // The LF of a CRLF is on the line the break ends, with its CR.
            const cr = splitPosition(source, offset - 1);
            expect(positionAt(source, offset)).toEqual({ line: cr.line, column: cr.column + 1 });
          } else {
            expect(positionAt(source, offset)).toEqual(splitPosition(source, offset));
          }
        }
      }),
    );
  });

  it("clamps offsets to the text", () => {
    expect(positionAt("a\rb", -3)).toEqual({ line: 1, column: 1 });
    expect(positionAt("a\rb", 99)).toEqual({ line: 2, column: 2 });
  });
});

describe("error positions with raw CRs", () => {
  it("put a syntax error on the line and column the split text puts its offset on", () => {
    fc.assert(
      fc.property(expressionWithBreaks, (source) => {
        const error = syntaxError(source);
        const { line, column } = splitPosition(source, error.offset);
        expect([error.line, error.column]).toEqual([line, column]);
        expect(error.message.startsWith(`${line}:${column}: `)).toBe(true);
      }),
    );
  });

  it("count a CR as a line break in syntax and runtime errors alike", () => {
    expect(syntaxError("price > 1 &&\r\r  foo(1)").message).toBe("3:3: unknown function 'foo'");
    expect(syntaxError("price > 1 &&\r\n  foo(1)").message).toBe("2:3: unknown function 'foo'");
    let error: unknown = null;
    try {
      compileExpression("a == 1 &&\r  b + 1 > 2").evaluate({
        event: { a: 1 },
        getEventsForPattern: () => [],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExprRuntimeError);
    expect((error as ExprRuntimeError).message).toBe("2:3: could not add nil with long 1");
  });
});
