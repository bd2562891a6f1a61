/**
 * The engine's condition check (`patternConditionProblems`, `bindingExpressionProblems`) in the
 * CLI's words: an unbound class asks for `--bindings FILE`, and a bound expression that does not
 * compile is reported at its entry in that file (`["com.acme.Big"]`), not at the stage that
 * happens to use it first.
 */
import {
  bindingExpressionProblems,
  patternConditionProblems,
  type ConditionProblem,
} from "../engine/index.ts";
import { memberPath } from "../formats/json/jsonPath.ts";
import type { ConditionBindings, GraphNode } from "../model/pattern.ts";

/** What the CLI tells users to do about a condition class without a binding. */
export const CLI_BINDING_HINT = "give its expression in --bindings FILE";

/** The bound expressions that do not compile, at their entries of the bindings file. */
export function bindingFileProblems(bindings: ConditionBindings): ConditionProblem[] {
  return bindingExpressionProblems(bindings).map(({ className, message }) => ({
    path: memberPath("", className),
    message,
  }));
}

/** Every condition problem of `graph`, at its JSON path in the pattern. */
export function cliConditionProblems(graph: GraphNode, bindings: ConditionBindings): ConditionProblem[] {
  return patternConditionProblems(graph, bindings, { bindingHint: CLI_BINDING_HINT });
}
