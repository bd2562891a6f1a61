/**
 * Checks conditions before anything is compiled, so every problem is reported at once (the
 * engine stops at the first), each where it is: an invalid expression (syntax, unknown
 * function…) in the pattern at its JSON path, or in `--bindings` at its entry there (not at the
 * stage that happens to use it first); every condition class a pattern uses without a binding;
 * GROOVY conditions, which the engine does not run.
 *
 * The lookup follows the engine's (`src/engine/conditions/compileCondition.ts`): a CLASS
 * condition reads the expression bound to its `className`, a SUBTYPE condition the one bound
 * to its `subClassName`, in where and until conditions, nested and/or/not included.
 */
import { groovyNotSupported } from "../engine/index.ts";
import { compileExpression, ExprSyntaxError } from "../expr/index.ts";
import { memberPath } from "../formats/json/jsonPath.ts";
import { forEachConditionLeaf, type Condition, type LeafCondition } from "../model/condition.ts";
import type { ConditionBindings, GraphNode } from "../model/pattern.ts";

/** A problem at a JSON path (relative to the checked document). */
interface PathProblem {
  readonly path: string;
  readonly message: string;
}

/** The bound expressions that do not compile, at their entries of the binding table. */
export function bindingExpressionProblems(bindings: ConditionBindings): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const [className, source] of Object.entries(bindings)) {
    const syntax = syntaxProblem(source);
    if (syntax !== null)
      problems.push({ path: memberPath("", className), message: `invalid expression: ${syntax}` });
  }
  return problems;
}

/**
 * The AVIATOR expressions of `graph` that do not compile, and one problem per condition class it
 * uses without a binding (at its first use in JSON order, naming every stage that uses it).
 */
export function patternConditionProblems(graph: GraphNode, bindings: ConditionBindings): PathProblem[] {
  const problems: PathProblem[] = [];
  const unbound = new Map<string, { path: string; stages: string[] }>();
  visitGraph(graph, "", (condition, stage, path) => {
    if (condition.type === "groovy") {
      problems.push({ path, message: groovyNotSupported(stage) });
      return;
    }
    if (condition.type === "aviator") {
      const syntax = syntaxProblem(condition.expression);
      if (syntax !== null)
        problems.push({ path: `${path}.expression`, message: `stage '${stage}': ${syntax}` });
      return;
    }
    const [className, classPath] =
      condition.type === "class"
        ? [condition.className, `${path}.className`]
        : [condition.subClassName, `${path}.subClassName`];
    if (Object.hasOwn(bindings, className)) return;
    const use = unbound.get(className) ?? { path: classPath, stages: [] };
    unbound.set(className, use);
    if (!use.stages.includes(stage)) use.stages.push(stage);
  });
  for (const [className, { path, stages }] of unbound) {
    const named = `${stages.length === 1 ? "stage" : "stages"} ${stages.map((s) => `'${s}'`).join(", ")}`;
    problems.push({
      path,
      message: `condition class '${className}' (${named}) has no binding; give its expression in --bindings FILE`,
    });
  }
  return problems;
}

/** `line:column: detail` when `source` does not compile, else null. */
function syntaxProblem(source: string): string | null {
  try {
    compileExpression(source);
    return null;
  } catch (error) {
    if (error instanceof ExprSyntaxError) return error.message;
    throw error;
  }
}

type LeafVisitor = (condition: LeafCondition, stage: string, path: string) => void;

/** Calls `visit` for every leaf of every where and until condition of `graph`, with its JSON path. */
function visitGraph(graph: GraphNode, path: string, visit: LeafVisitor): void {
  graph.nodes.forEach((node, index) => {
    const nodePath = `${path === "" ? "" : `${path}.`}nodes[${index}]`;
    // A group has no where() of its own (GroupPattern rejects it), only an until.
    if (node.type === "COMPOSITE") visitGraph(node, nodePath, visit);
    else visitStageCondition(node.condition, node.name, `${nodePath}.condition`, visit);
    const until = node.quantifier?.untilCondition ?? null;
    visitStageCondition(until, node.name, `${nodePath}.quantifier.untilCondition`, visit);
  });
}

function visitStageCondition(
  condition: Condition | null,
  stage: string,
  path: string,
  visit: LeafVisitor,
): void {
  if (condition !== null)
    forEachConditionLeaf(condition, path, (leaf, leafPath) => {
      visit(leaf, stage, leafPath);
    });
}
