/**
 * A stage condition as a short readable text for the canvas: expressions as written, CLASS
 * conditions as their simple class name plus the expression bound to it, and/or/not composed.
 * Pure; the node shows the tokens, its tooltip the full text.
 */
import type { Condition } from "../model/condition.ts";
import type { ConditionBindings } from "../model/pattern.ts";

/** One piece of a summary; `kind` picks its style. */
interface SummaryToken {
  readonly kind: "expression" | "class" | "keyword" | "any";
  readonly text: string;
}

/** Expressions longer than this are cut with an ellipsis on the node (the tooltip has them whole). */
export const MAX_EXPRESSION_CHARS = 72;

/** `com.acme.CartCondition` → `CartCondition`. */
export function simpleClassName(className: string): string {
  return className.slice(className.lastIndexOf(".") + 1) || className;
}

function collapse(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`;
}

/**
 * Tokens for `condition` (null = no `where()`: accepts every event). `limit` bounds each
 * expression's length; pass `Infinity` for the full text.
 */
export function summarizeCondition(
  condition: Condition | null,
  bindings: ConditionBindings,
  limit = MAX_EXPRESSION_CHARS,
): SummaryToken[] {
  if (!condition) return [{ kind: "any", text: "any event" }];
  switch (condition.type) {
    case "aviator":
      return [{ kind: "expression", text: collapse(condition.expression, limit) }];
    case "groovy":
      return [
        { kind: "keyword", text: "groovy" },
        { kind: "expression", text: collapse(condition.expression, limit) },
      ];
    case "class": {
      const args = condition.args?.length ? `(${condition.args.join(", ")})` : "";
      const tokens: SummaryToken[] = [{ kind: "class", text: simpleClassName(condition.className) + args }];
      const bound = bindings[condition.className];
      if (bound !== undefined) tokens.push({ kind: "expression", text: collapse(bound, limit) });
      return tokens;
    }
    case "subtype":
      return [
        { kind: "keyword", text: "subtype" },
        { kind: "class", text: simpleClassName(condition.subClassName) },
      ];
    case "and":
    case "or":
      return [
        ...nested(condition.left, bindings, limit),
        { kind: "keyword", text: condition.type },
        ...nested(condition.right, bindings, limit),
      ];
    case "not":
      return [{ kind: "keyword", text: "not" }, ...nested(condition.inner, bindings, limit)];
  }
}

/** A composite's operand, parenthesised when it is itself composite. */
function nested(condition: Condition, bindings: ConditionBindings, limit: number): SummaryToken[] {
  const tokens = summarizeCondition(condition, bindings, limit);
  const composite = condition.type === "and" || condition.type === "or";
  return composite ? [{ kind: "keyword", text: "(" }, ...tokens, { kind: "keyword", text: ")" }] : tokens;
}

/** The tokens as one line of text (tooltips, accessible names). */
export function summaryText(tokens: readonly SummaryToken[]): string {
  return tokens
    .map((t) => t.text)
    .join(" ")
    .replace(/\( /g, "(")
    .replace(/ \)/g, ")");
}
