/**
 * Resolves the pattern model's conditions to evaluators (Flink's `IterativeCondition.filter`):
 * AVIATOR expressions run on our interpreter (`src/expr`); CLASS and SUBTYPE conditions run the
 * expression bound to the class in the binding table; RichAnd/Or/Not compose. GROOVY is not
 * supported. Leaves are resolved by `resolveLeafCondition`, as the pattern check
 * (`patternConditionProblems`) resolves them; the first problem is thrown as a ConditionError.
 *
 * A `CLASS` condition with `args` (Ververica's `CustomArgsCondition`) runs its bound expression
 * with the arguments readable as `config.args` (an array of strings, next to any broadcast
 * config keys), so one binding serves every argument list.
 *
 * Conditions that do not read the partial match (no `getEventsForPattern` call on this event)
 * remember their result for the event, so the many transitions and runs that test the same
 * condition on one event evaluate it once.
 */
import type { Condition } from "../../model/condition.ts";
import type { ConditionBindings } from "../../model/pattern.ts";
import { ExprRuntimeError, type CompiledExpression, type ExprEnvironment } from "../../expr/index.ts";
import type { EventRecord } from "../api.ts";
import type { IterativeCondition } from "../compiler/iterativeCondition.ts";
import type { ConditionContext, EventCondition } from "./conditionContext.ts";
import { ConditionError } from "./conditionError.ts";
import { resolveLeafCondition } from "./resolveLeafCondition.ts";

const ALWAYS: EventCondition = () => true;

/** Hears every evaluation of a stage's condition (`explain` only). */
export interface ConditionTrace {
  /** `condition` (of stage `stage`, at JSON `path`) returned `result`, or threw `result`. */
  evaluated(stage: string, condition: Condition, path: string, result: boolean | Error): void;
}

/** Compiles the compiler's condition trees, sharing one evaluator per model condition. */
export class ConditionCompiler {
  private readonly leaves = new Map<Condition, EventCondition>();

  constructor(
    private readonly bindings: ConditionBindings,
    private readonly trace: ConditionTrace | null = null,
  ) {}

  /** An evaluator for `condition`, or null when it is always true. */
  compile(condition: IterativeCondition): EventCondition | null {
    switch (condition.kind) {
      case "true":
        return null;
      case "user":
        return this.leaf(condition.condition, condition.stage, condition.path);
      case "and": {
        const left = this.compile(condition.left);
        const right = this.compile(condition.right);
        if (left === null) return right;
        if (right === null) return left;
        return (ctx) => left(ctx) && right(ctx);
      }
      case "not": {
        const inner = this.compile(condition.inner) ?? ALWAYS;
        return (ctx) => !inner(ctx);
      }
    }
  }

  private leaf(condition: Condition, stage: string, path: string): EventCondition {
    let compiled = this.leaves.get(condition);
    if (!compiled) {
      compiled = cachePerEvent(guard(this.model(condition, stage, path), stage));
      if (this.trace !== null) compiled = traced(compiled, this.trace, stage, condition, path);
      this.leaves.set(condition, compiled);
    }
    return compiled;
  }

  /** A model condition (possibly nested and/or/not) as an evaluator. */
  private model(condition: Condition, stage: string, path: string): EventCondition {
    switch (condition.type) {
      case "aviator":
      case "groovy":
      case "class":
      case "subtype": {
        const resolved = resolveLeafCondition(condition, stage, path, this.bindings);
        if (!resolved.ok) throw new ConditionError(stage, resolved.problem.path, resolved.problem.message);
        return evaluator(resolved.expression, resolved.args);
      }
      case "and": {
        const left = this.model(condition.left, stage, `${path}.nestedConditions[0]`);
        const right = this.model(condition.right, stage, `${path}.nestedConditions[1]`);
        return (ctx) => left(ctx) && right(ctx);
      }
      case "or": {
        const left = this.model(condition.left, stage, `${path}.nestedConditions[0]`);
        const right = this.model(condition.right, stage, `${path}.nestedConditions[1]`);
        return (ctx) => left(ctx) || right(ctx);
      }
      case "not": {
        const inner = this.model(condition.inner, stage, `${path}.nestedConditions[0]`);
        return (ctx) => !inner(ctx);
      }
    }
  }
}

/** An expression condition; with `args`, the expression reads them as `config.args`. */
function evaluator(compiled: CompiledExpression, args: readonly string[] | null): EventCondition {
  if (args === null) return (ctx) => compiled.test(ctx);
  const env = new ArgsEnvironment(args);
  return (ctx) => {
    env.context = ctx;
    return compiled.test(env);
  };
}

/** The condition environment plus `config.args` for a `CustomArgsCondition`. */
class ArgsEnvironment implements ExprEnvironment {
  context: ConditionContext | null = null;
  private lastConfig: Readonly<Record<string, unknown>> | undefined | null = null;
  private merged: Readonly<Record<string, unknown>> = {};

  constructor(private readonly args: readonly string[]) {}

  get event(): EventRecord {
    return this.context?.event ?? {};
  }

  getEventsForPattern(name: string): readonly EventRecord[] {
    return this.context?.getEventsForPattern(name) ?? [];
  }

  get config(): Readonly<Record<string, unknown>> {
    const config = this.context?.config;
    if (config !== this.lastConfig) {
      this.lastConfig = config;
      this.merged = { ...config, args: this.args };
    }
    return this.merged;
  }
}

/** Names the stage when a condition fails at run time (Flink: "Failure happened in filter function."). */
function guard(condition: EventCondition, stage: string): EventCondition {
  return (ctx) => {
    try {
      return condition(ctx);
    } catch (error) {
      if (error instanceof ConditionError) throw error;
      const detail =
        error instanceof ExprRuntimeError || error instanceof Error ? error.message : String(error);
      throw new ConditionError(stage, "", `stage '${stage}': condition failed: ${detail}`, { cause: error });
    }
  };
}

/** Reports every result (or error) of `condition` to `trace`. */
function traced(
  condition: EventCondition,
  trace: ConditionTrace,
  stage: string,
  model: Condition,
  path: string,
): EventCondition {
  return (ctx) => {
    let result: boolean;
    try {
      result = condition(ctx);
    } catch (error) {
      trace.evaluated(stage, model, path, error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    trace.evaluated(stage, model, path, result);
    return result;
  };
}

/** Remembers the result for the current event unless the condition read the partial match. */
function cachePerEvent(condition: EventCondition): EventCondition {
  let sequence = -1;
  let value = false;
  return (ctx) => {
    if (ctx.eventSequence === sequence) return value;
    const outer = ctx.partialMatchAccessed;
    ctx.partialMatchAccessed = false;
    const result = condition(ctx);
    // The condition may have set the flag (TypeScript cannot see that through the call).
    const accessed = ctx.partialMatchAccessed as boolean;
    if (!accessed) {
      sequence = ctx.eventSequence;
      value = result;
    }
    ctx.partialMatchAccessed = outer || accessed;
    return result;
  };
}
