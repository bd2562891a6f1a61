/**
 * `window.__cepTest`: the hook end-to-end tests read the app through. It exposes read-only
 * getters, the command registry and one loader; everything it does a user can do through the
 * UI too (run a command, import a rule set).
 */
import { runCommand } from "../document/commands/registry.ts";
import { activeRule } from "../document/documentQueries.ts";
import { documentStore, replaceDocument } from "../document/documentStore.ts";
import { importRules } from "../document/edits/ruleEdits.ts";
import type { StudioDocument } from "../document/studioDocument.ts";
import { selectionStore } from "../designer/selectionStore.ts";
import { exportRule, formatDiagnostic, importRuleSet } from "../formats/dynamicCep/index.ts";
import type { JsonObjectValue } from "../formats/dynamicCep/index.ts";

/** What `window.__cepTest` offers. */
export interface CepTestApi {
  /** The current document (the store's value itself; treat it as read-only). */
  getDocument(): StudioDocument;
  /** The active rule as dynamic-CEP JSON (the value `exportRule` writes), or null with no rules. */
  exportActiveRule(): JsonObjectValue | null;
  /** Runs a registered command on the current selection; false when it was not available. */
  runCommand(id: string): boolean;
  /**
   * Imports a rule file's JSON value (a rule, an array of rules or a bare GraphSpec) and
   * replaces the document's rules with it, as the Import button's "replace" does. Throws with
   * the import's diagnostics when the JSON is not a valid rule set.
   */
  loadRuleSet(json: unknown): void;
}

declare global {
  interface Window {
    __cepTest?: CepTestApi;
  }
}

const testApi: CepTestApi = {
  getDocument: () => documentStore.getState().doc,
  exportActiveRule() {
    const rule = activeRule(documentStore.getState().doc);
    return rule ? exportRule(rule.rule) : null;
  },
  runCommand: (id) => runCommand(id, { selection: selectionStore.getState().selection }),
  loadRuleSet(json) {
    const imported = importRuleSet(json);
    if (!imported.ok) throw new Error(imported.errors.map(formatDiagnostic).join("\n"));
    replaceDocument(importRules(documentStore.getState().doc, imported.value, "replace"));
  },
};

/** Installs `window.__cepTest`. */
export function installTestApi(): void {
  window.__cepTest = testApi;
}
