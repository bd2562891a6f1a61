import { describe, expect, it } from "vitest";
import { exportRule } from "../../formats/dynamicCep/index.ts";
import { loopingQuantifier } from "../../model/quantifier.ts";
import type { GraphNode } from "../../model/pattern.ts";
import { chainRule, edgeList, nodeNames } from "../testing/ruleFixtures.ts";
import { graphAt } from "./graphAccess.ts";
import { groupableRun, groupStages, setGroupQuantifier, ungroup } from "./groupEdits.ts";

const placed = {
  ...chainRule(["a", "b", "c", "d"], ["STRICT", "SKIP_TILL_ANY", "NOT_NEXT"]),
  positions: { a: { x: 0, y: 0 }, b: { x: 100, y: 50 }, c: { x: 200, y: 60 }, d: { x: 300, y: 0 } },
};

describe("groupStages", () => {
  it("puts consecutive stages into a single group that takes their place in the chain", () => {
    const { rule, name } = groupStages(placed, [], ["c", "b"]);
    expect(name).toBe("group_1");
    const top = rule.rule.pattern;
    expect(nodeNames(top)).toEqual(["d", "group_1", "a"]);
    expect(edgeList(top)).toEqual(["a-STRICT->group_1", "group_1-NOT_NEXT->d"]);
    const g = graphAt(top, ["group_1"]) as GraphNode;
    expect(nodeNames(g)).toEqual(["c", "b"]);
    expect(edgeList(g)).toEqual(["b-SKIP_TILL_ANY->c"]);
    expect(g.quantifier?.properties).toEqual(["SINGLE"]);
    expect(rule.positions).toEqual({
      a: { x: 0, y: 0 },
      d: { x: 300, y: 0 },
      group_1: { x: 80, y: 10 },
      "group_1/b": { x: 20, y: 40 },
      "group_1/c": { x: 120, y: 50 },
    });
  });

  it("refuses stages that are not one unbroken run", () => {
    expect(groupableRun(placed, [], ["a", "c"])).toEqual({
      problem: "only consecutive stages of one chain can be grouped",
    });
    expect(groupableRun(placed, [], [])).toHaveProperty("problem");
    expect(groupableRun(placed, [], ["zz"])).toHaveProperty("problem");
    expect(groupStages(placed, [], ["a", "c"])).toEqual({ rule: placed, name: null });
  });

  it("ungroup restores the chain, its export and the positions", () => {
    const { rule } = groupStages(placed, [], ["b", "c"]);
    const back = ungroup(rule, [], "group_1");
    expect(JSON.stringify(exportRule(back.rule))).toBe(JSON.stringify(exportRule(placed.rule)));
    expect(back.positions).toEqual(placed.positions);
  });

  it("keeps the positions of stages named __proto__ or constructor through group and ungroup", () => {
    const named = {
      ...chainRule(["a", "__proto__", "constructor"]),
      positions: Object.fromEntries([
        ["a", { x: 0, y: 0 }],
        ["__proto__", { x: 100, y: 50 }],
        ["constructor", { x: 200, y: 60 }],
      ]),
    };
    const { rule } = groupStages(named, [], ["__proto__", "constructor"]);
    expect(Object.keys(rule.positions).sort()).toEqual([
      "a",
      "group_1",
      "group_1/__proto__",
      "group_1/constructor",
    ]);
    expect(Object.getPrototypeOf(rule.positions)).toBe(Object.prototype);
    expect(ungroup(rule, [], "group_1").positions).toEqual(named.positions);
  });

  it("groups the whole chain and a single stage", () => {
    const whole = groupStages(placed, [], ["a", "b", "c", "d"]).rule.rule.pattern;
    expect(nodeNames(whole)).toEqual(["group_1"]);
    expect(whole.edges).toEqual([]);
    const single = groupStages(placed, [], ["a"]).rule.rule.pattern;
    expect(edgeList(single)).toContain("group_1-STRICT->b");
  });

  it("ungroup refuses when an inner name is used next to the group", () => {
    const { rule } = groupStages(placed, [], ["b"]);
    const g = graphAt(rule.rule.pattern, ["group_1"]) as GraphNode;
    const clash = {
      ...rule,
      rule: {
        ...rule.rule,
        pattern: {
          ...rule.rule.pattern,
          nodes: rule.rule.pattern.nodes.map((n) => (n.name === "a" ? { ...n, name: "b" } : n)),
        },
      },
    };
    expect(g.nodes).toHaveLength(1);
    expect(ungroup(clash, [], "group_1")).toBe(clash);
    expect(ungroup(rule, [], "a")).toBe(rule);
  });

  it("sets a group's quantifier and the top-level mirror when the group is last", () => {
    const { rule } = groupStages(placed, [], ["c", "d"]);
    const q = loopingQuantifier(2);
    const next = setGroupQuantifier(rule, [], "group_1", q);
    expect(graphAt(next.rule.pattern, ["group_1"])?.quantifier).toBe(q);
    expect(next.rule.pattern.quantifier).toBe(q);
    expect(setGroupQuantifier(next, [], "a", q)).toBe(next);
  });
});
