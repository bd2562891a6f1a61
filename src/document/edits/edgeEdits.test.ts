import { describe, expect, it } from "vitest";
import { chainRule, edgeList, nodeNames } from "../testing/ruleFixtures.ts";
import { connectStages, deleteEdge, setEdgeType } from "./edgeEdits.ts";
import { addStage } from "./stageEdits.ts";

describe("edge edits", () => {
  it("connects with followedBy by default and reorders the chain", () => {
    const { rule } = addStage(chainRule(["a"]), [], { name: "b" });
    const next = connectStages(rule, [], "a", "b");
    expect(edgeList(next.rule.pattern)).toEqual(["a-SKIP_TILL_NEXT->b"]);
    expect(nodeNames(next.rule.pattern)).toEqual(["b", "a"]);
    expect(next.rule.pattern.name).toBe("b");
  });

  it("replaces the source's outgoing and the target's incoming edge", () => {
    const rule = chainRule(["a", "b", "c"], ["STRICT", "STRICT"]);
    const next = connectStages(rule, [], "a", "c", "SKIP_TILL_ANY");
    expect(edgeList(next.rule.pattern)).toEqual(["a-SKIP_TILL_ANY->c"]);
  });

  it("ignores self-loops, unknown stages and an identical existing edge", () => {
    const rule = chainRule(["a", "b"]);
    expect(connectStages(rule, [], "a", "a")).toBe(rule);
    expect(connectStages(rule, [], "a", "zz")).toBe(rule);
    expect(connectStages(rule, [], "a", "b", "SKIP_TILL_NEXT")).toBe(rule);
  });

  it("sets an edge's contiguity and deletes an edge", () => {
    const rule = chainRule(["a", "b"]);
    const typed = setEdgeType(rule, [], "a", "b", "NOT_FOLLOW");
    expect(edgeList(typed.rule.pattern)).toEqual(["a-NOT_FOLLOW->b"]);
    expect(setEdgeType(typed, [], "a", "b", "NOT_FOLLOW")).toBe(typed);
    expect(setEdgeType(typed, [], "b", "a", "STRICT")).toBe(typed);
    const cut = deleteEdge(typed, [], "a", "b");
    expect(cut.rule.pattern.edges).toEqual([]);
    expect(deleteEdge(cut, [], "a", "b")).toBe(cut);
  });
});
