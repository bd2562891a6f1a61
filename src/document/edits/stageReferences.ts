/**
 * Stage names written inside conditions: `getEventsForPattern('name')` in AVIATOR expressions
 * (stage conditions and until conditions). A rename rewrites them through the condition
 * language's own parser, changing only the string literal's source span, so the rest of the
 * user's text (spacing, line breaks, other literals) stays exactly as typed.
 */
import { forEachChild } from "../../expr/ast.ts";
import type { Expr } from "../../expr/ast.ts";
import { parseExpression, printExpression } from "../../expr/index.ts";
import type { Condition } from "../../model/condition.ts";
import type { GraphNode, PatternNode, Quantifier } from "../../model/pattern.ts";

/** Old stage name → new stage name, applied all at once (so `a→b, b→c` never turns `a` into `c`). */
export type StageRenames = ReadonlyMap<string, string>;

/**
 * `expression` with every `getEventsForPattern('x')` argument renamed per `renames`. Returns the
 * input itself when nothing is renamed or the expression does not parse (a syntax error is the
 * editor's to show; guessing at broken text could corrupt it).
 */
export function renameInExpression(expression: string, renames: StageRenames): string {
  let ast: Expr;
  try {
    ast = parseExpression(expression);
  } catch {
    return expression;
  }
  const spans: { start: number; end: number; to: string }[] = [];
  const visit = (node: Expr) => {
    if (node.type === "Call" && node.callee === "getEventsForPattern") {
      const arg = node.args[0];
      if (arg?.type === "String") {
        const to = renames.get(arg.value);
        if (to !== undefined && to !== arg.value) spans.push({ start: arg.start, end: arg.end, to });
      }
    }
    forEachChild(node, visit);
  };
  visit(ast);
  let out = expression;
  // Right to left, so earlier offsets stay valid.
  for (const { start, end, to } of spans.sort((a, b) => b.start - a.start)) {
    const literal = printExpression({ type: "String", value: to, start: 0, end: 0 });
    out = out.slice(0, start) + literal + out.slice(end);
  }
  return out;
}

/** `condition` with stage references renamed; the same object when nothing changed. */
export function renameInCondition(condition: Condition, renames: StageRenames): Condition {
  switch (condition.type) {
    case "aviator": {
      const expression = renameInExpression(condition.expression, renames);
      return expression === condition.expression ? condition : { ...condition, expression };
    }
    case "and":
    case "or": {
      const left = renameInCondition(condition.left, renames);
      const right = renameInCondition(condition.right, renames);
      return left === condition.left && right === condition.right ? condition : { ...condition, left, right };
    }
    case "not": {
      const inner = renameInCondition(condition.inner, renames);
      return inner === condition.inner ? condition : { ...condition, inner };
    }
    // Groovy is not our language, and CLASS/SUBTYPE conditions live in the shared binding table.
    case "groovy":
    case "class":
    case "subtype":
      return condition;
  }
}

/** Every node of `graph` (recursively) with its stage and until conditions renamed. */
export function renameReferencesInGraph(graph: GraphNode, renames: StageRenames): GraphNode {
  const nodes = graph.nodes.map((node) => renameInNode(node, renames));
  return nodes.some((node, i) => node !== graph.nodes[i]) ? { ...graph, nodes } : graph;
}

function renameInNode(node: PatternNode, renames: StageRenames): PatternNode {
  if (node.type === "COMPOSITE") {
    const graph = renameReferencesInGraph(node, renames);
    const quantifier = node.quantifier && renameInUntil(node.quantifier, renames);
    return quantifier === node.quantifier ? graph : { ...graph, quantifier };
  }
  const quantifier = renameInUntil(node.quantifier, renames);
  const condition = node.condition && renameInCondition(node.condition, renames);
  if (condition === node.condition && quantifier === node.quantifier) return node;
  return { ...node, condition, quantifier };
}

function renameInUntil(quantifier: Quantifier, renames: StageRenames): Quantifier {
  const until = quantifier.untilCondition;
  if (until === null) return quantifier;
  const next = renameInCondition(until, renames);
  return next === until ? quantifier : { ...quantifier, untilCondition: next };
}

/**
 * What refers to stage `from` by name, once it is called `to`: every `getEventsForPattern` and
 * until reference in the conditions and, for a stage of the top graph (`inTopGraph`), the skip
 * strategy's stage. Only stages are referred to: group names are not stage names to Flink, so a
 * group's rename does not come here.
 */
export function renameStageReferences(
  pattern: GraphNode,
  inTopGraph: boolean,
  from: string,
  to: string,
): GraphNode {
  const referenced = renameReferencesInGraph(pattern, new Map([[from, to]]));
  const skip = referenced.afterMatchStrategy;
  return inTopGraph && skip.patternName === from
    ? { ...referenced, afterMatchStrategy: { ...skip, patternName: to } }
    : referenced;
}
