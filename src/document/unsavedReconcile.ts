/**
 * Which unsaved copies (`unsavedCopy.ts`) a starting page takes up, by the multi-tab revision
 * rules (`compareWithSaved`). Pure: persistence reads the copies and IndexedDB, asks this plan,
 * and carries it out (`persistenceRestore.ts`).
 *
 * - A copy whose page load is still open belongs to that tab, which saves or removes it itself:
 *   it is left alone (its writer holds a lock while the page lives, `pageLoads.ts`). This tab's
 *   own previous page load (before a reload) is gone whatever the locks say.
 * - A copy IndexedDB already holds is stale: removed.
 * - Of the others, one is shown: this tab's own copy first (a reload shows what the tab had),
 *   else a copy saving would not overwrite anything with ("newer"), else one another tab's save
 *   came after ("older", the user chooses); the most recently written first within each.
 * - The rest wait for a later start, each reconciled the same way then. At most
 *   {@link MAX_WAITING_COPIES} wait; older ones beyond that leave localStorage for IndexedDB's
 *   `recovered:` keys, so what is kept stays bounded and nothing is deleted unseen.
 */
import { compareWithSaved } from "./unsavedCopy.ts";
import type { UnsavedCopy } from "./unsavedCopy.ts";

/** How many copies of closed tabs wait in localStorage for a later start. */
export const MAX_WAITING_COPIES = 4;

/** A readable copy and the key it is stored under. */
export interface FoundCopy {
  readonly key: string;
  readonly copy: UnsavedCopy;
}

/** What a start knows besides the copies. */
export interface StartContext {
  /** The page load this tab had before a reload (null in a new tab). */
  readonly previousWriter: string | null;
  /** The page loads open now, in this tab or others. */
  readonly liveWriters: ReadonlySet<string>;
  /** IndexedDB's saved text (undefined: nothing, or nothing comparable, is saved). */
  readonly savedText: unknown;
  readonly savedRevision: number;
}

/** What to do with the copies at start. */
export interface UnsavedPlan<C extends FoundCopy> {
  /** The copy to show, and how it stands to the save; null: show IndexedDB's save. */
  readonly shown: { readonly found: C; readonly order: "newer" | "older" } | null;
  /** Copies IndexedDB already holds: remove them. */
  readonly saved: readonly C[];
  /** Copies of closed tabs left for a later start, most recent first. */
  readonly waiting: readonly C[];
  /** Copies beyond {@link MAX_WAITING_COPIES}: keep them elsewhere, then remove them. */
  readonly overflow: readonly C[];
}

/** True when `writer`'s page is still open (and not this tab's own previous page load). */
export function isLiveElsewhere(
  writer: string,
  context: Pick<StartContext, "previousWriter" | "liveWriters">,
): boolean {
  return writer !== context.previousWriter && context.liveWriters.has(writer);
}

/** See the module comment. */
export function planUnsavedStart<C extends FoundCopy>(
  copies: readonly C[],
  context: StartContext,
): UnsavedPlan<C> {
  const saved: C[] = [];
  const candidates: { found: C; order: "newer" | "older" }[] = [];
  for (const found of copies) {
    if (isLiveElsewhere(found.copy.writer, context)) continue;
    const order = compareWithSaved(found.copy, context.savedText, context.savedRevision);
    if (order === "saved") saved.push(found);
    else candidates.push({ found, order });
  }
  const rank = (c: { found: C; order: "newer" | "older" }) =>
    c.found.copy.writer === context.previousWriter ? 0 : c.order === "newer" ? 1 : 2;
  candidates.sort((a, b) => rank(a) - rank(b) || b.found.copy.writtenAt - a.found.copy.writtenAt);
  const [shown, ...rest] = candidates;
  const others = rest.map((c) => c.found).sort((a, b) => b.copy.writtenAt - a.copy.writtenAt);
  return {
    shown: shown ?? null,
    saved,
    waiting: others.slice(0, MAX_WAITING_COPIES),
    overflow: others.slice(MAX_WAITING_COPIES),
  };
}
