/** Test support: the syntax error a piece of code throws, for tests of the condition language. */
import { ExprSyntaxError } from "../errors.ts";

/**
 * The {@link ExprSyntaxError} that `run` throws for `source`; anything else it throws is
 * rethrown, and throwing nothing fails the test.
 */
export function syntaxErrorOf(source: string, run: (source: string) => unknown): ExprSyntaxError {
  try {
    run(source);
  } catch (e) {
    if (e instanceof ExprSyntaxError) return e;
    throw e;
  }
  throw new Error(`no syntax error in ${JSON.stringify(source)}`);
}
