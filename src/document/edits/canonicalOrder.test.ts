import { describe, expect, it } from "vitest";
import { timesQuantifier } from "../../model/quantifier.ts";
import type { GraphNode } from "../../model/pattern.ts";
import { chainGraph, group, nodeNames, stage } from "../testing/ruleFixtures.ts";
import { canonicalGraphOrder } from "./canonicalOrder.ts";

describe("canonicalGraphOrder", () => {
  it("writes nodes and edges last first and mirrors the last stage at the top", () => {
    const forward = chainGraph([
      stage("a"),
      stage("b"),
      { ...stage("c"), quantifier: timesQuantifier(2, 2) },
    ]);
    const scrambled: GraphNode = {
      ...forward,
      name: "x",
      nodes: [forward.nodes[1], forward.nodes[2], forward.nodes[0]].filter((n) => n !== undefined),
      edges: [...forward.edges].reverse(),
    };
    const ordered = canonicalGraphOrder(scrambled);
    expect(nodeNames(ordered)).toEqual(["c", "b", "a"]);
    expect(ordered.edges.map((e) => e.source)).toEqual(["b", "a"]);
    expect(ordered.name).toBe("c");
    expect(ordered.quantifier).toEqual(timesQuantifier(2, 2));
  });

  it("returns an already canonical graph itself", () => {
    const graph = chainGraph([stage("a"), stage("b")]);
    expect(canonicalGraphOrder(graph)).toBe(graph);
  });

  it("orders groups recursively but keeps their own name and quantifier", () => {
    const g = group("g", [stage("x"), stage("y")]);
    const scrambledGroup: GraphNode = { ...g, nodes: [...g.nodes].reverse() };
    const top = chainGraph([stage("a"), scrambledGroup]);
    const ordered = canonicalGraphOrder(top);
    const inner = ordered.nodes[0];
    expect(inner?.name).toBe("g");
    expect(inner?.type === "COMPOSITE" && nodeNames(inner)).toEqual(["y", "x"]);
    expect(ordered.name).toBe("g");
  });

  it("orders separate chains in the order of their begins and keeps every node, duplicates too", () => {
    const graph: GraphNode = {
      ...chainGraph([stage("a"), stage("b")]),
      nodes: [stage("lonely"), stage("a"), stage("b"), stage("b")],
    };
    const ordered = canonicalGraphOrder(graph);
    expect(nodeNames(ordered)).toEqual(["b", "b", "a", "lonely"]);
  });

  it("keeps stages on a cycle", () => {
    const graph: GraphNode = {
      ...chainGraph([stage("a"), stage("b")]),
      edges: [
        { source: "a", target: "b", type: "STRICT" },
        { source: "b", target: "a", type: "STRICT" },
      ],
    };
    expect(nodeNames(canonicalGraphOrder(graph)).sort()).toEqual(["a", "b"]);
  });
});
