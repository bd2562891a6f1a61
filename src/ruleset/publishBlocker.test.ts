import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../document/defaultDocument.ts";
import { publishRule } from "../document/edits/publishEdits.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { publishBlocker } from "./publishBlocker.ts";

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
});
