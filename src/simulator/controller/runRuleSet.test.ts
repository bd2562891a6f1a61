import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../../document/defaultDocument.ts";
import { setActiveRule, setRuleEnabled } from "../../document/edits/ruleEdits.ts";
import type { StudioDocument } from "../../document/studioDocument.ts";
import { ruleChangeOf, runRuleSetOf } from "./runRuleSet.ts";

describe("runRuleSetOf", () => {
  const doc = createDefaultDocument();

  it("runs the enabled rules as dynamic-CEP JSON rows with the document's bindings", () => {
    const set = runRuleSetOf(doc);
    expect(set.rules).toHaveLength(1);
    expect(set.rules[0]).toMatchObject({
      id: "1",
      version: 1,
      pattern: { nodes: expect.any(Array) as unknown },
    });
    expect(set.bindings).toBe(doc.bindings);
  });

  it("keeps the fingerprint for layout, selection and disabled-rule changes", () => {
    const base = runRuleSetOf(doc).fingerprint;
    const moved: StudioDocument = {
      ...doc,
      rules: doc.rules.map((r, i) => (i === 0 ? { ...r, positions: { first_view: { x: 5, y: 9 } } } : r)),
    };
    expect(runRuleSetOf(moved).fingerprint).toBe(base);
    expect(runRuleSetOf(setActiveRule(doc, "r3")).fingerprint).toBe(base);
    const disabledEdited: StudioDocument = {
      ...doc,
      rules: doc.rules.map((r, i) => (i === 1 ? { ...r, rule: { ...r.rule, version: 9 } } : r)),
    };
    expect(runRuleSetOf(disabledEdited).fingerprint).toBe(base);
  });

  it("changes the fingerprint when an enabled rule, the enabled set or a binding changes", () => {
    const base = runRuleSetOf(doc).fingerprint;
    const bumped: StudioDocument = {
      ...doc,
      rules: doc.rules.map((r, i) => (i === 0 ? { ...r, rule: { ...r.rule, version: 2 } } : r)),
    };
    expect(runRuleSetOf(bumped).fingerprint).not.toBe(base);
    expect(runRuleSetOf(setRuleEnabled(doc, "r2", true)).fingerprint).not.toBe(base);
    const rebound = { ...doc, bindings: { ...doc.bindings, "a.B": "true" } };
    expect(runRuleSetOf(rebound).fingerprint).not.toBe(base);
  });

  it("does not depend on the order bindings were added in", () => {
    const a = { ...doc, bindings: { "x.A": "true", "x.B": "false" } };
    const b = { ...doc, bindings: { "x.B": "false", "x.A": "true" } };
    expect(runRuleSetOf(a).fingerprint).toBe(runRuleSetOf(b).fingerprint);
  });
});

describe("ruleChangeOf", () => {
  const set = runRuleSetOf(createDefaultDocument());

  it("is 'same' for the running rules, whatever the position", () => {
    expect(ruleChangeOf(set.fingerprint, set, 0)).toBe("same");
    expect(ruleChangeOf(set.fingerprint, set, 50)).toBe("same");
  });

  it("loads new rules silently before anything ran, and asks once the run holds data", () => {
    expect(ruleChangeOf("other", set, 0)).toBe("load");
    expect(ruleChangeOf(null, set, 0)).toBe("load");
    expect(ruleChangeOf("other", set, 3)).toBe("ask");
  });
});
