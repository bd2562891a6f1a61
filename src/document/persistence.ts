/**
 * Keeps the document in this browser's IndexedDB (idb-keyval): restored at start, saved shortly
 * after every change and when the page is hidden. A save that cannot be read is never deleted:
 * it is copied to a `recovered:<ISO time>` key first, and the caller is told where it is.
 *
 * Several tabs share one save. Each save bumps a revision (see `saveRevision.ts`); a tab that
 * learns another tab saved a newer revision — by a channel notice or because its own save finds
 * the revision moved — stops saving and asks the user to reload the other version or keep its own.
 */
import { createStore, getMany, set } from "idb-keyval";
import type { UseStore } from "idb-keyval";
import { documentStore, replaceDocument } from "./documentStore.ts";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";
import {
  noticedRevision,
  openDocumentChannel,
  REVISION_KEY,
  revisionOf,
  writeAtRevision,
} from "./saveRevision.ts";
import type { DocumentChannel } from "./saveRevision.ts";

/** The IndexedDB database and object store holding CEP Studio's saves. */
export const DATABASE = { name: "cep-studio", store: "documents" } as const;
/** The key of the current document. */
export const DOCUMENT_KEY = "document";
/** Quiet time after a change before it is written. */
export const SAVE_DELAY_MS = 250;

/** What {@link startPersistence} found. */
export interface PersistenceStart {
  /** True when a saved document replaced the default one. */
  readonly restored: boolean;
  /** A sentence for the user when something was not right (a broken or partly odd save), else null. */
  readonly problem: string | null;
}

/** Options; the defaults are the app's. */
export interface PersistenceOptions {
  /** Told when a save fails (storage full, private mode …), so the user can export their work. */
  readonly onSaveError?: (message: string) => void;
  /** Clock for the recovered key's name (tests fix it). */
  readonly now?: () => Date;
  /**
   * Told once when another tab saved a newer document; nothing is saved until the user picks one
   * of the two choices. Without it the tab just stops saving (never overwriting the other save).
   */
  readonly onConflict?: (choice: ConflictChoice) => void;
  /** The channel tabs announce saves on (default: a BroadcastChannel; null: none). */
  readonly channel?: DocumentChannel | null;
}

/** The two ways out of a conflict with another tab's save. */
export interface ConflictChoice {
  /** Loads the other tab's document (one undoable change); resolves to a problem sentence or null. */
  readonly reload: () => Promise<string | null>;
  /** Saves this tab's document over the other one (the other tab is then told in turn). */
  readonly keepMine: () => Promise<void>;
}

interface Running {
  readonly stop: () => void;
  readonly flush: () => Promise<void>;
}

let running: Running | null = null;

/**
 * Restores the saved document (without an undo entry) and starts saving every change. Call once
 * at start; a second call returns without doing anything. Rejects only when IndexedDB itself is
 * unavailable.
 */
export async function startPersistence(options: PersistenceOptions = {}): Promise<PersistenceStart> {
  if (running) return { restored: false, problem: null };
  const idb = createStore(DATABASE.name, DATABASE.store);
  const { start, revision } = await restore(idb, options.now ?? (() => new Date()));
  const channel = options.channel === undefined ? openDocumentChannel() : options.channel;
  running = startSaving(idb, revision, channel, options);
  return start;
}

function reportToConsole(message: string): void {
  console.error(message);
}

async function restore(
  idb: UseStore,
  now: () => Date,
): Promise<{ start: PersistenceStart; revision: number }> {
  const [saved, storedRevision] = await getMany<unknown>([DOCUMENT_KEY, REVISION_KEY], idb);
  const revision = revisionOf(storedRevision);
  if (saved === undefined) return { start: { restored: false, problem: null }, revision };
  const parsed = typeof saved === "string" ? parseSavedDocument(saved) : null;
  if (parsed?.ok) {
    replaceDocument(parsed.doc, { history: "skip" });
    const problem =
      parsed.warnings.length === 0
        ? null
        : `Your saved document was restored with remarks:\n${parsed.warnings.join("\n")}`;
    return { start: { restored: true, problem }, revision };
  }
  const recoveredKey = `recovered:${now().toISOString()}`;
  await set(recoveredKey, saved, idb);
  const why = parsed ? parsed.error : "it is not a saved document's text";
  return {
    start: {
      restored: false,
      problem: `Your saved document could not be read (${why}). It is kept unchanged in this browser's storage under "${recoveredKey}"; the example rules are shown instead.`,
    },
    revision,
  };
}

function startSaving(
  idb: UseStore,
  initialRevision: number,
  channel: DocumentChannel | null,
  options: PersistenceOptions,
): Running {
  const onSaveError = options.onSaveError ?? reportToConsole;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  /** The revision this tab last read or wrote: a save only goes through while it is still stored. */
  let knownRevision = initialRevision;
  /** True from noticing another tab's newer save until the user chooses. */
  let inConflict = false;
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const save = async (expected: number | "any") => {
    try {
      const text = serializeDocument(documentStore.getState().doc);
      const result = await writeAtRevision(idb, DOCUMENT_KEY, text, expected);
      if (!result.written) {
        pending = true;
        enterConflict();
        return;
      }
      knownRevision = result.revision;
      channel?.post({ type: "saved", revision: result.revision });
    } catch (error) {
      onSaveError(
        `Your changes could not be saved in this browser (${String(error)}). Export your rules to keep them.`,
      );
    }
  };
  const flush = async () => {
    clearTimer();
    if (!pending || inConflict) return;
    pending = false;
    await save(knownRevision);
  };
  const choice: ConflictChoice = {
    async reload() {
      const [saved, storedRevision] = await getMany<unknown>([DOCUMENT_KEY, REVISION_KEY], idb);
      const parsed = typeof saved === "string" ? parseSavedDocument(saved) : null;
      if (!parsed?.ok) {
        return `The other tab's document could not be read (${parsed ? parsed.error : "it is not a saved document's text"}); yours is kept.`;
      }
      knownRevision = revisionOf(storedRevision);
      inConflict = false;
      // Undoable, so the user can still get back what this tab had; loading it is not a change to save.
      replaceDocument(parsed.doc, { history: "record" });
      pending = false;
      clearTimer();
      return null;
    },
    async keepMine() {
      inConflict = false;
      pending = false;
      clearTimer();
      await save("any");
    },
  };
  function enterConflict(): void {
    if (inConflict) return;
    inConflict = true;
    clearTimer();
    options.onConflict?.(choice);
  }
  channel?.listen((data) => {
    const revision = noticedRevision(data);
    if (revision !== null && revision > knownRevision) enterConflict();
  });
  const unsubscribe = documentStore.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    pending = true;
    if (inConflict) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  });
  const onHide = () => void flush();
  const onVisibility = () => {
    if (document.visibilityState === "hidden") void flush();
  };
  const hasWindow = typeof window !== "undefined";
  if (hasWindow) {
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
  }
  return {
    flush,
    stop() {
      unsubscribe();
      channel?.close();
      clearTimer();
      if (hasWindow) {
        window.removeEventListener("pagehide", onHide);
        document.removeEventListener("visibilitychange", onVisibility);
      }
    },
  };
}

/** Writes a pending change now (tests; leaving the page does this by itself). */
export async function flushPersistence(): Promise<void> {
  await running?.flush();
}

/** Stops saving (tests, hot module replacement); the next {@link startPersistence} starts afresh. */
export function stopPersistence(): void {
  running?.stop();
  running = null;
}
