import { describe, expect, it } from "vitest";
import { conditionProblem } from "./conditionDiagnostics.ts";

describe("conditionProblem", () => {
  it("is null for a valid condition", () => {
    expect(conditionProblem("eventType == 'cart' && price > 200")).toBeNull();
  });

  it("places a syntax error at its line and column, in plain words", () => {
    // The error is at the end of the text (2:23); the underline covers the last character.
    expect(conditionProblem("price > 10 &&\n  (eventType == 'view'")).toMatchObject({
      line: 2,
      column: 22,
      endColumn: 23,
      message: "Line 2, column 23: expected ')' but found end of expression",
    });
  });

  it("underlines a whole unknown function name", () => {
    expect(conditionProblem("price > 1 && fooBar(1)")).toMatchObject({
      line: 1,
      column: 14,
      endColumn: 20,
      detail: "unknown function 'fooBar'",
    });
  });

  it("underlines the last character for an error at the end", () => {
    expect(conditionProblem("price >")).toMatchObject({ column: 7, endColumn: 8 });
  });

  it("reports an empty condition", () => {
    expect(conditionProblem("")?.message).toBe(
      "Line 1, column 1: expected an expression but found end of expression",
    );
  });

  it("counts a raw CR (or CRLF) as the line break the condition editor shows", () => {
    // `price > 1 &&` then `  foo(1)` on the next line, the break written as `\r` in a rule file's JSON.
    for (const lineBreak of ["\r", "\r\n", "\n"]) {
      expect(conditionProblem(`price > 1 &&${lineBreak}  foo(1)`)).toMatchObject({
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 6,
        message: "Line 2, column 3: unknown function 'foo'",
      });
    }
    // An error at the end, after a final CR: the underline runs from the CR to the end.
    expect(conditionProblem("price >\r")).toMatchObject({ line: 1, column: 8, endLine: 2, endColumn: 1 });
  });
});
