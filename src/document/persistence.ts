/**
 * Keeps the document in this browser's IndexedDB (idb-keyval): restored at start, saved shortly
 * after every change and when the page is hidden. A save that cannot be read is never deleted:
 * it is copied to a `recovered:<ISO time>` key first, and the caller is told where it is.
 */
import { createStore, get, set } from "idb-keyval";
import type { UseStore } from "idb-keyval";
import { documentStore, replaceDocument } from "./documentStore.ts";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";

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
}

interface Running {
  readonly idb: UseStore;
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
  const result = await restore(idb, options.now ?? (() => new Date()));
  running = startSaving(idb, options.onSaveError ?? reportToConsole);
  return result;
}

function reportToConsole(message: string): void {
  console.error(message);
}

async function restore(idb: UseStore, now: () => Date): Promise<PersistenceStart> {
  const saved: unknown = await get(DOCUMENT_KEY, idb);
  if (saved === undefined) return { restored: false, problem: null };
  const parsed = typeof saved === "string" ? parseSavedDocument(saved) : null;
  if (parsed?.ok) {
    replaceDocument(parsed.doc, { history: "skip" });
    const problem =
      parsed.warnings.length === 0
        ? null
        : `Your saved document was restored with remarks:\n${parsed.warnings.join("\n")}`;
    return { restored: true, problem };
  }
  const recoveredKey = `recovered:${now().toISOString()}`;
  await set(recoveredKey, saved, idb);
  const why = parsed ? parsed.error : "it is not a saved document's text";
  return {
    restored: false,
    problem: `Your saved document could not be read (${why}). It is kept unchanged in this browser's storage under "${recoveredKey}"; the example rules are shown instead.`,
  };
}

function startSaving(idb: UseStore, onSaveError: (message: string) => void): Running {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  const flush = async () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    pending = false;
    try {
      await set(DOCUMENT_KEY, serializeDocument(documentStore.getState().doc), idb);
    } catch (error) {
      onSaveError(
        `Your changes could not be saved in this browser (${String(error)}). Export your rules to keep them.`,
      );
    }
  };
  const unsubscribe = documentStore.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    pending = true;
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
    idb,
    flush,
    stop() {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
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
