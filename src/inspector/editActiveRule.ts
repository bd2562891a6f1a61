/**
 * Applies one of `src/document/edits`' pure rule edits to the active rule, through the document
 * store (so it is undoable and saved). The inspector's only way to change a rule.
 */
import { changeDocument } from "../document/documentStore.ts";
import { updateActiveRule } from "../document/edits/ruleEdits.ts";
import type { DocumentRule } from "../document/studioDocument.ts";

/**
 * Runs `edit` on the active rule. `mergeKey` names the field being typed into: consecutive
 * changes with the same key are one undo step (the field's blur/Enter calls `endMerge`).
 */
export function editActiveRule(edit: (rule: DocumentRule) => DocumentRule, mergeKey?: string): void {
  changeDocument((doc) => updateActiveRule(doc, edit), mergeKey === undefined ? {} : { mergeKey });
}
