/**
 * The acceptance test of the canonical order and the defaults: each seed scenario, built with the
 * edits from a new rule as a user would click it together, exports exactly the seed file.
 */
import { describe, expect, it } from "vitest";
import { exportRule } from "../../formats/dynamicCep/index.ts";
import type { Condition } from "../../model/condition.ts";
import type { EdgeContiguity, Window } from "../../model/pattern.ts";
import { loopingQuantifier, timesQuantifier } from "../../model/quantifier.ts";
import { seedScenarios } from "../../scenarios/seedScenarios.ts";
import type { DocumentRule, StudioDocument } from "../studioDocument.ts";
import { addRule } from "./ruleEdits.ts";
import { addStage, renameStage, setStageCondition, setStageQuantifier } from "./stageEdits.ts";
import { setWindow } from "./patternEdits.ts";

const empty: StudioDocument = { rules: [], activeRuleKey: null, bindings: {} };
const cls = (name: string): Condition => ({
  type: "class",
  className: `com.alibaba.ververica.cep.demo.condition.${name}`,
});
const within = (size: number, unit: "MINUTES" | "DAYS"): Window => ({
  type: "FIRST_AND_LAST",
  time: { unit, size },
});

function newRule(): DocumentRule {
  const rule = addRule(empty).rules[0];
  if (!rule) throw new Error("addRule added nothing");
  return rule;
}

/** Renames the new rule's `start` stage and gives it a condition. */
function begin(name: string, condition: Condition): DocumentRule {
  return setStageCondition(renameStage(newRule(), [], "start", name), [], name, condition);
}

function then(rule: DocumentRule, source: string, type: EdgeContiguity, name: string, condition: Condition) {
  const added = addStage(rule, [], { name, condition, connectFrom: { source, type } });
  expect(added.name).toBe(name);
  return added.rule;
}

function exported(rule: DocumentRule): string {
  return JSON.stringify(exportRule(rule.rule));
}

function seedText(index: number): string {
  return JSON.stringify(seedScenarios[index]?.ruleJson);
}

describe("seed scenarios built from a new rule export exactly the seed JSON", () => {
  it("scenario 1: first_view next second_view within 5 minutes", () => {
    let r = begin("first_view", cls("FirstViewCondition"));
    r = then(r, "first_view", "STRICT", "second_view", cls("FirstViewCondition"));
    r = setWindow(r, [], within(5, "MINUTES"));
    expect(exported(r)).toBe(seedText(0));
  });

  it("scenario 2: cart_add followedBy purchase within 30 minutes", () => {
    let r = begin("cart_add", cls("CartAddCondition"));
    r = then(r, "cart_add", "SKIP_TILL_NEXT", "purchase", cls("PurchaseCondition"));
    r = setWindow(r, [], within(30, "MINUTES"));
    expect(exported(r)).toBe(seedText(1));
  });

  it("scenario 3: initial_view followedBy repeat_view times(3) within 15 minutes", () => {
    let r = begin("initial_view", cls("FirstViewCondition"));
    r = then(r, "initial_view", "SKIP_TILL_NEXT", "repeat_view", cls("FirstViewCondition"));
    r = setStageQuantifier(r, [], "repeat_view", timesQuantifier(3, 3));
    r = setWindow(r, [], within(15, "MINUTES"));
    expect(exported(r)).toBe(seedText(2));
  });

  it("scenario 4: three stages chained with next, within 10 minutes", () => {
    let r = begin("initial_view", cls("FirstViewCondition"));
    r = then(r, "initial_view", "STRICT", "view_price_drop", cls("InitialCondition"));
    r = then(r, "view_price_drop", "STRICT", "cart_after_price_drop", cls("CartCondition"));
    r = setWindow(r, [], within(10, "MINUTES"));
    expect(exported(r)).toBe(seedText(3));
  });

  it("scenario 4 built out of order: the middle stage inserted last", () => {
    let r = begin("initial_view", cls("FirstViewCondition"));
    r = setWindow(r, [], within(10, "MINUTES"));
    r = then(r, "initial_view", "STRICT", "cart_after_price_drop", cls("CartCondition"));
    r = then(r, "initial_view", "STRICT", "view_price_drop", cls("InitialCondition"));
    expect(exported(r)).toBe(seedText(3));
  });

  it("scenario 5: first_view timesOrMore(10) notNext purchase within 7 days", () => {
    let r = begin("first_view", cls("FirstViewCondition"));
    r = setStageQuantifier(r, [], "first_view", loopingQuantifier(10));
    r = then(r, "first_view", "NOT_NEXT", "purchase", cls("PurchaseCondition"));
    r = setWindow(r, [], within(7, "DAYS"));
    expect(exported(r)).toBe(seedText(4));
  });
});
