import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../document/defaultDocument.ts";
import { exportRule } from "../formats/dynamicCep/index.ts";
import { applyTemplate } from "./applyTemplate.ts";
import { templateCatalog } from "./templateCatalog.ts";

function template(id: string) {
  const found = templateCatalog.find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe("applyTemplate", () => {
  it("appends with the next free id and makes the new rule active", () => {
    const doc = createDefaultDocument();
    const next = applyTemplate(doc, template("shape-abandoned-cart"), "append");
    expect(next.rules.map((r) => r.rule.id)).toEqual(["1", "2", "3", "4", "5", "6"]);
    const added = next.rules[5];
    expect(next.activeRuleKey).toBe(added?.key);
    expect(added?.enabled).toBe(true);
    expect(added?.rule.pattern).toEqual(template("shape-abandoned-cart").rules[0]?.pattern);
  });

  it("replaces the rule set, numbering from 1, and adds the seed bindings the rule needs", () => {
    const empty = { rules: [], activeRuleKey: null, bindings: {} };
    const next = applyTemplate(empty, template("seed-scenario2"), "replace");
    expect(next.rules.map((r) => exportRule(r.rule))).toEqual([
      { ...(template("seed-scenario2").rules.map(exportRule)[0] ?? {}), id: "1" },
    ]);
    expect(Object.keys(next.bindings)).toEqual([
      "com.alibaba.ververica.cep.demo.condition.PurchaseCondition",
      "com.alibaba.ververica.cep.demo.condition.CartAddCondition",
    ]);
    const replaced = applyTemplate(createDefaultDocument(), template("seed001-login-logout"), "replace");
    expect(replaced.rules.map((r) => r.rule.id)).toEqual(["1"]);
  });
});
