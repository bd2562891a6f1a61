/**
 * Checks a binding's expression before it enters the document: the condition language's compiler
 * finds bad syntax, unknown functions and wrong argument counts without running anything.
 */
import { compileExpression, ExprSyntaxError } from "../expr/index.ts";

/** A binding expression's problem, positioned in the expression text. */
export interface BindingProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Null when `expression` compiles as a condition; otherwise where and why it does not. */
export function checkBindingExpression(expression: string): BindingProblem | null {
  if (expression.trim() === "") return { line: 1, column: 1, message: "the expression is empty" };
  try {
    compileExpression(expression);
    return null;
  } catch (error) {
    if (error instanceof ExprSyntaxError) {
      return { line: error.line, column: error.column, message: error.detail };
    }
    throw error;
  }
}

/** `line:column: message`, as the editors show condition errors. */
export function formatBindingProblem(problem: BindingProblem): string {
  return `${problem.line}:${problem.column}: ${problem.message}`;
}
