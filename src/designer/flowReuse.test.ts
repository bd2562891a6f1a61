import { describe, expect, it } from "vitest";
import type { DocumentRule } from "../document/studioDocument.ts";
import { validatePattern } from "../model/validate.ts";
import type { Rule } from "../model/pattern.ts";
import { ruleToFlow } from "./flowAdapter.ts";
import type { FlowInput } from "./flowAdapter.ts";
import { flowReuser } from "./flowReuse.ts";
import { brokenRule, chainRule } from "./testRules.ts";

function inputOf(rule: Rule, extra: Partial<FlowInput> = {}): FlowInput {
  const docRule: DocumentRule = { key: "r1", rule, enabled: true, positions: {}, published: null };
  return {
    docRule,
    bindings: {},
    diagnostics: validatePattern(rule.pattern),
    selection: { type: "none" },
    ...extra,
  };
}

describe("flowReuser", () => {
  it("gives back the same lists when nothing changed, even from a fresh build of a fresh rule", () => {
    const reuse = flowReuser();
    const first = reuse(ruleToFlow(inputOf(brokenRule())));
    const second = reuse(ruleToFlow(inputOf(brokenRule())));
    expect(second.nodes).toBe(first.nodes);
    expect(second.edges).toBe(first.edges);
  });

  it("renews only the stage a selection changes", () => {
    const reuse = flowReuser();
    const rule = chainRule();
    const before = reuse(ruleToFlow(inputOf(rule)));
    const after = reuse(
      ruleToFlow(inputOf(rule, { selection: { type: "stages", graphPath: [], names: ["b"] } })),
    );
    expect(after.nodes).not.toBe(before.nodes);
    const renewed = after.nodes.filter((node, i) => node !== before.nodes[i]).map((node) => node.id);
    expect(renewed).toEqual(["b"]);
    expect(after.nodes.find((n) => n.id === "b")?.selected).toBe(true);
    expect(after.edges).toBe(before.edges);
  });

  it("renews only the edge whose contiguity changed, and keeps up with measured sizes", () => {
    const reuse = flowReuser();
    const rule = chainRule();
    const before = reuse(ruleToFlow(inputOf(rule)));
    const [first, second] = rule.pattern.edges;
    if (!first || !second) throw new Error("chainRule has two edges");
    const changed = {
      ...rule,
      pattern: { ...rule.pattern, edges: [first, { ...second, type: "SKIP_TILL_ANY" as const }] },
    };
    const after = reuse(ruleToFlow(inputOf(changed)));
    expect(after.edges[0]).toBe(before.edges[0]);
    expect(after.edges[1]).not.toBe(before.edges[1]);
    expect(after.edges[1]?.data?.contiguity).toBe("SKIP_TILL_ANY");
    const measured = new Map([["a", { width: 210, height: 90 }]]);
    const sized = reuse(ruleToFlow(inputOf(changed, { measured })));
    expect(sized.nodes.find((n) => n.id === "a")?.measured).toEqual({ width: 210, height: 90 });
    expect(sized.edges).toBe(after.edges);
  });
});
