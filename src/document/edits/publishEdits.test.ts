import { describe, expect, it } from "vitest";
import { exportRule } from "../../formats/dynamicCep/index.ts";
import { createDefaultDocument } from "../defaultDocument.ts";
import type { DocumentRule } from "../studioDocument.ts";
import { chainRule, docOf } from "../testing/ruleFixtures.ts";
import { changedSincePublish, publishBlocker, publishRule } from "./publishEdits.ts";
import { setRuleEnabled, updateRule } from "./ruleEdits.ts";
import { setEdgeType } from "./edgeEdits.ts";

describe("publishRule", () => {
  it("first publish keeps the version and records the exported JSON", () => {
    const doc = publishRule(docOf(chainRule(["a", "b"])), "r1");
    const rule = doc.rules[0];
    expect(rule?.rule.version).toBe(1);
    expect(rule?.published).toEqual({
      version: 1,
      json: JSON.stringify(exportRule(rule?.rule ?? chainRule([]).rule)),
    });
    expect(rule && changedSincePublish(rule)).toBe(false);
    expect(publishRule(doc, "r1")).toBe(doc);
  });

  it("bumps the version when the rule changed since, or keeps a version the user raised", () => {
    const first = publishRule(docOf(chainRule(["a", "b"])), "r1");
    const edited = updateRule(first, "r1", (r) => setEdgeType(r, [], "a", "b", "STRICT"));
    expect(edited.rules[0] && changedSincePublish(edited.rules[0])).toBe(true);
    const second = publishRule(edited, "r1");
    expect(second.rules[0]?.rule.version).toBe(2);
    expect(second.rules[0]?.published?.version).toBe(2);
    const raised = updateRule(second, "r1", (r) => ({ ...r, rule: { ...r.rule, version: 10 } }));
    // Only the version differs: that is no change of the rule.
    expect(raised.rules[0] && changedSincePublish(raised.rules[0])).toBe(false);
    const changed = updateRule(raised, "r1", (r) => setEdgeType(r, [], "a", "b", "SKIP_TILL_ANY"));
    expect(publishRule(changed, "r1").rules[0]?.rule.version).toBe(10);
  });

  it("leaves disabled and unknown rules alone", () => {
    const doc = setRuleEnabled(docOf(chainRule(["a"])), "r1", false);
    expect(publishRule(doc, "r1")).toBe(doc);
    expect(publishRule(doc, "zz")).toBe(doc);
  });
});

function ruleOne(): DocumentRule {
  const rule = createDefaultDocument().rules[0];
  if (!rule) throw new Error("no rule");
  return rule;
}

describe("publishBlocker", () => {
  it("lets a never-published, valid, enabled rule through", () => {
    expect(publishBlocker(ruleOne())).toBeNull();
  });

  it("blocks a disabled, an unchanged and a malformed rule, saying why", () => {
    expect(publishBlocker({ ...ruleOne(), enabled: false })?.reason).toBe("Enable the rule to publish it");
    const doc = publishRule(createDefaultDocument(), "r1");
    expect(publishBlocker(doc.rules[0] ?? null)).toEqual({
      reason: "Unchanged since version 1 was published",
      notable: false,
    });
    const rule = ruleOne();
    const broken = { ...rule, rule: { ...rule.rule, pattern: { ...rule.rule.pattern, edges: [] } } };
    expect(publishBlocker(broken)?.reason).toMatch(/^Flink would reject this pattern/);
    expect(publishBlocker(null)?.notable).toBe(false);
  });

  it("blocks a rule whose AVIATOR condition does not compile: Flink's job would fail building it", () => {
    const rule = ruleOne();
    const [first, ...rest] = rule.rule.pattern.nodes;
    if (first === undefined) throw new Error("rule one has stages");
    const badStage = { ...first, condition: { type: "aviator" as const, expression: "x == && (" } };
    const bad = {
      ...rule,
      rule: { ...rule.rule, pattern: { ...rule.rule.pattern, nodes: [badStage, ...rest] } },
    };
    expect(publishBlocker(bad)).toEqual({
      reason: "A condition does not compile: fix it before publishing",
      notable: true,
    });
  });
});

describe("publishRule and Flink's verdict", () => {
  it("refuses a rule Flink would reject, whoever asks", () => {
    const doc = createDefaultDocument();
    const rule = ruleOne();
    const broken = { ...rule, rule: { ...rule.rule, pattern: { ...rule.rule.pattern, edges: [] } } };
    const withBroken = { ...doc, rules: [broken, ...doc.rules.slice(1)] };
    expect(publishRule(withBroken, "r1")).toBe(withBroken);
  });
});
