/** Read-only questions about a document, shared by edits, commands and hooks. */
import type { DocumentRule, StudioDocument } from "./studioDocument.ts";

/** The rule shown on the canvas, or null when the document has none. */
export function activeRule(doc: StudioDocument): DocumentRule | null {
  return findRule(doc, doc.activeRuleKey);
}

/** The rule with `key`, or null. */
export function findRule(doc: StudioDocument, key: string | null): DocumentRule | null {
  if (key === null) return null;
  return doc.rules.find((r) => r.key === key) ?? null;
}
