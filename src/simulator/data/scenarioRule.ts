/**
 * Which rule of the document is a seed scenario's rule (the same pattern, whatever its id), and
 * the document with only that rule enabled — so one click runs a scenario's rule
 * over its data. Pure.
 */
import { setRuleEnabled } from "../../document/edits/ruleEdits.ts";
import type { StudioDocument } from "../../document/studioDocument.ts";
import { exportGraphSpec, importRule } from "../../formats/dynamicCep/index.ts";
import type { SeedScenario } from "../../scenarios/seedScenarios.ts";

/** The key of the document rule whose pattern is the scenario's, or null (edited or removed). */
export function scenarioRuleKey(doc: StudioDocument, scenario: SeedScenario): string | null {
  const imported = importRule(scenario.ruleJson, scenario.id);
  if (!imported.ok) return null;
  const wanted = JSON.stringify(exportGraphSpec(imported.value.pattern));
  return doc.rules.find((r) => JSON.stringify(exportGraphSpec(r.rule.pattern)) === wanted)?.key ?? null;
}

/** `doc` with only the rule `key` enabled. */
export function enableOnlyRule(doc: StudioDocument, key: string): StudioDocument {
  let next = doc;
  for (const rule of doc.rules) next = setRuleEnabled(next, rule.key, rule.key === key);
  return next;
}
