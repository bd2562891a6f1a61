/**
 * The rule row a template built with `PatternBuilder` becomes: id and version as a fresh
 * dynamic-CEP rule has them, and the seed demo's process function as its label.
 */
import { DEFAULT_RULE_FUNCTION } from "../document/edits/ruleEdits.ts";
import type { GraphNode, Rule } from "../model/pattern.ts";

/** A version-1 rule around `pattern` (its id is replaced when the template is added to a document). */
export function templateRule(pattern: GraphNode): Rule {
  return { id: "1", version: 1, pattern, function: DEFAULT_RULE_FUNCTION };
}
