/**
 * Rules the designer's unit tests share: built with the Pattern-API-shaped builder, or broken on
 * purpose (duplicate names, cycles, dangling edges) the way a bad JSON edit leaves them.
 */
import { AfterMatchSkip, PatternBuilder } from "../model/patternBuilder.ts";
import type { GraphNode, Rule } from "../model/pattern.ts";

/** Wraps a pattern into a rule. */
export function ruleOf(pattern: GraphNode): Rule {
  return { id: "7", version: 1, pattern, function: null };
}

/** `a next b followedBy c`, within 5 minutes. */
export function chainRule(): Rule {
  return ruleOf(
    PatternBuilder.begin("a")
      .where("action == 'view'")
      .next("b")
      .where("action == 'cart'")
      .followedBy("c")
      .oneOrMore()
      .within(300_000)
      .build(),
  );
}

/** `start followedBy (g1: x next y){2} notFollowedBy end`, skipping past the last event. */
export function groupRule(): Rule {
  const group = PatternBuilder.begin("x").where("a > 1").next("y").where("b > 2");
  return ruleOf(
    PatternBuilder.begin("start", AfterMatchSkip.skipPastLastEvent())
      .followedBy(group)
      .times(2)
      .notFollowedBy("end")
      .within(600_000)
      .build(),
  );
}

/** A rule a bad JSON edit could leave behind: a repeated name, a cycle, a dangling edge, a stray stage. */
export function brokenRule(): Rule {
  const base = chainRule().pattern;
  const [c, b, a] = base.nodes;
  if (!a || !b || !c) throw new Error("chainRule has three stages");
  return ruleOf({
    ...base,
    nodes: [c, b, a, { ...b }, { ...a, name: "stray" }],
    edges: [
      { source: "a", target: "b", type: "STRICT" },
      { source: "b", target: "c", type: "SKIP_TILL_NEXT" },
      { source: "c", target: "a", type: "SKIP_TILL_ANY" },
      { source: "c", target: "ghost", type: "NOT_NEXT" },
    ],
  });
}
