import { describe, expect, it } from "vitest";
import { GROUP_PADDING, NEXT_STAGE_OFFSET, STAGE_SIZE } from "./designerGeometry.ts";
import { layoutRule } from "./layout.ts";
import { missingPositions } from "./placement.ts";
import { chainRule, groupRule } from "./testRules.ts";

describe("missingPositions", () => {
  it("lays out a rule without positions automatically", () => {
    expect(missingPositions(groupRule(), {})).toEqual(layoutRule(groupRule()));
  });

  it("returns nothing when every stage has a position", () => {
    const all = layoutRule(chainRule());
    expect(missingPositions(chainRule(), all)).toEqual({});
  });

  it("puts a missing stage right of its predecessor, or below everything when that spot is taken", () => {
    const rule = chainRule();
    expect(missingPositions(rule, { a: { x: 0, y: 0 }, b: { x: 400, y: 0 } }).c).toEqual({
      x: 400 + NEXT_STAGE_OFFSET.x,
      y: 0,
    });
    // The spot right of b is taken by a: c goes below.
    const below = missingPositions(rule, { a: { x: NEXT_STAGE_OFFSET.x, y: 0 }, b: { x: 0, y: 0 } }).c;
    expect(below?.y).toBeGreaterThanOrEqual(STAGE_SIZE.height);
  });

  it("keeps a stage after a group on the row of the group's inner stages", () => {
    const rule = groupRule();
    const group = rule.pattern.nodes.find((n) => n.type === "COMPOSITE")?.name ?? "";
    const end = missingPositions(rule, {
      start: { x: 0, y: 0 },
      [group]: { x: 300, y: -GROUP_PADDING.top },
      [`${group}/x`]: { x: GROUP_PADDING.left, y: GROUP_PADDING.top },
      [`${group}/y`]: { x: GROUP_PADDING.left + NEXT_STAGE_OFFSET.x, y: GROUP_PADDING.top },
    }).end;
    expect(end?.y).toBe(0);
  });
});
