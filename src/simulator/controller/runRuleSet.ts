/**
 * The rule set a run is given: the document's enabled rules as dynamic-CEP JSON (what the worker
 * imports, exactly as an exported file) with the document's condition bindings, and a
 * fingerprint that tells whether the document's rules differ from the ones running. Pure.
 */
import { exportRuleSet } from "../../formats/dynamicCep/index.ts";
import type { ConditionBindings } from "../../model/pattern.ts";
import type { StudioDocument } from "../../document/studioDocument.ts";

export interface RunRuleSet {
  /** The enabled rules' `{id, version, pattern, function}` rows, in document order. */
  readonly rules: unknown[];
  readonly bindings: ConditionBindings;
  /** Equal for equal rule sets; layout, the active rule and disabled rules do not count. */
  readonly fingerprint: string;
}

/** The rule set to run for `doc`. */
export function runRuleSetOf(doc: StudioDocument): RunRuleSet {
  const rules = exportRuleSet(doc.rules.filter((r) => r.enabled).map((r) => r.rule));
  // Only bindings some rule can use matter, but which ones a rule uses needs its conditions
  // walked; all bindings are cheap to compare and change rarely.
  const fingerprint = JSON.stringify([rules, sortedEntries(doc.bindings)]);
  return { rules, bindings: doc.bindings, fingerprint };
}

function sortedEntries(bindings: ConditionBindings): [string, string][] {
  return Object.entries(bindings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * What a document change means for a run: nothing (the same rules run), load the new rules
 * (nothing was processed yet, so restarting loses nothing), or ask the user (the run holds
 * data: apply from here, or restart).
 */
export type RuleChange = "same" | "load" | "ask";

export function ruleChangeOf(
  runningFingerprint: string | null,
  next: RunRuleSet,
  itemsRun: number,
): RuleChange {
  if (runningFingerprint === next.fingerprint) return "same";
  return itemsRun === 0 ? "load" : "ask";
}
