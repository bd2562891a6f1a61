import { describe, expect, it } from "vitest";
import type { GraphNode } from "./pattern.ts";
import { PatternBuilder } from "./patternBuilder.ts";
import { stageChain } from "./stageChain.ts";

// The reference writer's order: nodes [c, b, a], edges [b->c, a->b].
const abc = (): GraphNode => PatternBuilder.begin("a").next("b").followedBy("c").build();

describe("stageChain", () => {
  it("walks from the begin stage with node and edge indices", () => {
    const chain = stageChain(abc());
    expect(chain.issues).toEqual([]);
    expect(chain.problems).toEqual([]);
    expect(chain.links.map((l) => [l.node.name, l.nodeIndex, l.contiguity, l.edgeIndex])).toEqual([
      ["a", 2, null, null],
      ["b", 1, "STRICT", 1],
      ["c", 0, "SKIP_TILL_NEXT", 0],
    ]);
  });

  it("finds names, then edges, then the walk, in that order", () => {
    // Nodes [d, c, b, a] with 'd' renamed to "" and its edge dropped.
    const graph = PatternBuilder.begin("a").next("b").followedBy("c").next("d").build();
    const broken: GraphNode = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.name === "d" ? { ...n, name: "" } : n)),
      edges: [
        ...abc().edges,
        { source: "a", target: "c", type: "STRICT" },
        { source: "c", target: "c", type: "STRICT" },
        { source: "zz", target: "b", type: "STRICT" },
      ],
    };
    const chain = stageChain(broken);
    expect(chain.issues).toEqual([
      { kind: "emptyName", node: 0 },
      { kind: "extraOutgoing", edge: 2, stage: "a" },
      { kind: "extraIncoming", edge: 2, stage: "c" },
      { kind: "selfLoop", edge: 3, stage: "c" },
      { kind: "unknownEnd", edge: 4, end: "source", name: "zz" },
      { kind: "begins", begins: [broken.nodes[0], broken.nodes[3]] },
    ]);
    expect(chain.problems).toEqual([
      "a stage has an empty name",
      "stage 'a' has more than one outgoing edge (patterns are linear chains)",
      "stage 'c' has more than one incoming edge (patterns are linear chains)",
      "stage 'c' has an edge to itself",
      "an edge names the unknown stage 'zz'",
      "there must be exactly one begin stage (a stage no edge leads to), found 2",
    ]);
  });

  it("reports stages a cycle keeps off the chain", () => {
    const graph: GraphNode = {
      ...abc(),
      edges: [
        { source: "b", target: "c", type: "STRICT" },
        { source: "c", target: "b", type: "STRICT" },
      ],
    };
    const chain = stageChain(graph);
    expect(chain.links.map((l) => l.node.name)).toEqual(["a"]);
    expect(chain.issues).toEqual([{ kind: "unreachable", nodes: [0, 1] }]);
    expect(chain.problems).toEqual(["stage(s) 'c', 'b' cannot be reached from the begin stage"]);
  });
});
