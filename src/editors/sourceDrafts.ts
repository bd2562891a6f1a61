/**
 * The Source view's unapplied texts, one per rule, kept for the tab's lifetime — reloads included.
 * A text that does not import yet is the user's work, and the document (which only holds rules
 * that import) cannot keep it; so each draft is also written to the tab's sessionStorage, which
 * survives a reload of the same tab and no more, as the page's own undo history does not either.
 *
 * A draft remembers the document rule it was written against (`base`): in memory the object
 * itself, after a reload its dynamic-CEP JSON text, so the view can still tell whether the rule
 * changed elsewhere meanwhile.
 */
import { exportRuleText } from "../formats/dynamicCep/index.ts";
import type { Rule } from "../model/pattern.ts";

/** One rule's unapplied text and what it was written against. */
export interface SourceDraft {
  readonly text: string;
  /** The rule the text was written against, as an object (this page load) or JSON text (restored). */
  readonly base: Rule | string;
}

/** The sessionStorage key of the drafts. */
export const SOURCE_DRAFTS_KEY = "cep-studio.sourceDrafts";

/** Whether `rule` is the rule `draft` was written against. */
export function isDraftBase(draft: SourceDraft, rule: Rule): boolean {
  return typeof draft.base === "string" ? draft.base === exportRuleText(rule) : draft.base === rule;
}

/** Drafts by rule key, mirrored to a storage (the tab's sessionStorage; none in tests by default). */
export class SourceDrafts {
  private readonly drafts: Map<string, SourceDraft>;

  constructor(private readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null) {
    this.drafts = readStored(storage);
  }

  get(ruleKey: string): SourceDraft | undefined {
    return this.drafts.get(ruleKey);
  }

  set(ruleKey: string, draft: SourceDraft): void {
    this.drafts.set(ruleKey, draft);
    this.write();
  }

  delete(ruleKey: string): void {
    if (this.drafts.delete(ruleKey)) this.write();
  }

  private write(): void {
    const storage = this.storage;
    if (storage === null) return;
    const stored = [...this.drafts].map(([key, { text, base }]) => [
      key,
      { text, base: typeof base === "string" ? base : exportRuleText(base) },
    ]);
    try {
      if (this.drafts.size === 0) storage.removeItem(SOURCE_DRAFTS_KEY);
      else storage.setItem(SOURCE_DRAFTS_KEY, JSON.stringify(stored));
    } catch {
      // Over the storage quota (a multi-megabyte draft): the drafts still live in this page.
    }
  }
}

/** The stored drafts (`[ruleKey, draft]` pairs), or none when missing, refused or not drafts. */
function readStored(storage: Pick<Storage, "getItem"> | null): Map<string, SourceDraft> {
  const drafts = new Map<string, SourceDraft>();
  try {
    const raw = storage?.getItem(SOURCE_DRAFTS_KEY) ?? null;
    const value: unknown = raw === null ? [] : JSON.parse(raw);
    if (!Array.isArray(value)) return drafts;
    for (const entry of value as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string") continue;
      const draft: unknown = entry[1];
      if (typeof draft !== "object" || draft === null) continue;
      const { text, base } = draft as Record<string, unknown>;
      if (typeof text === "string" && typeof base === "string") drafts.set(entry[0], { text, base });
    }
  } catch {
    // Refused storage or text that is not ours: no drafts.
  }
  return drafts;
}
