/**
 * Which Java condition classes a rule set runs through the binding table. CEP Studio cannot run a
 * user's `IterativeCondition` class, so the engine evaluates a CLASS condition as the expression
 * bound to its `className`, and a SUBTYPE condition as the one bound to its `subClassName`
 * (`src/engine/conditions/compileCondition.ts`); everything here follows that lookup exactly.
 * Pure: no DOM, no store.
 */
import type { Condition } from "../model/condition.ts";
import type { ConditionBindings, GraphNode, Rule } from "../model/pattern.ts";

/** A class the rules look up in the binding table, and where. */
export interface ClassUse {
  readonly className: string;
  /**
   * The stages that use it (where and until conditions), one entry per rule in rule order:
   * `rule <id>: <stage>, <stage>`, or just the stages when there is one rule.
   */
  readonly usedBy: readonly string[];
}

/** Every class the rules need a binding for, in order of first use. */
export function conditionClasses(rules: readonly Rule[]): ClassUse[] {
  // className → rule id → stages, all in order of first use.
  const uses = new Map<string, Map<string, string[]>>();
  for (const rule of rules) {
    visitGraph(rule.pattern, (stage, condition) => {
      for (const className of boundNames(condition)) {
        const byRule = uses.get(className) ?? new Map<string, string[]>();
        uses.set(className, byRule);
        const stages = byRule.get(rule.id) ?? [];
        byRule.set(rule.id, stages);
        if (!stages.includes(stage)) stages.push(stage);
      }
    });
  }
  return [...uses].map(([className, byRule]) => ({
    className,
    usedBy: [...byRule].map(([id, stages]) =>
      rules.length > 1 ? `rule ${id}: ${stages.join(", ")}` : stages.join(", "),
    ),
  }));
}

/** The classes of {@link conditionClasses} that `bindings` does not bind. */
export function unboundClasses(rules: readonly Rule[], bindings: ConditionBindings): ClassUse[] {
  return conditionClasses(rules).filter((use) => !Object.hasOwn(bindings, use.className));
}

/** Calls `visit` for each stage's condition and until condition, groups included. */
function visitGraph(graph: GraphNode, visit: (stage: string, condition: Condition) => void): void {
  for (const node of graph.nodes) {
    if (node.type === "COMPOSITE") {
      visitGraph(node, visit);
      continue;
    }
    if (node.condition) visit(node.name, node.condition);
    const until = node.quantifier.untilCondition;
    if (until) visit(node.name, until);
  }
}

/** The binding-table names one condition (and its nested ones) looks up. */
function boundNames(condition: Condition): string[] {
  switch (condition.type) {
    case "aviator":
    case "groovy":
      return [];
    case "class":
      return [condition.className];
    case "subtype":
      return [condition.subClassName];
    case "and":
    case "or":
      return [...boundNames(condition.left), ...boundNames(condition.right)];
    case "not":
      return boundNames(condition.inner);
  }
}
