import { describe, expect, it } from "vitest";
import type { Selection } from "./selectionStore.ts";
import { pruneSelection } from "./selectionScope.ts";
import { chainRule, groupRule } from "./testRules.ts";

describe("pruneSelection", () => {
  it("keeps a selection the rule still holds, as the same object", () => {
    const selection: Selection = { type: "stages", graphPath: [], names: ["a", "b"] };
    expect(pruneSelection(selection, chainRule())).toBe(selection);
  });

  it("drops stages and edges that are gone", () => {
    expect(pruneSelection({ type: "stages", graphPath: [], names: ["a", "zz"] }, chainRule())).toEqual({
      type: "stages",
      graphPath: [],
      names: ["a"],
    });
    expect(pruneSelection({ type: "stages", graphPath: ["nope"], names: ["a"] }, groupRule())).toEqual({
      type: "none",
    });
    expect(pruneSelection({ type: "edge", graphPath: [], source: "b", target: "a" }, chainRule())).toEqual({
      type: "none",
    });
    expect(pruneSelection({ type: "pattern" }, null)).toEqual({ type: "none" });
  });
});
