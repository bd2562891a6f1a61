/** What the commands read and change: the active rule of the app's document store. */
import { activeRule } from "../documentQueries.ts";
import { changeDocument, documentStore } from "../documentStore.ts";
import { updateRule } from "../edits/ruleEdits.ts";
import type { DocumentRule } from "../studioDocument.ts";

/** The rule on the canvas now, or null. */
export function currentRule(): DocumentRule | null {
  return activeRule(documentStore.getState().doc);
}

/** Records `next` as the new content of the rule keyed `next.key` (one undo entry). */
export function commitRule(next: DocumentRule): void {
  changeDocument((doc) => updateRule(doc, next.key, () => next));
}
