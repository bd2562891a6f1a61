/**
 * Writes rules as the rule table's rows, `{id, version, pattern, function}`, with the pattern as a
 * GraphSpec object.
 */
import type { Rule } from "../../model/pattern.ts";
import { exportGraphSpec } from "./exportGraph.ts";
import type { JsonObjectValue, JsonValue } from "./exportGraph.ts";

const WHOLE_NUMBER = /^-?(?:0|[1-9]\d*)$/;

/**
 * The rule as JSON. `id` is written as a JSON number when the source had one (`idIsNumber`) and
 * the id is a whole number that a JSON number holds exactly (|id| < 2^53); otherwise as a string.
 */
export function exportRule(rule: Rule): JsonObjectValue {
  return {
    id: exportId(rule),
    version: rule.version,
    pattern: exportGraphSpec(rule.pattern),
    function: rule.function,
  };
}

/**
 * The rule's JSON as compact text: what a publish records, and how two rules that may be
 * different objects are told apart (equal text, the same rule on Flink's side).
 */
export function exportRuleText(rule: Rule): string {
  return JSON.stringify(exportRule(rule));
}

/** An array of rules, in order. */
export function exportRuleSet(rules: readonly Rule[]): JsonValue[] {
  return rules.map(exportRule);
}

function exportId(rule: Rule): string | number {
  if (rule.idIsNumber !== true || !WHOLE_NUMBER.test(rule.id)) return rule.id;
  const value = Number(rule.id);
  return Number.isSafeInteger(value) ? value : rule.id;
}
