/**
 * Putting a deleted rule back where it was — the rule list's "Undo" after a delete. It restores
 * that rule specifically (as a new, undoable change) instead of stepping the history back, so it
 * stays right even when other changes came after the deletion. Pure.
 */
import type { DocumentRule, StudioDocument } from "../document/studioDocument.ts";

/** The document with `entry` back at `index` (clamped) and active; unchanged if its key is present. */
export function restoreRule(doc: StudioDocument, entry: DocumentRule, index: number): StudioDocument {
  if (doc.rules.some((r) => r.key === entry.key)) return doc;
  const at = Math.min(Math.max(index, 0), doc.rules.length);
  const rules = [...doc.rules.slice(0, at), entry, ...doc.rules.slice(at)];
  return { ...doc, rules, activeRuleKey: entry.key };
}
