/**
 * Putting a template into the document: its rules get fresh ids (a template's `id: "1"` is a
 * placeholder), its bindings fill in classes the document does not bind yet, and the rules are
 * added after the existing ones or replace them. One pure edit, so one undo step.
 */
import { importRules, nextRuleId } from "../document/edits/ruleEdits.ts";
import type { StudioDocument } from "../document/studioDocument.ts";
import { applyImport } from "../importExport/importPlan.ts";
import type { ImportMode } from "../importExport/importPlan.ts";
import type { Rule } from "../model/pattern.ts";
import type { Template } from "./template.ts";

/** The document with `template` added ("append") or in place of the rule set ("replace"). */
export function applyTemplate(doc: StudioDocument, template: Template, mode: ImportMode): StudioDocument {
  const rules: Rule[] = [];
  let target: StudioDocument = mode === "append" ? doc : { ...doc, rules: [] };
  for (const rule of template.rules) {
    const fresh = { ...rule, id: nextRuleId(target) };
    rules.push(fresh);
    target = importRules(target, [fresh], "append");
  }
  return applyImport(doc, rules, mode, template.bindings);
}
