/**
 * One leaf condition resolved to the expression that runs it, or to why it cannot run. An AVIATOR
 * condition runs its own expression; a CLASS condition the expression bound to its `className`
 * (with its `args` as `config.args`, Ververica's `CustomArgsCondition`); a SUBTYPE condition
 * (Flink's `SubtypeCondition`) the one bound to its `subClassName`; GROOVY does not run here.
 *
 * The compiler (`ConditionCompiler`) and the pattern check (`patternConditionProblems`) both
 * resolve leaves here, so a pattern the check accepts compiles, and one it refuses does not.
 */
import { compileExpression, ExprSyntaxError, type CompiledExpression } from "../../expr/index.ts";
import type { LeafCondition } from "../../model/condition.ts";
import type { ConditionBindings } from "../../model/pattern.ts";

/** What an unbound class's message tells the user to do, unless the caller knows better. */
export const DEFAULT_BINDING_HINT = "add one to the binding table";

/** Why a leaf cannot run, at the JSON path of the value at fault. */
export type LeafProblem =
  | {
      /** A condition class (a CLASS's className, a SUBTYPE's subClassName) without a binding. */
      readonly type: "unbound";
      readonly path: string;
      readonly className: string;
      /** Names the stage and the class, with {@link DEFAULT_BINDING_HINT}. */
      readonly message: string;
    }
  | {
      /** An expression that does not compile (the leaf's own or the bound one), or GROOVY. */
      readonly type: "invalid";
      readonly path: string;
      /** Names the stage (`stage 'a': 1:9: …`). */
      readonly message: string;
    };

/** A leaf ready to run (its compiled expression and CLASS arguments), or its problem. */
export type LeafResolution =
  | { readonly ok: true; readonly expression: CompiledExpression; readonly args: readonly string[] | null }
  | { readonly ok: false; readonly problem: LeafProblem };

/** Resolves `leaf`, the condition at JSON `path` of stage `stage`, against `bindings`. */
export function resolveLeafCondition(
  leaf: LeafCondition,
  stage: string,
  path: string,
  bindings: ConditionBindings,
): LeafResolution {
  switch (leaf.type) {
    case "aviator":
      return compiled(leaf.expression, null, `${path}.expression`, `stage '${stage}'`);
    case "groovy":
      return {
        ok: false,
        problem: {
          type: "invalid",
          path,
          message: `stage '${stage}': GROOVY conditions are not supported; rewrite it as an AVIATOR expression`,
        },
      };
    case "class":
      return bound(leaf.className, leaf.args ?? null, `${path}.className`, stage, bindings);
    case "subtype":
      return bound(leaf.subClassName, null, `${path}.subClassName`, stage, bindings);
  }
}

/**
 * `condition class 'C' (stages 'a', 'b') has no binding; <hint>`: the message of a class used
 * without a binding by `stages`.
 */
export function unboundClassMessage(
  className: string,
  stages: readonly string[],
  hint: string = DEFAULT_BINDING_HINT,
): string {
  const named = `${stages.length === 1 ? "stage" : "stages"} ${stages.map((s) => `'${s}'`).join(", ")}`;
  return `condition class '${className}' (${named}) has no binding; ${hint}`;
}

/** `line:column: detail` when `source` does not compile as a condition, else null. */
export function expressionSyntaxProblem(source: string): string | null {
  try {
    compileExpression(source);
    return null;
  } catch (error) {
    if (error instanceof ExprSyntaxError) return error.message;
    throw error;
  }
}

function bound(
  className: string,
  args: readonly string[] | null,
  path: string,
  stage: string,
  bindings: ConditionBindings,
): LeafResolution {
  const source = Object.hasOwn(bindings, className) ? bindings[className] : undefined;
  if (source === undefined) {
    const message = unboundClassMessage(className, [stage]);
    return { ok: false, problem: { type: "unbound", path, className, message } };
  }
  return compiled(source, args, path, `stage '${stage}': condition class '${className}'`);
}

/** `source` compiled, or an "invalid" problem at `path` whose message starts with `subject`. */
function compiled(
  source: string,
  args: readonly string[] | null,
  path: string,
  subject: string,
): LeafResolution {
  try {
    return { ok: true, expression: compileExpression(source), args };
  } catch (error) {
    if (!(error instanceof ExprSyntaxError)) throw error;
    return { ok: false, problem: { type: "invalid", path, message: `${subject}: ${error.message}` } };
  }
}
