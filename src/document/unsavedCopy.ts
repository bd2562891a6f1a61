/**
 * The synchronous safety net under the debounced IndexedDB save. A change made just before the
 * page is reloaded or closed would be lost: Chromium drops IndexedDB writes issued while a page
 * unloads, even ones started from `pagehide`. localStorage writes are synchronous and survive, so
 * when the page is hidden with a change IndexedDB does not hold yet, the document goes to
 * localStorage. The next start reconciles the copies with IndexedDB's save
 * (`unsavedReconcile.ts`) and removes each once it is saved or the user picked another version.
 *
 * Each page load writes under its own key (`cep-studio:unsaved:<writer>`), so two tabs hidden
 * with unsaved changes keep both: neither overwrites the other's copy.
 */

/** The key prefix of the unsaved copies; a page load's copy is this prefix and its writer id. */
export const UNSAVED_PREFIX = "cep-studio:unsaved:";
/** The one key earlier versions wrote (the tab hidden last won); still read, so no copy is lost. */
export const LEGACY_UNSAVED_KEY = "cep-studio:unsaved";
/** The `format` tag of a stored copy, so a foreign value under the key is not mistaken for one. */
const UNSAVED_FORMAT = "cep-studio-unsaved";

/** The part of the Web Storage API the copies use (tests pass a fake that fills up). */
export type UnsavedStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** A change not yet in IndexedDB. */
export interface UnsavedCopy {
  /** The document in save format (`serializeDocument`), exactly as IndexedDB would hold it. */
  readonly text: string;
  /** The saved revision (`saveRevision.ts`) the change was made on top of. */
  readonly baseRevision: number;
  /** The page load that wrote it (see {@link newWriterId}). */
  readonly writer: string;
  /** When the page was hidden with it (epoch ms; 0 for a copy from before this was recorded). */
  readonly writtenAt: number;
}

/** A stored copy as {@link readUnsavedCopies} found it under `key`; `raw` is the stored text. */
export type StoredCopy =
  | { readonly kind: "copy"; readonly key: string; readonly copy: UnsavedCopy; readonly raw: string }
  | {
      readonly kind: "unreadable";
      readonly key: string;
      /** The writer its key names; null for the legacy key. */
      readonly writer: string | null;
      readonly raw: string;
      readonly why: string;
    };

/** This browser's localStorage, or null where it is missing or refused (some private modes throw). */
export function browserStorage(): UnsavedStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** A fresh id for this page load; only needs to differ from other tabs', so no crypto is needed. */
export function newWriterId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The key of `writer`'s copy. */
export function unsavedKey(writer: string): string {
  return UNSAVED_PREFIX + writer;
}

/**
 * Stores `copy` synchronously under its writer's key. Returns false when storage is missing,
 * full or refused: the caller then has only the IndexedDB save it had before this net existed.
 */
export function writeUnsavedCopy(storage: UnsavedStorage | null, copy: UnsavedCopy): boolean {
  if (!storage) return false;
  try {
    const value = {
      format: UNSAVED_FORMAT,
      baseRevision: copy.baseRevision,
      writer: copy.writer,
      writtenAt: copy.writtenAt,
      document: copy.text,
    };
    storage.setItem(unsavedKey(copy.writer), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Every stored copy, this tab's and other tabs'. The document text is checked by the caller. */
export function readUnsavedCopies(storage: UnsavedStorage | null): StoredCopy[] {
  const found: StoredCopy[] = [];
  try {
    if (!storage) return found;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && (key === LEGACY_UNSAVED_KEY || key.startsWith(UNSAVED_PREFIX))) keys.push(key);
    }
    for (const key of keys) {
      const raw = storage.getItem(key);
      if (raw !== null) found.push(readStoredCopy(key, raw));
    }
  } catch {
    // Refused storage holds no copy this page can use.
  }
  return found;
}

function readStoredCopy(key: string, raw: string): StoredCopy {
  const writer = key === LEGACY_UNSAVED_KEY ? null : key.slice(UNSAVED_PREFIX.length);
  const unreadable = (why: string): StoredCopy => ({ kind: "unreadable", key, writer, raw, why });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return unreadable("it is not JSON");
  }
  const fields = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const { format, baseRevision, writer: written, writtenAt, document } = fields;
  if (
    format !== UNSAVED_FORMAT ||
    typeof baseRevision !== "number" ||
    !Number.isSafeInteger(baseRevision) ||
    baseRevision < 0 ||
    typeof written !== "string" ||
    (writer !== null && written !== writer) ||
    typeof document !== "string"
  ) {
    return unreadable("it is not an unsaved copy CEP Studio wrote");
  }
  const at = typeof writtenAt === "number" && Number.isFinite(writtenAt) ? writtenAt : 0;
  return { kind: "copy", key, copy: { text: document, baseRevision, writer: written, writtenAt: at }, raw };
}

/** Removes the copy stored under `key` (see {@link unsavedKey}). Never throws. */
export function removeUnsavedCopy(storage: UnsavedStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Refused storage cannot hold a stale copy either.
  }
}

/**
 * How a copy stands to IndexedDB's save, by the multi-tab revision rules:
 * - "saved": IndexedDB already holds the same text (the save landed after all);
 * - "newer": the change was made on top of the stored revision (or nothing is stored), so saving
 *   it overwrites nothing another tab wrote;
 * - "older": another tab saved since the change's base: the user chooses, as with a live conflict.
 */
export function compareWithSaved(
  copy: UnsavedCopy,
  savedText: unknown,
  savedRevision: number,
): "saved" | "newer" | "older" {
  if (copy.text === savedText) return "saved";
  if (savedText === undefined || copy.baseRevision === savedRevision) return "newer";
  return "older";
}
