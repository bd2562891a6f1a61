/**
 * AVIATOR string and regex literals that hold look-alikes (`lookAlikeCharacters.ts`): in
 * `event_type == 'vіew'` the `і` is Cyrillic, so the condition never matches the `view` events
 * of real data. Flink compiles and runs it, so each is a warning on its stage. Literals are found
 * with the condition language's own parser, so a quote inside a string or a comment is never
 * taken for one; an expression that does not parse has its error from `expressionDiagnostics`.
 */
import { forEachChild } from "../../expr/ast.ts";
import type { Expr } from "../../expr/ast.ts";
import { parseExpression } from "../../expr/index.ts";
import { forEachConditionLeaf } from "../../model/condition.ts";
import type { GraphNode } from "../../model/pattern.ts";
import type { PatternDiagnostic } from "../../model/patternFindings.ts";
import { lookAlikesProblem } from "../../model/validateText.ts";
import { forEachStageCondition } from "./conditionProblems.ts";

const NON_ASCII = /[\u0080-\u{10ffff}]/u;

/**
 * A warning for each string or regex literal of the AVIATOR conditions of `graph` (where and
 * until, groups' stages included) that holds a look-alike, at the expression's JSON path, in
 * JSON order and source order.
 */
export function conditionLookAlikeDiagnostics(graph: GraphNode): PatternDiagnostic[] {
  const diagnostics: PatternDiagnostic[] = [];
  forEachStageCondition(graph, "", (condition, stage, conditionPath) => {
    forEachConditionLeaf(condition, conditionPath, (leaf, path) => {
      if (leaf.type !== "aviator") return;
      for (const problem of literalLookAlikeProblems(leaf.expression)) {
        diagnostics.push({
          severity: "warning",
          stage,
          path: `${path}.expression`,
          message: `stage '${stage}': ${problem}`,
        });
      }
    });
  });
  return diagnostics;
}

/** The look-alike problems of the literals of `expression`, in source order; `[]` when it does not parse. */
function literalLookAlikeProblems(expression: string): string[] {
  // Look-alikes are never ASCII: most expressions need no parse (a rule may have thousands).
  if (!NON_ASCII.test(expression)) return [];
  let ast: Expr;
  try {
    ast = parseExpression(expression);
  } catch {
    return [];
  }
  const problems: string[] = [];
  const visit = (node: Expr) => {
    let problem: string | null = null;
    if (node.type === "String") {
      problem = lookAlikesProblem(
        node.value,
        `the string '${node.value}' in the condition`,
        "it never equals the text it looks like",
      );
    } else if (node.type === "Regex") {
      problem = lookAlikesProblem(
        node.pattern,
        `the regex /${node.pattern}/ in the condition`,
        "it does not match the text it looks like",
      );
    }
    if (problem !== null) problems.push(problem);
    forEachChild(node, visit);
  };
  visit(ast);
  return problems;
}
