import { describe, expect, it } from "vitest";
import { locate } from "./patternLocation.ts";

describe("locate", () => {
  it("reads nodes, groups and edges out of a diagnostic path", () => {
    expect(locate("")).toEqual({ graph: [], target: { kind: "graph" }, rest: "" });
    expect(locate("nodes[2].name")).toEqual({ graph: [], target: { kind: "node", index: 2 }, rest: "name" });
    expect(locate("nodes[1].nodes[0].quantifier.properties")).toEqual({
      graph: [1],
      target: { kind: "node", index: 0 },
      rest: "quantifier.properties",
    });
    expect(locate("edges[3].type")).toEqual({ graph: [], target: { kind: "edge", index: 3 }, rest: "type" });
  });

  it("enters the group an edge belongs to", () => {
    expect(locate("nodes[1].edges[0].type")).toEqual({
      graph: [1],
      target: { kind: "edge", index: 0 },
      rest: "type",
    });
  });
});
