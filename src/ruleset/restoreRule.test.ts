import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../document/defaultDocument.ts";
import { removeRule, setRuleEnabled } from "../document/edits/ruleEdits.ts";
import { restoreRule } from "./restoreRule.ts";

describe("restoreRule", () => {
  it("puts a deleted rule back at its place, active, even after later changes", () => {
    const doc = createDefaultDocument();
    const deleted = doc.rules[1];
    if (!deleted) throw new Error("no rule 2");
    const later = setRuleEnabled(removeRule(doc, deleted.key), "r3", true);
    const restored = restoreRule(later, deleted, 1);
    expect(restored.rules.map((r) => r.key)).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    expect(restored.rules[1]).toBe(deleted);
    expect(restored.rules[2]?.enabled).toBe(true);
    expect(restored.activeRuleKey).toBe("r2");
  });

  it("changes nothing when the rule is back already, and clamps the position", () => {
    const doc = createDefaultDocument();
    const first = doc.rules[0];
    if (!first) throw new Error("no rule 1");
    expect(restoreRule(doc, first, 0)).toBe(doc);
    const empty = { rules: [], activeRuleKey: null, bindings: {} };
    expect(restoreRule(empty, first, 7).rules).toEqual([first]);
  });
});
