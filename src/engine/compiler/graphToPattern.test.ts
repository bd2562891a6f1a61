import { describe, expect, it } from "vitest";
import type { GraphNode } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { MalformedPatternError } from "../api.ts";
import { graphToPattern } from "./graphToPattern.ts";

describe("graphToPattern chain order", () => {
  it("builds the patterns along the chain, whatever order the nodes are written in", () => {
    const { lastPattern, stageNames } = graphToPattern(
      PatternBuilder.begin("a").next("b").followedBy("c").build(),
    );
    expect(stageNames).toEqual(["a", "b", "c"]);
    expect([lastPattern.name, lastPattern.path]).toEqual(["c", "nodes[0]"]);
    expect([lastPattern.previous?.name, lastPattern.previous?.path]).toEqual(["b", "nodes[1]"]);
  });

  it("refuses a graph that is not one linear chain, naming where", () => {
    const graph: GraphNode = { ...PatternBuilder.begin("a").next("b").build(), edges: [] };
    let thrown: unknown = null;
    try {
      graphToPattern(graph);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MalformedPatternError);
    expect((thrown as MalformedPatternError).diagnostics).toEqual([
      {
        severity: "error",
        stage: null,
        path: "",
        message:
          "the graph is not one linear chain: there must be exactly one begin stage (a stage no edge leads to), found 2",
      },
    ]);
  });
});
