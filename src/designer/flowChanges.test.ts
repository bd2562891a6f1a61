import { describe, expect, it } from "vitest";
import { validatePattern } from "../model/validate.ts";
import { GROUP_PADDING } from "./designerGeometry.ts";
import { ruleToFlow } from "./flowAdapter.ts";
import { positionUpdate, selectedIds, selectionAfter } from "./flowChanges.ts";
import type { Selection } from "./selectionStore.ts";
import { groupRule } from "./testRules.ts";

const rule = groupRule();
const { refs, nodes } = ruleToFlow({
  docRule: { key: "r1", rule, enabled: true, positions: {}, published: null },
  bindings: {},
  diagnostics: validatePattern(rule.pattern),
  selection: { type: "none" },
});
const group = nodes.find((n) => n.type === "stageGroup");
const groupId = group?.id ?? "";
const none: Selection = { type: "none" };

describe("selectionAfter", () => {
  it("selects a clicked stage, and adds to it with multi-select", () => {
    const one = selectionAfter(none, [{ id: "start", type: "select", selected: true }], refs);
    expect(one).toEqual({ type: "stages", graphPath: [], names: ["start"] });
    const two = selectionAfter(one, [{ id: "end", type: "select", selected: true }], refs);
    expect(two).toEqual({ type: "stages", graphPath: [], names: ["start", "end"] });
    const back = selectionAfter(two, [{ id: "start", type: "select", selected: false }], refs);
    expect(back).toEqual({ type: "stages", graphPath: [], names: ["end"] });
  });

  it("keeps the stages of one graph: the last one selected decides which", () => {
    const selection = selectionAfter(
      { type: "stages", graphPath: [], names: ["start"] },
      [{ id: `${groupId}/x`, type: "select", selected: true }],
      refs,
    );
    expect(selection).toEqual({ type: "stages", graphPath: [groupId], names: ["x"] });
  });

  it("selects an edge, and clears to none when everything is deselected", () => {
    const edgeId = [...refs].find(([, r]) => r.kind === "edge" && r.target === "end")?.[0] ?? "";
    const edge = selectionAfter(none, [{ id: edgeId, type: "select", selected: true }], refs);
    expect(edge).toEqual({ type: "edge", graphPath: [], source: groupId, target: "end" });
    expect(selectedIds(edge, refs)).toEqual(new Set([edgeId]));
    expect(selectionAfter(edge, [{ id: edgeId, type: "select", selected: false }], refs)).toEqual(none);
  });

  it("ignores batches without select changes (the pattern selection survives a drag)", () => {
    const pattern: Selection = { type: "pattern" };
    expect(selectionAfter(pattern, [{ id: "start", type: "position", position: { x: 1, y: 1 } }], refs)).toBe(
      pattern,
    );
  });
});

describe("positionUpdate", () => {
  it("maps drag positions to stage keys and says when the drag ends", () => {
    const during = positionUpdate(
      [{ id: "start", type: "position", position: { x: 10.4, y: 20.6 }, dragging: true }],
      refs,
    );
    expect(during).toEqual({ positions: { start: { x: 10, y: 21 } }, dragging: true, ended: false });
    const end = positionUpdate([{ id: "start", type: "position", dragging: false }], refs);
    expect(end).toEqual({ positions: {}, dragging: false, ended: true });
    expect(positionUpdate([{ id: "start", type: "select", selected: true }], refs)).toBeNull();
  });

  it("keeps an inner stage inside its group's padding", () => {
    const update = positionUpdate(
      [{ id: `${groupId}/x`, type: "position", position: { x: -50, y: 0 }, dragging: true }],
      refs,
    );
    expect(update?.positions[`${groupId}/x`]).toEqual({ x: GROUP_PADDING.left, y: GROUP_PADDING.top });
  });
});
