/**
 * Applying a pattern change to a document rule: structural changes (stages or edges added,
 * removed, renamed, regrouped) leave the pattern in the reference writer's order, other changes
 * leave the order as it is (an imported file keeps its own order until its structure changes).
 */
import type { GraphNode } from "../../model/pattern.ts";
import type { DocumentRule } from "../studioDocument.ts";
import { canonicalGraphOrder } from "./canonicalOrder.ts";
import { updateGraphAt } from "./graphAccess.ts";
import type { GraphPath } from "./graphAccess.ts";

/** `rule` with `pattern`; `rule` itself when the pattern is the same object. */
export function withPattern(rule: DocumentRule, pattern: GraphNode): DocumentRule {
  return pattern === rule.rule.pattern ? rule : { ...rule, rule: { ...rule.rule, pattern } };
}

/** Changes the graph at `graphPath` without reordering anything. */
export function editGraph(
  rule: DocumentRule,
  graphPath: GraphPath,
  update: (graph: GraphNode) => GraphNode,
): DocumentRule {
  return withPattern(rule, updateGraphAt(rule.rule.pattern, graphPath, update));
}

/** Changes the graph at `graphPath`, then puts the whole pattern in canonical order. */
export function editStructure(
  rule: DocumentRule,
  graphPath: GraphPath,
  update: (graph: GraphNode) => GraphNode,
): DocumentRule {
  const pattern = updateGraphAt(rule.rule.pattern, graphPath, update);
  if (pattern === rule.rule.pattern) return rule;
  return withPattern(rule, canonicalGraphOrder(pattern));
}
