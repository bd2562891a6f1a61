/**
 * Every condition problem of a pattern at once, before anything is compiled (the compiler,
 * like Flink's, stops at the first): AVIATOR expressions that do not compile, at their JSON
 * path; GROOVY conditions, which do not run here; bound expressions that do not compile, at the
 * class that reads them; and one problem per condition class used without a binding, at its
 * first use in JSON order, naming every stage that uses it. Where and until conditions of every
 * stage are checked, groups' stages included, nested and/or/not conditions leaf by leaf.
 *
 * Each leaf is resolved as the compiler resolves it (`resolveLeafCondition`), so a pattern with
 * no problem here has none when it compiles, and a pattern with one cannot compile.
 */
import { forEachConditionLeaf, type Condition } from "../../model/condition.ts";
import type { ConditionBindings, GraphNode } from "../../model/pattern.ts";
import type { PatternDiagnostic } from "../../model/patternFindings.ts";
import {
  DEFAULT_BINDING_HINT,
  expressionSyntaxProblem,
  resolveLeafCondition,
  unboundClassMessage,
} from "./resolveLeafCondition.ts";

/** A condition problem at a JSON path of the pattern (`nodes[1].condition.expression`). */
export interface ConditionProblem {
  readonly path: string;
  /** Names the stage(s) it concerns. */
  readonly message: string;
}

/** How {@link patternConditionProblems} words its messages. */
export interface ConditionCheckOptions {
  /**
   * What the message of an unbound class tells the user to do: "add one to the binding table"
   * unless the caller knows where bindings come from (the CLI: "give its expression in --bindings FILE").
   */
  readonly bindingHint?: string | undefined;
}

/** A binding table entry whose expression does not compile. */
export interface BindingProblem {
  /** The entry's key. */
  readonly className: string;
  /** `invalid expression: line:column: detail`. */
  readonly message: string;
}

/**
 * The condition problems of `graph` with `bindings`, in JSON order, the unbound classes last;
 * empty when every condition compiles.
 */
export function patternConditionProblems(
  graph: GraphNode,
  bindings: ConditionBindings,
  options: ConditionCheckOptions = {},
): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const unbound = new Map<string, { path: string; stages: string[] }>();
  forEachStageCondition(graph, "", (condition, stage, conditionPath) => {
    forEachConditionLeaf(condition, conditionPath, (leaf, path) => {
      const resolved = resolveLeafCondition(leaf, stage, path, bindings);
      if (resolved.ok) return;
      const { problem } = resolved;
      if (problem.type === "invalid") {
        problems.push({ path: problem.path, message: problem.message });
        return;
      }
      const use = unbound.get(problem.className) ?? { path: problem.path, stages: [] };
      unbound.set(problem.className, use);
      if (!use.stages.includes(stage)) use.stages.push(stage);
    });
  });
  const hint = options.bindingHint ?? DEFAULT_BINDING_HINT;
  for (const [className, { path, stages }] of unbound)
    problems.push({ path, message: unboundClassMessage(className, stages, hint) });
  return problems;
}

/**
 * The AVIATOR expressions of `graph` that do not compile, as error diagnostics at their JSON
 * paths, in JSON order. Flink's pattern reader accepts such a rule, but the job fails when it
 * builds the condition, so a designer must not call the rule ready. Class conditions are left
 * out, bound or not: on Flink they are Java classes on the job's classpath.
 */
export function expressionDiagnostics(graph: GraphNode): PatternDiagnostic[] {
  const diagnostics: PatternDiagnostic[] = [];
  forEachStageCondition(graph, "", (condition, stage, conditionPath) => {
    forEachConditionLeaf(condition, conditionPath, (leaf, path) => {
      if (leaf.type !== "aviator") return;
      const syntax = expressionSyntaxProblem(leaf.expression);
      if (syntax === null) return;
      diagnostics.push({
        severity: "error",
        stage,
        path: `${path}.expression`,
        message: `stage '${stage}': the condition does not compile: ${syntax}`,
      });
    });
  });
  return diagnostics;
}

/** The entries of `bindings` whose expression does not compile, in table order. */
export function bindingExpressionProblems(bindings: ConditionBindings): BindingProblem[] {
  const problems: BindingProblem[] = [];
  for (const [className, source] of Object.entries(bindings)) {
    const syntax = expressionSyntaxProblem(source);
    if (syntax !== null) problems.push({ className, message: `invalid expression: ${syntax}` });
  }
  return problems;
}

/** Called with a stage's where or until condition, the stage's name and the condition's JSON path. */
export type StageConditionVisitor = (condition: Condition, stage: string, path: string) => void;

/** Calls `visit` with every where and until condition of the stages of `graph`, in JSON order. */
export function forEachStageCondition(graph: GraphNode, path: string, visit: StageConditionVisitor): void {
  graph.nodes.forEach((node, index) => {
    const nodePath = `${path === "" ? "" : `${path}.`}nodes[${index}]`;
    // A group has no where() of its own (GroupPattern rejects it; the compiler ignores it), only an until.
    if (node.type === "COMPOSITE") forEachStageCondition(node, nodePath, visit);
    else if (node.condition !== null) visit(node.condition, node.name, `${nodePath}.condition`);
    const until = node.quantifier?.untilCondition ?? null;
    if (until !== null) visit(until, node.name, `${nodePath}.quantifier.untilCondition`);
  });
}
