/**
 * What persistence shows at start: IndexedDB's save, reconciled with the unsaved copy a page that
 * unloaded too soon left in localStorage (`unsavedCopy.ts`). Nothing that cannot be read is
 * deleted: it is copied to a `recovered:<ISO time>` key first, and the user is told where it is.
 */
import { get, getMany, set } from "idb-keyval";
import type { UseStore } from "idb-keyval";
import { replaceDocument } from "./documentStore.ts";
import { parseSavedDocument } from "./saveFormat.ts";
import type { SavedDocumentResult } from "./saveFormat.ts";
import { REVISION_KEY, revisionOf } from "./saveRevision.ts";
import type { StudioDocument } from "./studioDocument.ts";
import { compareWithSaved, readUnsavedCopy, removeUnsavedCopy, writeUnsavedCopy } from "./unsavedCopy.ts";
import type { UnsavedCopy, UnsavedStorage } from "./unsavedCopy.ts";

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
  readonly now: () => Date;
}

/** A readable unsaved copy, or an unreadable one's stored text and why it cannot be read. */
type CopyRead =
  | { readonly copy: UnsavedCopy; readonly doc: StudioDocument; readonly warnings: readonly string[] }
  | { readonly raw: string; readonly why: string };

/** Shows the newest of IndexedDB's save and the unsaved copy, without an undo entry. */
export async function restore(context: RestoreContext): Promise<Restored> {
  const [saved, storedRevision] = await getMany<unknown>([context.documentKey, REVISION_KEY], context.idb);
  const revision = revisionOf(storedRevision);
  const stored: SavedDocumentResult | null =
    saved === undefined
      ? null
      : typeof saved === "string"
        ? parseSavedDocument(saved)
        : { ok: false, error: "it is not a saved document's text" };
  const unsaved = readCopy(context.storage);
  const problems: string[] = [];
  const shown = unsaved && "copy" in unsaved ? unsaved : null;
  // A save that cannot be read is kept under a recovered key below, so the copy may replace it.
  const comparable = stored && !stored.ok ? undefined : saved;
  const order = shown ? compareWithSaved(shown.copy, comparable, revision) : "saved";
  if (stored && !stored.ok) {
    const key = await keepRecovered(context, saved);
    const instead = shown && order !== "saved" ? "your unsaved changes" : "the example rules";
    problems.push(
      `Your saved document could not be read (${stored.error}). It is kept unchanged in this browser's storage under "${key}"; ${instead} are shown instead.`,
    );
  }
  if (unsaved && "raw" in unsaved) {
    const key = await keepRecovered(context, unsaved.raw);
    // Safe to drop now that IndexedDB keeps it; left in place it would be reported at every start.
    removeUnsavedCopy(context.storage);
    problems.push(
      `Changes not yet saved when the page was last left could not be read (${unsaved.why}). They are kept unchanged in this browser's storage under "${key}".`,
    );
  }
  if (shown && order !== "saved") {
    replaceDocument(shown.doc, { history: "skip" });
    // This page load now answers for the copy: it removes it once saved (or once the user picks
    // the other tab's version); the page that wrote it is gone and never would.
    writeUnsavedCopy(context.storage, { ...shown.copy, writer: context.writer });
    return {
      start: { restored: true, problem: joinProblems(problems, "Your unsaved changes were", shown.warnings) },
      revision: order === "newer" ? revision : shown.copy.baseRevision,
      resume: order === "newer" ? "unsaved" : "conflict",
    };
  }
  // IndexedDB already holds the copy's text: it only outlived the page that would have removed it.
  if (shown) removeUnsavedCopy(context.storage);
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

/** Reads the unsaved copy and the document in it. */
function readCopy(storage: UnsavedStorage | null): CopyRead | null {
  const read = readUnsavedCopy(storage);
  if (read.kind === "none") return null;
  if (read.kind === "unreadable") return read;
  const parsed = parseSavedDocument(read.copy.text, { fileName: "unsaved changes" });
  if (!parsed.ok) return { raw: read.raw, why: parsed.error };
  return { copy: read.copy, doc: parsed.doc, warnings: parsed.warnings };
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
