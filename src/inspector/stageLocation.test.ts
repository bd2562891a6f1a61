import { describe, expect, it } from "vitest";
import type { GraphNode, PatternNode } from "../model/pattern.ts";
import { singleQuantifier } from "../model/quantifier.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { validatePattern } from "../model/validate.ts";
import { atomicStageNames, edgeDiagnostics, graphPathOf } from "./stageLocation.ts";

const stage = (name: string): PatternNode => ({
  type: "ATOMIC",
  name,
  quantifier: singleQuantifier(),
  condition: null,
});
const graph = (name: string, nodes: PatternNode[], edges: GraphNode["edges"] = []): GraphNode => ({
  type: "COMPOSITE",
  name,
  quantifier: singleQuantifier(),
  condition: null,
  nodes,
  edges,
  window: null,
  afterMatchStrategy: { type: "NO_SKIP", patternName: null },
  version: 1,
});

const pattern = graph(
  "end",
  [stage("end"), graph("g1", [stage("b"), graph("g2", [stage("c")])]), stage("a")],
  [
    { source: "g1", target: "end", type: "STRICT" },
    { source: "a", target: "g1", type: "SKIP_TILL_NEXT" },
  ],
);

describe("stageLocation", () => {
  it("finds the graph holding a stage, however deep", () => {
    expect(graphPathOf(pattern, "a")).toEqual([]);
    expect(graphPathOf(pattern, "b")).toEqual(["g1"]);
    expect(graphPathOf(pattern, "c")).toEqual(["g1", "g2"]);
    expect(graphPathOf(pattern, "g2")).toEqual(["g1"]);
    expect(graphPathOf(pattern, "zz")).toBeNull();
  });

  it("lists atomic stage names in chain order, groups' stages included", () => {
    expect(atomicStageNames(pattern)).toEqual(["a", "b", "c", "end"]);
  });
});

describe("edgeDiagnostics", () => {
  it("lists the findings whose path points into the edge, and none of another edge's", () => {
    const pattern = PatternBuilder.begin("a").next("m").notFollowedBy("b").build();
    const all = validatePattern(pattern);
    expect(edgeDiagnostics(pattern, all, [], "m", "b").map((d) => d.path)).toEqual(["edges[0].type"]);
    expect(edgeDiagnostics(pattern, all, [], "a", "m")).toEqual([]);
    expect(edgeDiagnostics(pattern, all, ["nope"], "m", "b")).toEqual([]);
  });

  it("finds an edge inside a group by the group's index", () => {
    const inner = PatternBuilder.begin("x").notFollowedBy("y").build();
    const pattern = graph("top", [{ ...inner, name: "g" }]);
    const found = [{ severity: "error" as const, stage: "y", path: "nodes[0].edges[0].type", message: "m" }];
    expect(edgeDiagnostics(pattern, found, ["g"], "x", "y")).toEqual(found);
    expect(edgeDiagnostics(pattern, found, [], "x", "y")).toEqual([]);
  });
});
