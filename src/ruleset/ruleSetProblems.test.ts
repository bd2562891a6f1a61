import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../document/defaultDocument.ts";
import type { StudioDocument } from "../document/studioDocument.ts";
import { ruleSetProblems } from "./ruleSetProblems.ts";

function withIds(doc: StudioDocument, ids: string[]): StudioDocument {
  return { ...doc, rules: doc.rules.map((r, i) => ({ ...r, rule: { ...r.rule, id: ids[i] ?? r.rule.id } })) };
}

describe("ruleSetProblems", () => {
  it("finds nothing wrong with the default document", () => {
    expect(ruleSetProblems(createDefaultDocument())).toEqual([]);
  });

  it("names the rules that share an id, by position", () => {
    const doc = withIds(createDefaultDocument(), ["1", "7", "1", "7", "1"]);
    const problems = ruleSetProblems(doc);
    expect(problems.map((p) => [p.kind, p.ruleKeys])).toEqual([
      ["duplicateId", ["r1", "r3", "r5"]],
      ["duplicateId", ["r2", "r4"]],
    ]);
    expect(problems[0]?.message).toMatch(/^Rules #1, #3, #5 share the id "1"/);
  });

  it("says so when every rule is disabled, but not for an empty set", () => {
    const doc = createDefaultDocument();
    const disabled = { ...doc, rules: doc.rules.map((r) => ({ ...r, enabled: false })) };
    expect(ruleSetProblems(disabled).map((p) => p.kind)).toEqual(["noneEnabled"]);
    expect(ruleSetProblems({ ...doc, rules: [], activeRuleKey: null })).toEqual([]);
  });
});
