import { describe, expect, it } from "vitest";
import { GROUP_PADDING, STAGE_SIZE } from "./designerGeometry.ts";
import { stageKey } from "../document/edits/graphAccess.ts";
import { layoutRule } from "./layout.ts";
import type { GraphNode } from "../model/pattern.ts";
import { brokenRule, chainRule, groupRule, ruleOf } from "./testRules.ts";

type Box = { x: number; y: number; width: number; height: number };
const stageBox = (p: { x: number; y: number }): Box => ({ ...p, ...STAGE_SIZE });
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutRule", () => {
  it("places a chain left to right in chain order, without overlaps", () => {
    const positions = layoutRule(chainRule());
    const { a, b, c } = positions;
    expect(a && b && c).toBeTruthy();
    if (!a || !b || !c) return;
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    expect(a.y).toBe(b.y);
    expect(overlaps(stageBox(a), stageBox(b))).toBe(false);
    expect(overlaps(stageBox(b), stageBox(c))).toBe(false);
  });

  it("is deterministic", () => {
    expect(layoutRule(groupRule())).toEqual(layoutRule(groupRule()));
    expect(layoutRule(brokenRule())).toEqual(layoutRule(brokenRule()));
  });

  it("lays groups out inside-out: inner stages relative to the group, the group sized around them", () => {
    const rule = groupRule();
    const positions = layoutRule(rule);
    const groupName = rule.pattern.nodes.find((n) => n.type === "COMPOSITE")?.name ?? "";
    const group = positions[groupName];
    const x = positions[stageKey([groupName], "x")];
    const y = positions[stageKey([groupName], "y")];
    const start = positions.start;
    const end = positions.end;
    if (!group || !x || !y || !start || !end) throw new Error("every stage has a position");
    // Inner positions sit inside the group's padding, in chain order.
    expect(x.x).toBeGreaterThan(0);
    expect(x.y).toBeGreaterThan(0);
    expect(x.x).toBeLessThan(y.x);
    // The group is wide enough for both inner stages, so its neighbours do not overlap it.
    const groupWidth = y.x + STAGE_SIZE.width;
    expect(start.x + STAGE_SIZE.width).toBeLessThanOrEqual(group.x);
    expect(group.x + groupWidth).toBeLessThan(end.x);
  });

  it("keeps deeply nested groups compact: each level's first row starts right inside its group", () => {
    // `pre1 followedBy (pre2 followedBy (… (leaf0 next leaf1)))`: each group held twice the
    // space it needed above its stages, so 30 levels grew to ten million pixels and the canvas
    // showed nothing.
    const depth = 30;
    let inner: GraphNode = longChain(["leaf0", "leaf1"]);
    for (let i = depth - 1; i >= 1; i--) {
      const group: GraphNode = { ...inner, name: `g${i + 1}` };
      const pre = longChain([`pre${i}`]).nodes[0] as GraphNode;
      inner = {
        ...inner,
        name: `g${i}`,
        nodes: [pre, group],
        edges: [{ source: `pre${i}`, target: `g${i + 1}`, type: "SKIP_TILL_NEXT" }],
      };
    }
    const positions = layoutRule(ruleOf(inner));
    const groupPath: string[] = [];
    for (let i = 2; i < depth; i++) {
      groupPath.push(`g${i}`);
      // The inner group's frame starts at the padding; `pre` sits on its first row's line.
      const group = positions[stageKey(groupPath, `g${i + 1}`)];
      const pre = positions[stageKey(groupPath, `pre${i}`)];
      expect(group, `g${i + 1}`).toEqual({
        x: GROUP_PADDING.left + STAGE_SIZE.width + 140,
        y: GROUP_PADDING.top,
      });
      expect(pre, `pre${i}`).toEqual({ x: GROUP_PADDING.left, y: 2 * GROUP_PADDING.top });
    }
    const ys = Object.values(positions).map((p) => p.y);
    expect(Math.max(...ys)).toBeLessThan(depth * STAGE_SIZE.height);
  });

  it("places every stage of a broken rule (duplicate names, cycle, dangling edge)", () => {
    const positions = layoutRule(brokenRule());
    expect(Object.keys(positions).sort()).toEqual(["a", "b", "c", "stray"]);
    const boxes = Object.values(positions).map(stageBox);
    boxes.forEach((box, i) => {
      for (const other of boxes.slice(i + 1)) expect(overlaps(box, other)).toBe(false);
    });
  });

  it("lays out a level of thousands of stages in chain order (dagre would overflow the stack)", () => {
    const n = 3000;
    const stages = Array.from({ length: n }, (_, i) => `s${i}`);
    const chain = longChain(stages);
    const positions = layoutRule(ruleOf(chain));
    const placed = stages.map((name) => positions[name]);
    expect(placed.every((p) => p !== undefined)).toBe(true);
    for (let i = 1; i < n; i++) {
      const previous = placed[i - 1] as Box;
      const current = placed[i] as Box;
      expect(current.x).toBeGreaterThan(previous.x + STAGE_SIZE.width - 1);
      expect(current.y).toBe(previous.y);
    }
  });

  it("in a large level, ranks stages by their longest path and places a cycle's stages after the rest", () => {
    const stages = Array.from({ length: 200 }, (_, i) => `s${i}`);
    const chain = longChain(stages);
    const fanned: GraphNode = {
      ...chain,
      // s0 also leads to s150, which the longest path still puts after s149; s199 → s198 closes a cycle.
      edges: [
        ...chain.edges,
        { source: "s0", target: "s150", type: "SKIP_TILL_ANY" },
        { source: "s199", target: "s198", type: "SKIP_TILL_NEXT" },
      ],
    };
    const positions = layoutRule(ruleOf(fanned));
    const boxes = stages.map((name) => stageBox(positions[name] as Box));
    boxes.forEach((box, i) => {
      for (const other of boxes.slice(i + 1)) expect(overlaps(box, other)).toBe(false);
    });
    const p = (name: string) => positions[name] as Box;
    expect(p("s150").x).toBe(p("s149").x + STAGE_SIZE.width + 140);
    expect(p("s198").x).toBe(p("s199").x);
    expect(p("s198").x).toBeGreaterThan(p("s197").x);
  });

  it("lays out a small level with far more edges than a chain without dagre (30 stages joined every way froze the tab for 5 s)", () => {
    const stages = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const chain = longChain(stages);
    const dense: GraphNode = {
      ...chain,
      edges: stages.flatMap((source) =>
        stages
          .filter((target) => target !== source)
          .map((target) => ({ source, target, type: "SKIP_TILL_ANY" })),
      ),
    };
    const started = performance.now();
    const positions = layoutRule(ruleOf(dense));
    expect(performance.now() - started).toBeLessThan(1000);
    // Every stage is on a cycle: the layered layout stacks them in one column, without overlaps.
    const boxes = stages.map((name) => stageBox(positions[name] as Box));
    expect(new Set(boxes.map((box) => box.x)).size).toBe(1);
    boxes.forEach((box, i) => {
      for (const other of boxes.slice(i + 1)) expect(overlaps(box, other)).toBe(false);
    });
  });

  it("lays out a large level that is one cycle (no stage to start from) in one column", () => {
    const stages = Array.from({ length: 200 }, (_, i) => `r${i}`);
    const chain = longChain(stages);
    const ring: GraphNode = {
      ...chain,
      edges: [...chain.edges, { source: "r199", target: "r0", type: "SKIP_TILL_NEXT" }],
    };
    const positions = layoutRule(ruleOf(ring));
    expect(stages.every((name) => positions[name]?.x === 0)).toBe(true);
    expect(new Set(stages.map((name) => positions[name]?.y)).size).toBe(stages.length);
  });

  it("still lays out a chain with a few stray edges with dagre, repeated edges counted once", () => {
    const stages = ["a", "b", "c", "d"];
    const chain = longChain(stages);
    const stray = { source: "a", target: "c", type: "SKIP_TILL_ANY" } as const;
    const repeated = Array.from({ length: 40 }, () => stray);
    const positions = layoutRule(ruleOf({ ...chain, edges: [...chain.edges, ...repeated] }));
    expect(positions).toEqual(layoutRule(ruleOf({ ...chain, edges: [...chain.edges, stray] })));
  });
});

/** One level of `names` chained by followedBy, built as plain data (the builder would take long). */
function longChain(names: readonly string[]): GraphNode {
  const base = chainRule().pattern;
  const stage = base.nodes[0] as GraphNode;
  return {
    ...base,
    name: names[names.length - 1] as string,
    nodes: names.map((name) => ({ ...stage, name })),
    edges: names
      .slice(1)
      .map((name, i) => ({ source: names[i] as string, target: name, type: "SKIP_TILL_NEXT" })),
  };
}
