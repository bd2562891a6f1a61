/**
 * The document a first start shows (nothing saved, no share link): the five seed scenarios as
 * five rules, scenario 1 enabled and active, with the seed's condition bindings.
 */
import { formatDiagnostic, importRule, loadBindings } from "../formats/dynamicCep/index.ts";
import type { Rule } from "../model/pattern.ts";
import { seedBindings, seedScenarios } from "../scenarios/seedScenarios.ts";
import type { DocumentRule, StudioDocument } from "./studioDocument.ts";

/**
 * Builds the default document. Each rule is its seed JSON verbatim except `id`: every seed row
 * uses id "1", and a rule set cannot hold one id twice, so rule n gets id "n".
 */
export function createDefaultDocument(): StudioDocument {
  const rules = seedScenarios.map((scenario, i): DocumentRule => {
    const imported = importRule(scenario.ruleJson, scenario.id);
    // The seeds are bundled files checked by tests; failing here is a build defect, not user input.
    if (!imported.ok)
      throw new Error(
        `seed ${scenario.id} does not import: ${imported.errors.map(formatDiagnostic).join("; ")}`,
      );
    const rule: Rule = { ...imported.value, id: String(i + 1) };
    return { key: `r${i + 1}`, rule, enabled: i === 0, positions: {}, published: null };
  });
  const bindings = loadBindings(seedBindings);
  if (!bindings.ok)
    throw new Error(`seed bindings do not load: ${bindings.errors.map(formatDiagnostic).join("; ")}`);
  return { rules, activeRuleKey: rules[0]?.key ?? null, bindings: bindings.value };
}
