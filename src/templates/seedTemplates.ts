/**
 * The five e-commerce scenarios of the dynamic-CEP seed as templates: each rule is the seed's row
 * verbatim (`src/scenarios/seed/scenarioN.rule.json`), with the bindings of the CLASS conditions it
 * uses and the seed clickstream it was written for.
 */
import { importRule } from "../formats/dynamicCep/index.ts";
import { conditionClasses } from "../importExport/conditionClasses.ts";
import type { ConditionBindings, Rule } from "../model/pattern.ts";
import { seedBindings, seedScenarios } from "../scenarios/seedScenarios.ts";
import type { SeedScenarioId, Template } from "./template.ts";

/** What each scenario detects and what to watch, in the words of `shared/scenarios/README.md`. */
const DESCRIPTIONS: Readonly<Record<SeedScenarioId, string>> = {
  scenario1:
    "Two product views in a row (first_view next second_view) within 5 minutes — a cross-selling signal. " +
    "`next` is strict contiguity: any other event of the same user between the two views breaks the run. " +
    "On the seed rows it gives 3 overlapping matches, because NO_SKIP lets every view start a new one.",
  scenario2:
    "A high-value cart (cart_add, price > 200) followed by a purchase within 30 minutes. " +
    "Watch the timeouts: a cart that is not bought in time times out when the watermark passes its window — " +
    "that timed-out partial match is the abandoned high-value cart the scenario is about.",
  scenario3:
    "A view followed by three more views (repeat_view.times(3)) within 15 minutes — a high-intent user. " +
    "Relaxed contiguity lets other events sit between the views; watch the partial matches wait on repeat_view " +
    "until the third repetition completes the match.",
  scenario4:
    "A view, then strictly next a view of the same product at a lower price (an iterative condition reading " +
    "getEventsForPattern('initial_view')), then strictly next a cart — all within 10 minutes: a price-sensitive user.",
  scenario5:
    "Ten or more views (timesOrMore(10)) not strictly followed by a purchase, within 7 days — churn risk. " +
    "`notNext` completes the match on the first event after the tenth view that is not a purchase; " +
    "with NO_SKIP the looping run stays alive, so each later non-purchase event completes another match.",
};

function seedRule(id: SeedScenarioId, json: unknown): Rule {
  const imported = importRule(json, id);
  // Bundled files checked by the catalog's tests: failing here is a build defect, not user input.
  if (!imported.ok) throw new Error(`seed ${id} does not import: ${imported.errors[0]?.message}`);
  return imported.value;
}

function bindingsFor(rule: Rule): ConditionBindings {
  const entries = conditionClasses([rule]).flatMap(({ className }) => {
    const expression = seedBindings[className];
    return expression === undefined ? [] : [[className, expression] as const];
  });
  return Object.fromEntries(entries);
}

function isSeedScenarioId(id: string): id is SeedScenarioId {
  return Object.hasOwn(DESCRIPTIONS, id);
}

/** One template per seed scenario, in the seed's order. */
export function seedScenarioTemplates(): Template[] {
  return seedScenarios.map((scenario): Template => {
    if (!isSeedScenarioId(scenario.id)) throw new Error(`unknown seed scenario ${scenario.id}`);
    const rule = seedRule(scenario.id, scenario.ruleJson);
    return {
      id: `seed-${scenario.id}`,
      group: "seed",
      title: scenario.title,
      description: DESCRIPTIONS[scenario.id],
      rules: [rule],
      bindings: bindingsFor(rule),
      dataHint: { kind: "seedCsv", scenario: scenario.id },
    };
  });
}
