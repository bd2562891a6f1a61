import { describe, expect, it } from "vitest";
import { forEachConditionLeaf, type Condition } from "./condition.ts";

describe("forEachConditionLeaf", () => {
  it("visits the leaves in JSON order at their nestedConditions paths", () => {
    const condition: Condition = {
      type: "or",
      left: { type: "not", inner: { type: "aviator", expression: "a == 1" } },
      right: {
        type: "and",
        left: { type: "class", className: "com.example.Big" },
        right: { type: "subtype", className: "Event", subClassName: "SubEvent" },
      },
    };
    const seen: string[] = [];
    forEachConditionLeaf(condition, "nodes[1].condition", (leaf, path) => seen.push(`${leaf.type} ${path}`));
    expect(seen).toEqual([
      "aviator nodes[1].condition.nestedConditions[0].nestedConditions[0]",
      "class nodes[1].condition.nestedConditions[1].nestedConditions[0]",
      "subtype nodes[1].condition.nestedConditions[1].nestedConditions[1]",
    ]);
  });

  it("visits a leaf condition itself", () => {
    const seen: string[] = [];
    forEachConditionLeaf({ type: "groovy", expression: "x" }, "c", (leaf, path) =>
      seen.push(`${leaf.type} ${path}`),
    );
    expect(seen).toEqual(["groovy c"]);
  });
});
