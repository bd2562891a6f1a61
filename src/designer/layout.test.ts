import { describe, expect, it } from "vitest";
import { STAGE_SIZE } from "./designerGeometry.ts";
import { stageKey } from "../document/edits/graphAccess.ts";
import { layoutRule } from "./layout.ts";
import { brokenRule, chainRule, groupRule } from "./testRules.ts";

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
});
