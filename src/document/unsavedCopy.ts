/**
 * The synchronous safety net under the debounced IndexedDB save. A change made just before the
 * page is reloaded or closed would be lost: Chromium drops IndexedDB writes issued while a page
 * unloads, even ones started from `pagehide`. localStorage writes are synchronous and survive, so
 * when the page is hidden with a change IndexedDB does not hold yet, the document goes to one
 * localStorage key. The next start compares it with IndexedDB's save ({@link compareWithSaved})
 * and removes it once it is saved or the user picked another tab's version.
 *
 * One key holds one copy (the tab hidden last wins). Each page load has a writer id so that a tab
 * removes only its own copy once its saves caught up, never one another tab still relies on.
 */

/** The localStorage key of the unsaved copy. */
export const UNSAVED_KEY = "cep-studio:unsaved";
/** The `format` tag of the stored copy, so a foreign value under the key is not mistaken for one. */
const UNSAVED_FORMAT = "cep-studio-unsaved";

/** The part of the Web Storage API the copy uses (tests pass a fake that fills up). */
export type UnsavedStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** A change not yet in IndexedDB. */
export interface UnsavedCopy {
  /** The document in save format (`serializeDocument`), exactly as IndexedDB would hold it. */
  readonly text: string;
  /** The saved revision (`saveRevision.ts`) the change was made on top of. */
  readonly baseRevision: number;
  /** The page load that wrote it (see {@link newWriterId}). */
  readonly writer: string;
}

/** What {@link readUnsavedCopy} found: nothing, a copy, or a value that is not one; `raw` is the stored text. */
export type UnsavedRead =
  | { readonly kind: "none" }
  | { readonly kind: "copy"; readonly copy: UnsavedCopy; readonly raw: string }
  | { readonly kind: "unreadable"; readonly raw: string; readonly why: string };

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

/**
 * Stores `copy` synchronously. Returns false when storage is missing, full or refused: the caller
 * then has only the IndexedDB save it had before this safety net existed.
 */
export function writeUnsavedCopy(storage: UnsavedStorage | null, copy: UnsavedCopy): boolean {
  if (!storage) return false;
  try {
    const value = {
      format: UNSAVED_FORMAT,
      baseRevision: copy.baseRevision,
      writer: copy.writer,
      document: copy.text,
    };
    storage.setItem(UNSAVED_KEY, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Reads the stored copy. The document text itself is checked by the caller (`parseSavedDocument`). */
export function readUnsavedCopy(storage: UnsavedStorage | null): UnsavedRead {
  let raw: string | null;
  try {
    raw = storage?.getItem(UNSAVED_KEY) ?? null;
  } catch {
    return { kind: "none" };
  }
  if (raw === null) return { kind: "none" };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: "unreadable", raw, why: "it is not JSON" };
  }
  const fields = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const { format, baseRevision, writer, document } = fields;
  if (
    format !== UNSAVED_FORMAT ||
    typeof baseRevision !== "number" ||
    !Number.isSafeInteger(baseRevision) ||
    baseRevision < 0 ||
    typeof writer !== "string" ||
    typeof document !== "string"
  ) {
    return { kind: "unreadable", raw, why: "it is not an unsaved copy CEP Studio wrote" };
  }
  return { kind: "copy", copy: { text: document, baseRevision, writer }, raw };
}

/** Removes the stored copy; with `writer`, only a copy that page load wrote. Never throws. */
export function removeUnsavedCopy(storage: UnsavedStorage | null, writer?: string): void {
  if (!storage) return;
  if (writer !== undefined) {
    const read = readUnsavedCopy(storage);
    if (read.kind !== "copy" || read.copy.writer !== writer) return;
  }
  try {
    storage.removeItem(UNSAVED_KEY);
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
