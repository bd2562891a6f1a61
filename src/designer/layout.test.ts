import { describe, expect, it } from "vitest";
import { STAGE_SIZE } from "./designerGeometry.ts";
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
