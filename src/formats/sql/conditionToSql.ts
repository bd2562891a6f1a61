/**
 * Model conditions (`Condition`) as SQL `DEFINE` expressions: Aviator expressions are parsed and
 * translated, CLASS conditions through their binding (className → expression), and the
 * RichAnd/RichOr/RichNot combinators map to AND / OR / NOT exactly. SubType and GROOVY
 * conditions, and CLASS conditions without a binding, have no SQL form: they are refused.
 */
import type { Condition } from "../../model/condition.ts";
import type { ConditionBindings } from "../../model/pattern.ts";
import { ExprSyntaxError } from "../../expr/errors.ts";
import { parseExpression } from "../../expr/index.ts";
import type { ExportNotes } from "../exportNote.ts";
import { expressionToSql, type ExpressionScope } from "./expressionToSql.ts";

/** What translating one stage's condition needs. */
export interface ConditionScope extends ExpressionScope {
  readonly bindings: ConditionBindings | undefined;
  readonly notes: ExportNotes;
  /** Stage the notes are about. */
  readonly noteStage: string;
  /** Set when some translation compares in a way NULL makes UNKNOWN (see {@link expressionToSql}). */
  readonly usage: { nullSensitive: boolean };
}

/** The SQL for `condition`, or null after recording an error note saying why there is none. */
export function conditionToSql(condition: Condition, scope: ConditionScope): string | null {
  switch (condition.type) {
    case "aviator":
      return aviatorToSql(condition.expression, scope, "the condition");
    case "groovy":
      scope.notes.error(scope.noteStage, "GROOVY conditions have no Flink SQL translation");
      return null;
    case "class": {
      const bound = scope.bindings?.[condition.className];
      if (bound === undefined) {
        scope.notes.error(
          scope.noteStage,
          `the CLASS condition ${condition.className} has no SQL equivalent; bind it to an expression to export it`,
        );
        return null;
      }
      if (condition.args !== undefined && condition.args.length > 0) {
        scope.notes.warning(
          scope.noteStage,
          `the constructor arguments of ${condition.className} are not part of its bound expression and are dropped`,
        );
      }
      return aviatorToSql(bound, scope, `the binding of ${condition.className}`);
    }
    case "subtype":
      scope.notes.error(
        scope.noteStage,
        `the SubType condition (${condition.subClassName}) has no SQL equivalent: a table's rows have one type`,
      );
      return null;
    case "and":
    case "or": {
      const left = conditionToSql(condition.left, scope);
      const right = conditionToSql(condition.right, scope);
      if (left === null || right === null) return null;
      return `(${left}) ${condition.type === "and" ? "AND" : "OR"} (${right})`;
    }
    case "not": {
      const inner = conditionToSql(condition.inner, scope);
      return inner === null ? null : `NOT (${inner})`;
    }
  }
}

function aviatorToSql(source: string, scope: ConditionScope, what: string): string | null {
  let expr;
  try {
    expr = parseExpression(source);
  } catch (error) {
    if (!(error instanceof ExprSyntaxError)) throw error;
    scope.notes.error(scope.noteStage, `${what} does not parse (${error.message}): ${source}`);
    return null;
  }
  const result = expressionToSql(expr, scope);
  if (!result.ok) {
    scope.notes.error(
      scope.noteStage,
      `${what} cannot be written in Flink SQL: ${result.reason} (in: ${source})`,
    );
    return null;
  }
  for (const warning of result.warnings) scope.notes.warning(scope.noteStage, warning);
  scope.usage.nullSensitive ||= result.nullSensitive;
  return result.sql;
}
