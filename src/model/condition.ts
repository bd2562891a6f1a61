/**
 * Stage conditions. Mirrors the dynamic-CEP `ConditionSpec` family (Ververica
 * `AviatorConditionSpec`, `ClassConditionSpec`, `SubTypeConditionSpec`, `RichAndConditionSpec`,
 * `RichOrConditionSpec`, `RichNotConditionSpec`), with the Rich* wrappers given their own kinds
 * so nobody has to compare class names to know what a condition does.
 */

/** An Aviator expression, evaluated by our own interpreter (`src/expr`). */
export interface AviatorCondition {
  readonly type: "aviator";
  readonly expression: string;
}

/** A Groovy script condition (newer Ververica releases). Kept for round trips; not evaluated here. */
export interface GroovyCondition {
  readonly type: "groovy";
  readonly expression: string;
}

/**
 * A user Java class (`IterativeCondition` subclass). CEP Studio runs it through the binding
 * table (className → expression); `args` are the constructor arguments of `CustomArgsCondition`.
 */
export interface ClassCondition {
  readonly type: "class";
  readonly className: string;
  readonly args?: readonly string[];
}

/** Flink's `SubtypeCondition`: the event's class must be `subClassName` (read from the binding table too). */
export interface SubtypeCondition {
  readonly type: "subtype";
  readonly className: string;
  readonly subClassName: string;
}

/** `RichAndCondition(left, right)`. */
export interface AndCondition {
  readonly type: "and";
  readonly left: Condition;
  readonly right: Condition;
}

/** `RichOrCondition(left, right)`. */
export interface OrCondition {
  readonly type: "or";
  readonly left: Condition;
  readonly right: Condition;
}

/** `RichNotCondition(inner)`. */
export interface NotCondition {
  readonly type: "not";
  readonly inner: Condition;
}

export type Condition =
  | AviatorCondition
  | GroovyCondition
  | ClassCondition
  | SubtypeCondition
  | AndCondition
  | OrCondition
  | NotCondition;

/** A condition that is not a composite: an expression, or a class read from the binding table. */
export type LeafCondition = AviatorCondition | GroovyCondition | ClassCondition | SubtypeCondition;

/**
 * Calls `visit` for every leaf of `condition`, in JSON order, with its JSON path: the leaves of
 * a composite sit at `<path>.nestedConditions[i]`, as dynamic-CEP JSON nests them.
 */
export function forEachConditionLeaf(
  condition: Condition,
  path: string,
  visit: (leaf: LeafCondition, path: string) => void,
): void {
  switch (condition.type) {
    case "and":
    case "or":
      forEachConditionLeaf(condition.left, `${path}.nestedConditions[0]`, visit);
      forEachConditionLeaf(condition.right, `${path}.nestedConditions[1]`, visit);
      return;
    case "not":
      forEachConditionLeaf(condition.inner, `${path}.nestedConditions[0]`, visit);
      return;
    default:
      visit(condition, path);
  }
}

/** Java class names of Flink's composite conditions, as dynamic-CEP JSON spells them. */
export const RICH_CONDITION_CLASS = {
  and: "org.apache.flink.cep.pattern.conditions.RichAndCondition",
  or: "org.apache.flink.cep.pattern.conditions.RichOrCondition",
  not: "org.apache.flink.cep.pattern.conditions.RichNotCondition",
} as const;
