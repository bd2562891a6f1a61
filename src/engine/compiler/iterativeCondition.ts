/**
 * The conditions the compiler puts on transitions, as data: a stage's own condition plus the
 * compositions NFACompiler builds around it (`RichAndCondition`, `RichNotCondition`,
 * `BooleanConditions.trueFunction()`). The NFA turns them into evaluators once per compile.
 */
import type { Condition } from "../../model/condition.ts";

export type IterativeCondition =
  /** `BooleanConditions.trueFunction()`. */
  | { readonly kind: "true" }
  /** A stage's `where`/`until` condition from the pattern model. */
  | { readonly kind: "user"; readonly condition: Condition; readonly stage: string; readonly path: string }
  /** `RichAndCondition(left, right)`: left first, short-circuit. */
  | { readonly kind: "and"; readonly left: IterativeCondition; readonly right: IterativeCondition }
  /** `RichNotCondition(inner)`. */
  | { readonly kind: "not"; readonly inner: IterativeCondition };

export const TRUE_CONDITION: IterativeCondition = { kind: "true" };

export function richAnd(left: IterativeCondition, right: IterativeCondition): IterativeCondition {
  return { kind: "and", left, right };
}

export function richNot(inner: IterativeCondition): IterativeCondition {
  return { kind: "not", inner };
}
