/**
 * Keeps the document in this browser's IndexedDB (idb-keyval): restored at start
 * (`persistenceRestore.ts`), saved shortly after every change and when the page is hidden. A page
 * hidden with a change not yet saved also leaves a synchronous localStorage copy, one per page
 * load (`unsavedCopy.ts`): Chromium drops IndexedDB writes made while the page unloads.
 *
 * Several tabs share one save. Each save bumps a revision (see `saveRevision.ts`); a tab that
 * learns another tab saved a newer revision — by a channel notice or because its own save finds
 * the revision moved — stops saving and asks the user to reload the other version or keep its own.
 */
import { createStore, getMany } from "idb-keyval";
import type { UseStore } from "idb-keyval";
import { documentStore, replaceDocument } from "./documentStore.ts";
import { restore } from "./persistenceRestore.ts";
import type { PersistenceStart, Restored } from "./persistenceRestore.ts";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";
import {
  noticedRevision,
  openDocumentChannel,
  REVISION_KEY,
  revisionOf,
  writeAtRevision,
} from "./saveRevision.ts";
import type { DocumentChannel } from "./saveRevision.ts";
import { browserPageLoads } from "./pageLoads.ts";
import type { PageLoads } from "./pageLoads.ts";
import {
  browserStorage,
  newWriterId,
  removeUnsavedCopy,
  unsavedKey,
  writeUnsavedCopy,
} from "./unsavedCopy.ts";
import type { UnsavedStorage } from "./unsavedCopy.ts";

export type { PersistenceStart } from "./persistenceRestore.ts";

/** The IndexedDB database and object store holding CEP Studio's saves. */
export const DATABASE = { name: "cep-studio", store: "documents" } as const;
/** The key of the current document. */
export const DOCUMENT_KEY = "document";
/** Quiet time after a change before it is written. */
export const SAVE_DELAY_MS = 250;

/** Options; the defaults are the app's. */
export interface PersistenceOptions {
  /** Told when a save fails (storage full, private mode …), so the user can export their work. */
  readonly onSaveError?: (message: string) => void;
  /** Clock for the recovered key's name and the unsaved copy's time (tests fix it). */
  readonly now?: () => Date;
  /**
   * Told once when another tab saved a newer document; nothing is saved until the user picks one
   * of the two choices. Without it the tab just stops saving (never overwriting the other save).
   */
  readonly onConflict?: (choice: ConflictChoice) => void;
  /** The channel tabs announce saves on (default: a BroadcastChannel; null: none). */
  readonly channel?: DocumentChannel | null;
  /** Where the unsaved copy goes when the page is hidden (default: localStorage; null: nowhere). */
  readonly storage?: UnsavedStorage | null;
  /** Which page loads are open, and this tab's previous one (default: sessionStorage and Web Locks). */
  readonly pageLoads?: PageLoads;
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
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const writer = newWriterId();
  const now = options.now ?? (() => new Date());
  const pageLoads = options.pageLoads ?? browserPageLoads();
  const previousWriter = pageLoads.previous();
  pageLoads.begin(writer);
  const liveWriters = await pageLoads.live();
  const restored = await restore({
    idb,
    documentKey: DOCUMENT_KEY,
    storage,
    writer,
    previousWriter,
    liveWriters,
    now,
  });
  const channel = options.channel === undefined ? openDocumentChannel() : options.channel;
  running = startSaving({ idb, channel, storage, writer, now }, restored, options);
  // A restored unsaved copy goes to IndexedDB before the app is shown, like any other save.
  if (restored.resume === "unsaved") await running.flush();
  return restored.start;
}

/** Where this tab saves: IndexedDB, the tabs' channel, and the unsaved copy (with its writer id). */
interface SaveTargets {
  readonly idb: UseStore;
  readonly channel: DocumentChannel | null;
  readonly storage: UnsavedStorage | null;
  readonly writer: string;
  /** When the page is hidden with a change, for the copy's `writtenAt`. */
  readonly now: () => Date;
}

function reportToConsole(message: string): void {
  console.error(message);
}

function startSaving(targets: SaveTargets, restored: Restored, options: PersistenceOptions): Running {
  const { idb, channel, storage, writer, now } = targets;
  const ownCopy = unsavedKey(writer);
  const onSaveError = options.onSaveError ?? reportToConsole;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** A change not yet handed to IndexedDB. */
  let pending = restored.resume !== "saved";
  /** Saves handed to IndexedDB and not yet done: they are lost too if the page unloads now. */
  let inFlight = 0;
  /** The revision this tab last read or wrote: a save only goes through while it is still stored. */
  let knownRevision = restored.revision;
  /** True from noticing another tab's newer save until the user chooses. */
  let inConflict = false;
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const save = async (expected: number | "any") => {
    inFlight++;
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
      // Everything this tab has is in IndexedDB now, so its unsaved copy is stale.
      if (!pending && inFlight === 1) removeUnsavedCopy(storage, ownCopy);
    } catch (error) {
      onSaveError(
        `Your changes could not be saved in this browser (${String(error)}). Export your rules to keep them.`,
      );
    } finally {
      inFlight--;
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
      // The user chose the other version: an unsaved copy of this tab's must not offer it again.
      removeUnsavedCopy(storage, ownCopy);
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
  // The flush alone is not enough: the page may unload before IndexedDB finishes (Chromium drops
  // the write), so the change first goes synchronously to localStorage. In a conflict too: the
  // user has not chosen yet, and the next start offers the same choice.
  const keepUnsaved = () => {
    if (!pending && inFlight === 0) return;
    const text = serializeDocument(documentStore.getState().doc);
    writeUnsavedCopy(storage, { text, baseRevision: knownRevision, writer, writtenAt: now().getTime() });
  };
  const onHide = () => {
    keepUnsaved();
    void flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === "hidden") onHide();
  };
  if (restored.resume === "conflict") enterConflict();
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
