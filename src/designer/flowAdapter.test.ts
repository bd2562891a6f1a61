import { describe, expect, it } from "vitest";
import type { DocumentRule } from "../document/studioDocument.ts";
import { validatePattern } from "../model/validate.ts";
import type { Rule } from "../model/pattern.ts";
import { GROUP_PADDING } from "./designerGeometry.ts";
import { ruleToFlow } from "./flowAdapter.ts";
import type { FlowInput } from "./flowAdapter.ts";
import type { Selection } from "./selectionStore.ts";
import { chainGraph, stage } from "../document/testing/ruleFixtures.ts";
import { brokenRule, chainRule, groupRule, ruleOf } from "./testRules.ts";

function docRuleOf(rule: Rule, positions: DocumentRule["positions"] = {}): DocumentRule {
  return { key: "r1", rule, enabled: true, positions, published: null };
}

function flowOf(rule: Rule, extra: Partial<FlowInput> = {}) {
  return ruleToFlow({
    docRule: docRuleOf(rule),
    bindings: {},
    diagnostics: validatePattern(rule.pattern),
    selection: { type: "none" },
    ...extra,
  });
}

describe("ruleToFlow", () => {
  it("draws one node per stage and one edge per graph edge, with the contiguity", () => {
    const { nodes, edges } = flowOf(chainRule());
    expect(nodes.map((n) => n.id).sort()).toEqual(["a", "b", "c"]);
    expect(nodes.every((n) => n.type === "stage")).toBe(true);
    const byTarget = Object.fromEntries(edges.map((e) => [e.target, e]));
    expect(byTarget.b?.source).toBe("a");
    expect(byTarget.b?.data?.contiguity).toBe("STRICT");
    expect(byTarget.c?.data?.contiguity).toBe("SKIP_TILL_NEXT");
  });

  it("names stages, groups and edges for screen readers in Flink's words", () => {
    const chain = flowOf(chainRule());
    expect(chain.nodes.map((n) => n.ariaLabel).sort()).toEqual(["Stage a", "Stage b", "Stage c"]);
    expect(chain.edges.map((e) => e.ariaLabel).sort()).toEqual(["a next b", "b followedBy c"]);
    const group = flowOf(groupRule()).nodes.find((n) => n.type === "stageGroup");
    expect(group?.ariaLabel).toBe(`Group ${group?.id ?? ""}`);
  });

  it("uses stored positions and places the missing ones", () => {
    const rule = chainRule();
    const { nodes } = ruleToFlow({
      docRule: docRuleOf(rule, { a: { x: 10, y: 20 } }),
      bindings: {},
      diagnostics: [],
      selection: { type: "none" },
    });
    const a = nodes.find((n) => n.id === "a");
    const b = nodes.find((n) => n.id === "b");
    expect(a?.position).toEqual({ x: 10, y: 20 });
    // b follows a to the right on a's row.
    expect(b?.position.y).toBe(20);
    expect(b?.position.x).toBeGreaterThan(10);
  });

  it("places stages named like Object.prototype's members (constructor, toString, __proto__) as any other", () => {
    const names = ["__proto__", "constructor", "toString"];
    const rule = ruleOf(chainGraph(names.map((n) => stage(n))));
    const { nodes } = flowOf(rule);
    const xs = names.map((name) => nodes.find((n) => n.id === name)?.position.x);
    expect(xs.every((x) => Number.isFinite(x))).toBe(true);
    // Laid out left to right in chain order, none on top of another.
    expect(xs).toEqual([...xs].sort((a = 0, b = 0) => a - b));
    expect(new Set(xs).size).toBe(3);
    // A stored position under such a name is used, and a missing one is never Object.prototype's.
    const stored = ruleToFlow({
      docRule: docRuleOf(rule, Object.fromEntries([["__proto__", { x: 7, y: 9 }]])),
      bindings: {},
      diagnostics: [],
      selection: { type: "none" },
    });
    expect(stored.nodes.find((n) => n.id === "__proto__")?.position).toEqual({ x: 7, y: 9 });
    expect(Number.isFinite(stored.nodes.find((n) => n.id === "toString")?.position.x)).toBe(true);
  });

  it("draws a group as a container whose inner stages are its React Flow children", () => {
    const rule = groupRule();
    const { nodes, edges } = flowOf(rule);
    const group = nodes.find((n) => n.type === "stageGroup");
    if (!group) throw new Error("the group is drawn");
    const inner = nodes.filter((n) => n.parentId === group.id);
    expect(inner.map((n) => n.data.stageKey).sort()).toEqual([`${group.id}/x`, `${group.id}/y`]);
    // React Flow needs a parent before its children.
    expect(nodes.indexOf(group)).toBeLessThan(Math.min(...inner.map((n) => nodes.indexOf(n))));
    for (const child of inner) {
      expect(child.position.x).toBeGreaterThanOrEqual(GROUP_PADDING.left);
      expect(child.position.x).toBeLessThan(group.width ?? 0);
      expect(child.position.y).toBeGreaterThanOrEqual(GROUP_PADDING.top);
    }
    // The inner edge joins the children; the outer edges join the group node.
    expect(edges.find((e) => e.data?.graphPath.length === 1)?.source).toBe(`${group.id}/x`);
    expect(edges.filter((e) => e.source === group.id || e.target === group.id)).toHaveLength(2);
    expect(edges.find((e) => e.data?.contiguity === "NOT_FOLLOW")?.target).toBe("end");
  });

  it("still draws a broken rule: duplicates get distinct ids, cycles and dangling edges do not throw", () => {
    const rule = brokenRule();
    const { nodes, edges, unplaced } = flowOf(rule);
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("b#2");
    expect(nodes).toHaveLength(5);
    // Edges to the missing stage 'ghost' cannot be drawn; the cycle's edges are.
    expect(edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual(["a->b", "b->c", "c->a"]);
    const b = nodes.find((n) => n.id === "b");
    const b2 = nodes.find((n) => n.id === "b#2");
    expect(b2?.position).not.toEqual(b?.position);
    // The duplicate-name error shows on the stage; pattern-wide errors are left for the pattern panel.
    expect(b2?.data.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(unplaced.length).toBeGreaterThan(0);
  });

  it("attaches findings to the node and edge they name", () => {
    const rule = groupRule();
    const lastEdgeError = {
      severity: "error" as const,
      stage: null,
      path: "edges[0].type",
      message: "edge problem",
    };
    const { edges, nodes } = flowOf(rule, {
      diagnostics: [
        lastEdgeError,
        { severity: "warning", stage: "x", path: "nodes[1].nodes[1]", message: "w" },
      ],
    });
    const claimed = edges.filter((e) => e.data?.diagnostics.includes(lastEdgeError));
    expect(claimed).toHaveLength(1);
    const x = nodes.find((n) => n.data.stageKey.endsWith("/x"));
    expect(x?.data.diagnostics.map((d) => d.message)).toEqual(["w"]);
    // The group does not take the findings of its inner stages.
    expect(nodes.find((n) => n.type === "stageGroup")?.data.diagnostics).toEqual([]);
  });

  it("marks the selected stages and edge", () => {
    const rule = chainRule();
    const stages: Selection = { type: "stages", graphPath: [], names: ["a", "c"] };
    expect(
      flowOf(rule, { selection: stages })
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(["a", "c"]);
    const edge: Selection = { type: "edge", graphPath: [], source: "a", target: "b" };
    expect(
      flowOf(rule, { selection: edge })
        .edges.filter((e) => e.selected)
        .map((e) => e.target),
    ).toEqual(["b"]);
  });

  it("lists stages in chain order, so Tab walks them as the pattern reads", () => {
    // chainRule() is written last stage first, as Flink's writer does.
    expect(flowOf(chainRule()).nodes.map((n) => n.id)).toEqual(["a", "b", "c"]);
  });

  it("passes measured sizes back, so React Flow keeps its measurements", () => {
    const measured = new Map([["a", { width: 232, height: 120 }]]);
    const a = flowOf(chainRule(), { measured }).nodes.find((n) => n.id === "a");
    expect(a?.measured).toEqual({ width: 232, height: 120 });
  });
});
