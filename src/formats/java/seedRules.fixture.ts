/**
 * Test fixture: the five seed rules (src/scenarios/seed/scenarioN.rule.json) built with
 * PatternBuilder, and the seed's condition bindings. The exporters' golden tests use these so they
 * do not depend on the JSON importer; `seedRules.fixture.test.ts` checks they match the JSON
 * and what `importRule` makes of it.
 */
import type { Condition } from "../../model/condition.ts";
import type { ConditionBindings, Rule } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";

const PREFIX = "com.alibaba.ververica.cep.demo.condition.";
const cls = (name: string): Condition => ({ type: "class", className: PREFIX + name });
const MINUTE = 60_000;
const FUNCTION = "com.alibaba.ververica.cep.demo.dynamic.DemoPatternProcessFunction";

const rule = (pattern: PatternBuilder): Rule => ({
  id: "1",
  version: 1,
  pattern: pattern.build(),
  function: FUNCTION,
});

/** Seed rules by scenario number. All use NO_SKIP, as the seed inserts them. */
export const seedRules: Readonly<Record<1 | 2 | 3 | 4 | 5, Rule>> = {
  1: rule(
    PatternBuilder.begin("first_view")
      .where(cls("FirstViewCondition"))
      .next("second_view")
      .where(cls("FirstViewCondition"))
      .within(5 * MINUTE),
  ),
  2: rule(
    PatternBuilder.begin("cart_add")
      .where(cls("CartAddCondition"))
      .followedBy("purchase")
      .where(cls("PurchaseCondition"))
      .within(30 * MINUTE),
  ),
  3: rule(
    PatternBuilder.begin("initial_view")
      .where(cls("FirstViewCondition"))
      .followedBy("repeat_view")
      .where(cls("FirstViewCondition"))
      .times(3)
      .within(15 * MINUTE),
  ),
  4: rule(
    PatternBuilder.begin("initial_view")
      .where(cls("FirstViewCondition"))
      .next("view_price_drop")
      .where(cls("InitialCondition"))
      .next("cart_after_price_drop")
      .where(cls("CartCondition"))
      .within(10 * MINUTE),
  ),
  5: rule(
    PatternBuilder.begin("first_view")
      .where(cls("FirstViewCondition"))
      .timesOrMore(10)
      .notNext("purchase")
      .where(cls("PurchaseCondition"))
      .within(7 * 24 * 60 * MINUTE),
  ),
};

/** src/scenarios/seed/bindings.json. */
export const seedBindings: ConditionBindings = {
  [PREFIX + "FirstViewCondition"]: "eventType == 'view'",
  [PREFIX + "CartAddCondition"]: "eventType == 'cart' && price > 200",
  [PREFIX + "PurchaseCondition"]: "eventType == 'purchase'",
  [PREFIX + "CartCondition"]: "eventType == 'cart'",
  [PREFIX + "InitialCondition"]:
    "eventType == 'view' && productId == first(getEventsForPattern('initial_view')).productId && price < first(getEventsForPattern('initial_view')).price",
};
