import { describe, expect, it } from "vitest";
import { exportRule } from "../formats/dynamicCep/index.ts";
import { seedBindings, seedScenarios } from "../scenarios/seedScenarios.ts";
import { createDefaultDocument } from "./defaultDocument.ts";

describe("createDefaultDocument", () => {
  it("holds the five seed rules verbatim except their ids, scenario 1 active and alone enabled", () => {
    const doc = createDefaultDocument();
    expect(doc.rules.map((r) => r.rule.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(doc.rules.map((r) => r.enabled)).toEqual([true, false, false, false, false]);
    expect(doc.activeRuleKey).toBe(doc.rules[0]?.key);
    doc.rules.forEach((r, i) => {
      const seed = seedScenarios[i]?.ruleJson;
      expect(JSON.stringify(exportRule(r.rule))).toBe(
        JSON.stringify({ ...(seed as object), id: String(i + 1) }),
      );
      expect(r.published).toBeNull();
      expect(r.positions).toEqual({});
    });
    expect(new Set(doc.rules.map((r) => r.key)).size).toBe(5);
    expect(doc.bindings).toEqual(seedBindings);
  });
});
