import { describe, expect, it } from "vitest";
import type { DocumentRule } from "../document/studioDocument.ts";
import { stageChain } from "../model/stageChain.ts";
import { NEXT_STAGE_OFFSET } from "./designerGeometry.ts";
import { quantifierBadge } from "./stageLabels.ts";
import { addShape } from "./paletteShapes.ts";
import { chainRule } from "./testRules.ts";

const base: DocumentRule = {
  key: "r1",
  rule: chainRule(),
  enabled: true,
  positions: { a: { x: 0, y: 0 }, b: { x: 352, y: 0 }, c: { x: 704, y: 0 } },
  published: null,
};
const chainNames = (r: DocumentRule) => stageChain(r.rule.pattern).links.map((l) => l.node.name);

describe("addShape", () => {
  it("chains a new stage after the last stage with followedBy, right of it", () => {
    const added = addShape(base, { type: "none" }, "stage");
    if (!added) throw new Error("added");
    expect(chainNames(added.rule)).toEqual(["a", "b", "c", added.name]);
    const edge = added.rule.rule.pattern.edges.find((e) => e.target === added.name);
    expect(edge).toEqual({ source: "c", target: added.name, type: "SKIP_TILL_NEXT" });
    expect(added.rule.positions[added.name]).toEqual({ x: 704 + NEXT_STAGE_OFFSET.x, y: 0 });
  });

  it("inserts after the selected stage, placing the new one where it does not cover another", () => {
    const added = addShape(base, { type: "stages", graphPath: [], names: ["a"] }, "oneOrMore");
    if (!added) throw new Error("added");
    expect(chainNames(added.rule)).toEqual(["a", added.name, "b", "c"]);
    const node = added.rule.rule.pattern.nodes.find((n) => n.name === added.name);
    expect(node?.type === "ATOMIC" && quantifierBadge(node.quantifier)).toBe("+");
    const p = added.rule.positions[added.name];
    expect(p).toBeDefined();
    expect(p?.y).toBeGreaterThan(0);
  });

  it("adds an absence as notFollowedBy, and a drop at the drop point", () => {
    const added = addShape(base, { type: "none" }, "absence", { x: 5, y: 300 });
    if (!added) throw new Error("added");
    expect(added.rule.rule.pattern.edges.find((e) => e.target === added.name)?.type).toBe("NOT_FOLLOW");
    expect(added.rule.positions[added.name]).toEqual({ x: 5, y: 300 });
  });

  it("adds a group holding one stage, with positions for both", () => {
    const added = addShape(base, { type: "none" }, "group");
    if (!added) throw new Error("added");
    const group = added.rule.rule.pattern.nodes.find((n) => n.name === added.name);
    expect(group?.type).toBe("COMPOSITE");
    const inner = group?.type === "COMPOSITE" ? group.nodes[0]?.name : undefined;
    expect(added.rule.positions[added.name]).toBeDefined();
    expect(added.rule.positions[`${added.name}/${inner ?? ""}`]).toBeDefined();
  });

  it("starts an empty rule with its first stage, unconnected", () => {
    const empty: DocumentRule = {
      ...base,
      rule: { ...base.rule, pattern: { ...base.rule.pattern, nodes: [], edges: [] } },
      positions: {},
    };
    const added = addShape(empty, { type: "none" }, "stage");
    expect(added?.rule.rule.pattern.nodes).toHaveLength(1);
    expect(added?.rule.rule.pattern.edges).toHaveLength(0);
  });
});
