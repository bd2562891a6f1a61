import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../../document/defaultDocument.ts";
import { seedScenarios } from "../../scenarios/seedScenarios.ts";
import { enableOnlyRule, scenarioRuleKey } from "./scenarioRule.ts";

describe("scenario rules in the document", () => {
  const doc = createDefaultDocument();

  it("finds each seed scenario's rule by its pattern", () => {
    expect(seedScenarios.map((s) => scenarioRuleKey(doc, s))).toEqual(["r1", "r2", "r3", "r4", "r5"]);
  });

  it("finds nothing once the rule's pattern was edited", () => {
    const edited = {
      ...doc,
      rules: doc.rules.map((r) =>
        r.key === "r2" ? { ...r, rule: { ...r.rule, pattern: { ...r.rule.pattern, window: null } } } : r,
      ),
    };
    const scenario = seedScenarios[1];
    if (scenario === undefined) throw new Error("no scenario 2");
    expect(scenarioRuleKey(edited, scenario)).toBeNull();
  });

  it("enables only the chosen rule", () => {
    const next = enableOnlyRule(doc, "r3");
    expect(next.rules.map((r) => r.enabled)).toEqual([false, false, true, false, false]);
  });
});
