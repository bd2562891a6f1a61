/**
 * Conditions as text for explanations: a stage's condition as the user wrote it, and the
 * condition NFACompiler put on a transition (the stage condition combined with `until`, NOT
 * conditions, greedy guards) in the same words.
 */
import type { Condition } from "../../model/condition.ts";
import { parseExpression, printExpression } from "../../expr/index.ts";
import type { IterativeCondition } from "../compiler/iterativeCondition.ts";

/** A model condition: AVIATOR as its canonical print, CLASS as the class name (with its args), SUBTYPE as `subtype X`. */
export function conditionText(condition: Condition): string {
  switch (condition.type) {
    case "aviator":
    case "groovy":
      return canonical(condition.expression);
    case "class":
      return condition.args && condition.args.length > 0
        ? `${condition.className}(${condition.args.join(", ")})`
        : condition.className;
    case "subtype":
      return `subtype ${condition.subClassName}`;
    case "and":
      return `(${conditionText(condition.left)}) && (${conditionText(condition.right)})`;
    case "or":
      return `(${conditionText(condition.left)}) || (${conditionText(condition.right)})`;
    case "not":
      return `!(${conditionText(condition.inner)})`;
  }
}

/** Whether a compiler condition node is a stage's `until` condition. */
export function isUntil(path: string): boolean {
  return path.endsWith("untilCondition");
}

/** A transition's condition; null when it always holds. `until` conditions read `until(…)`. */
export function transitionConditionText(condition: IterativeCondition | null): string | null {
  if (condition === null || condition.kind === "true") return null;
  return text(condition);
}

function text(condition: IterativeCondition): string {
  switch (condition.kind) {
    case "true":
      return "true";
    case "user": {
      const own = conditionText(condition.condition);
      return isUntil(condition.path) ? `until(${own})` : own;
    }
    case "and": {
      // `and(true, x)` is how Flink guards a proceed with a group's until: print just x.
      if (condition.left.kind === "true") return text(condition.right);
      if (condition.right.kind === "true") return text(condition.left);
      return `${wrap(condition.left)} && ${wrap(condition.right)}`;
    }
    case "not":
      return condition.inner.kind === "true" ? "false" : `!(${text(condition.inner)})`;
  }
}

/** Parenthesised unless it already is (`!(…)`), so `a || b` next to `&&` keeps its meaning. */
function wrap(condition: IterativeCondition): string {
  return condition.kind === "not" ? text(condition) : `(${text(condition)})`;
}

function canonical(source: string): string {
  try {
    return printExpression(parseExpression(source));
  } catch {
    return source;
  }
}
