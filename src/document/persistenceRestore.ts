/**
 * What persistence shows at start: IndexedDB's save, reconciled with the unsaved copies pages that
 * unloaded too soon left in localStorage (`unsavedCopy.ts`, `unsavedReconcile.ts`). Nothing that cannot be read is
 * deleted: it is copied to a `recovered:<ISO time>` key first, and the user is told where it is.
 */
import { get, getMany, set } from "idb-keyval";
import type { UseStore } from "idb-keyval";
import { replaceDocument } from "./documentStore.ts";
import { parseSavedDocument } from "./saveFormat.ts";
import type { SavedDocumentResult } from "./saveFormat.ts";
import { REVISION_KEY, revisionOf } from "./saveRevision.ts";
import type { StudioDocument } from "./studioDocument.ts";
import { readUnsavedCopies, removeUnsavedCopy, unsavedKey, writeUnsavedCopy } from "./unsavedCopy.ts";
import type { UnsavedStorage } from "./unsavedCopy.ts";
import { isLiveElsewhere, planUnsavedStart } from "./unsavedReconcile.ts";
import type { FoundCopy } from "./unsavedReconcile.ts";

/** What `startPersistence` found. */
export interface PersistenceStart {
  /** True when a saved document replaced the default one. */
  readonly restored: boolean;
  /** A sentence for the user when something was not right (a broken or partly odd save), else null. */
  readonly problem: string | null;
}

/** The start, and how saving goes on from it. */
export interface Restored {
  readonly start: PersistenceStart;
  /** The saved revision the shown document is based on. */
  readonly revision: number;
  /**
   * "saved": IndexedDB holds what is shown; "unsaved": an unsaved copy newer than IndexedDB's
   * save is shown and must be saved now; "conflict": the copy predates another tab's newer save,
   * so the user chooses between the two, as when that tab's notice arrives while editing.
   */
  readonly resume: "saved" | "unsaved" | "conflict";
}

/** Where restoring reads and keeps things; `writer` is this page load's id (`newWriterId`). */
export interface RestoreContext {
  readonly idb: UseStore;
  readonly documentKey: string;
  readonly storage: UnsavedStorage | null;
  readonly writer: string;
  /** This tab's page load before a reload, and the page loads open now (`pageLoads.ts`). */
  readonly previousWriter: string | null;
  readonly liveWriters: ReadonlySet<string>;
  readonly now: () => Date;
}

/** A copy whose document reads, ready to show. */
interface ReadableCopy extends FoundCopy {
  readonly doc: StudioDocument;
  readonly warnings: readonly string[];
  readonly raw: string;
}

/** Shows the newest of IndexedDB's save and the unsaved copies, without an undo entry. */
export async function restore(context: RestoreContext): Promise<Restored> {
  const [saved, storedRevision] = await getMany<unknown>([context.documentKey, REVISION_KEY], context.idb);
  const revision = revisionOf(storedRevision);
  const stored: SavedDocumentResult | null =
    saved === undefined
      ? null
      : typeof saved === "string"
        ? parseSavedDocument(saved)
        : { ok: false, error: "it is not a saved document's text" };
  const { readable, unreadable } = readCopies(context);
  // A save that cannot be read is kept under a recovered key below, so a copy may replace it.
  const plan = planUnsavedStart(readable, {
    previousWriter: context.previousWriter,
    liveWriters: context.liveWriters,
    savedText: stored && !stored.ok ? undefined : saved,
    savedRevision: revision,
  });
  const shown = plan.shown;
  const problems: string[] = [];
  if (stored && !stored.ok) {
    const key = await keepRecovered(context, saved);
    const instead = shown ? "your unsaved changes" : "the example rules";
    problems.push(
      `Your saved document could not be read (${stored.error}). It is kept unchanged in this browser's storage under "${key}"; ${instead} are shown instead.`,
    );
  }
  for (const copy of unreadable) {
    const key = await keepRecovered(context, copy.raw);
    // Safe to drop now that IndexedDB keeps it; left in place it would be reported at every start.
    removeUnsavedCopy(context.storage, copy.key);
    problems.push(
      `Changes not yet saved when the page was last left could not be read (${copy.why}). They are kept unchanged in this browser's storage under "${key}".`,
    );
  }
  // IndexedDB already holds these: they only outlived the page that would have removed them.
  for (const copy of plan.saved) removeUnsavedCopy(context.storage, copy.key);
  for (const copy of plan.overflow) {
    const key = await keepRecovered(context, copy.raw);
    removeUnsavedCopy(context.storage, copy.key);
    problems.push(
      `Changes another tab left unsaved${writtenAtText(copy)} are kept unchanged in this browser's storage under "${key}" (more tabs left changes than are offered at start).`,
    );
  }
  if (plan.waiting.length > 0)
    problems.push(
      `${plan.waiting.length === 1 ? "Another tab" : `${plan.waiting.length} other tabs`} closed with changes that were not saved. They are kept: open CEP Studio in a new tab to see them and choose which version to keep.`,
    );
  if (shown) {
    const { found } = shown;
    replaceDocument(found.doc, { history: "skip" });
    // This page load now answers for the copy: it removes it once saved (or once the user picks
    // the other version); the page that wrote it is gone and never would.
    // Moved only once written again: a full storage leaves it where it was, for a later start.
    const claimed = writeUnsavedCopy(context.storage, { ...found.copy, writer: context.writer });
    if (claimed && found.key !== unsavedKey(context.writer)) removeUnsavedCopy(context.storage, found.key);
    return {
      start: { restored: true, problem: joinProblems(problems, "Your unsaved changes were", found.warnings) },
      revision: shown.order === "newer" ? revision : found.copy.baseRevision,
      resume: shown.order === "newer" ? "unsaved" : "conflict",
    };
  }
  if (stored?.ok) replaceDocument(stored.doc, { history: "skip" });
  const warnings = stored?.ok ? stored.warnings : [];
  return {
    start: {
      restored: stored?.ok ?? false,
      problem: joinProblems(problems, "Your saved document was", warnings),
    },
    revision,
    resume: "saved",
  };
}

/**
 * The stored copies this start may take up, with their documents read; those that cannot be
 * read, with why. Copies of page loads still open elsewhere are left to them.
 */
function readCopies(context: RestoreContext): {
  readable: ReadableCopy[];
  unreadable: { readonly key: string; readonly raw: string; readonly why: string }[];
} {
  const readable: ReadableCopy[] = [];
  const unreadable: { key: string; raw: string; why: string }[] = [];
  for (const stored of readUnsavedCopies(context.storage)) {
    const writer = stored.kind === "copy" ? stored.copy.writer : stored.writer;
    if (writer !== null && isLiveElsewhere(writer, context)) continue;
    if (stored.kind === "unreadable") {
      unreadable.push(stored);
      continue;
    }
    const parsed = parseSavedDocument(stored.copy.text, { fileName: "unsaved changes" });
    if (parsed.ok) readable.push({ ...stored, doc: parsed.doc, warnings: parsed.warnings });
    else unreadable.push({ key: stored.key, raw: stored.raw, why: parsed.error });
  }
  return { readable, unreadable };
}

/** ` (at 14:05 on 2026-03-04, UTC)`: when a copy was written, if known. */
function writtenAtText(found: FoundCopy): string {
  if (found.copy.writtenAt <= 0) return "";
  const iso = new Date(found.copy.writtenAt).toISOString();
  return ` (at ${iso.slice(11, 16)} on ${iso.slice(0, 10)}, UTC)`;
}

/** Copies `value` to a fresh `recovered:<ISO time>` key (never over an earlier recovery). */
async function keepRecovered(context: RestoreContext, value: unknown): Promise<string> {
  const base = `recovered:${context.now().toISOString()}`;
  let key = base;
  // Both the save and the copy may be unreadable at one start, with one clock reading.
  for (let n = 2; (await get(key, context.idb)) !== undefined; n++) key = `${base} (${n})`;
  await set(key, value, context.idb);
  return key;
}

/** The problems, then the remarks reading what is shown (`subject`: "Your saved document was" …). */
function joinProblems(
  problems: readonly string[],
  subject: string,
  remarks: readonly string[],
): string | null {
  const all =
    remarks.length === 0
      ? problems
      : [...problems, `${subject} restored with remarks:\n${remarks.join("\n")}`];
  return all.length === 0 ? null : all.join("\n");
}
