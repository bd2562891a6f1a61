/**
 * Checks a condition expression the way the simulator will compile it (`compileExpression`:
 * syntax, unknown functions, argument counts, limits) and turns the first problem into a
 * range the editor underlines plus a sentence in plain words. Pure: no Monaco, no DOM.
 */
import { compileExpression, ExprSyntaxError, positionAt } from "../expr/index.ts";

/** A problem in a condition: 1-based line/columns (UTF-16 units, as Monaco counts), end exclusive. */
export interface ConditionProblem {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The interpreter's message without its position, e.g. `unknown function 'foo'`. */
  readonly detail: string;
  /** `Line 1, column 7: expected an expression but found end of expression`. */
  readonly message: string;
}

const NAME_PART = /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}.]/u;

/** The first problem the interpreter finds in `source`, or null when it compiles. */
export function conditionProblem(source: string): ConditionProblem | null {
  try {
    compileExpression(source);
    return null;
  } catch (error) {
    if (!(error instanceof ExprSyntaxError)) throw error;
    return problemFrom(source, error);
  }
}

function problemFrom(source: string, error: ExprSyntaxError): ConditionProblem {
  const { start, end } = underlined(source, error.offset);
  const from = positionAt(source, start);
  const to = positionAt(source, end);
  return {
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    detail: error.detail,
    message: `Line ${error.line}, column ${error.column}: ${error.detail}`,
  };
}

/**
 * The text to underline for an error at `offset`: the whole name there (`foo` in `foo(1)`),
 * else one character; an error at the end of the text underlines the last character, since an
 * empty range would draw nothing.
 */
function underlined(source: string, offset: number): { start: number; end: number } {
  if (source.length === 0) return { start: 0, end: 0 };
  const start = Math.min(Math.max(offset, 0), source.length);
  if (start === source.length) return { start: start - 1, end: start };
  let end = start;
  while (end < source.length && NAME_PART.test(source.charAt(end))) end++;
  return { start, end: Math.max(end, start + 1) };
}
