/**
 * The condition kinds the inspector offers, and switching a condition from one kind to another.
 * Pure. Switching to And / Or / Not wraps what was there, so building `A and B` never retypes A.
 */
import type { Condition } from "../../model/condition.ts";

/** `none` is a stage without `where()` (accepts every event). */
export type ConditionKind = "none" | Condition["type"];

/** The kinds in the order they are offered; Groovy only appears for a condition that already is one. */
export const CONDITION_KIND_LABELS: Readonly<Record<ConditionKind, string>> = {
  none: "None (any event)",
  aviator: "Expression (AVIATOR)",
  class: "Class (CLASS)",
  subtype: "Subtype (SUBTYPE)",
  and: "And",
  or: "Or",
  not: "Not",
  groovy: "Groovy (kept, not evaluated)",
};

/** The kinds a condition editor lists for `condition`. */
export function conditionKindsFor(condition: Condition | null): readonly ConditionKind[] {
  const kinds: ConditionKind[] = ["none", "aviator", "class", "subtype", "and", "or", "not"];
  return condition?.type === "groovy" ? [...kinds, "groovy"] : kinds;
}

/** The kind of `condition`. */
export function conditionKind(condition: Condition | null): ConditionKind {
  return condition === null ? "none" : condition.type;
}

/** A fresh operand for a composite: an empty expression for the user to fill in. */
const emptyExpression = (): Condition => ({ type: "aviator", expression: "" });

/**
 * `condition` turned into `kind`. Composites wrap the current condition as their first operand;
 * leaving a composite keeps its first operand when that already has the new kind; class and
 * subtype keep each other's class name; an expression keeps a Groovy script's text.
 */
export function withConditionKind(condition: Condition | null, kind: ConditionKind): Condition | null {
  if (conditionKind(condition) === kind) return condition;
  const first = firstOperand(condition);
  if (kind !== "and" && kind !== "or" && kind !== "not" && first !== null && first.type === kind)
    return first;
  switch (kind) {
    case "none":
      return null;
    case "aviator":
    case "groovy":
      return {
        type: kind,
        expression: condition?.type === "groovy" || condition?.type === "aviator" ? condition.expression : "",
      };
    case "class":
      return { type: "class", className: className(condition) };
    case "subtype":
      return { type: "subtype", className: className(condition), subClassName: "" };
    case "and":
    case "or":
      if (condition?.type === "and" || condition?.type === "or")
        return { type: kind, left: condition.left, right: condition.right };
      return { type: kind, left: condition ?? emptyExpression(), right: emptyExpression() };
    case "not":
      return { type: "not", inner: condition ?? emptyExpression() };
  }
}

function firstOperand(condition: Condition | null): Condition | null {
  if (condition?.type === "and" || condition?.type === "or") return condition.left;
  if (condition?.type === "not") return condition.inner;
  return null;
}

function className(condition: Condition | null): string {
  return condition?.type === "class" || condition?.type === "subtype" ? condition.className : "";
}
