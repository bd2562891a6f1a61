/**
 * The saved document's revision: a counter stored next to the document and bumped by every save,
 * so a tab can tell that another tab saved since it last read or wrote. The check and the write
 * happen in one IndexedDB transaction; a BroadcastChannel tells open tabs at once.
 */
import { promisifyRequest } from "idb-keyval";
import type { UseStore } from "idb-keyval";

/** The key of the document's revision counter (a save written before revisions existed counts as 0). */
export const REVISION_KEY = "document-revision";
/** The BroadcastChannel on which tabs announce their saves. */
export const CHANNEL_NAME = "cep-studio-document";

/** What a tab posts after each save. */
export interface SavedNotice {
  readonly type: "saved";
  readonly revision: number;
}

/** The part of a BroadcastChannel persistence uses (tests pass a fake). */
export interface DocumentChannel {
  post(notice: SavedNotice): void;
  listen(onMessage: (data: unknown) => void): void;
  close(): void;
}

/** The browser's BroadcastChannel for saves, or null where there is none. */
export function openDocumentChannel(): DocumentChannel | null {
  if (typeof BroadcastChannel === "undefined") return null;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  return {
    post(notice) {
      channel.postMessage(notice);
    },
    listen(onMessage) {
      channel.onmessage = (event: MessageEvent<unknown>) => {
        onMessage(event.data);
      };
    },
    close() {
      channel.close();
    },
  };
}

/** The revision a channel message announces, or null when it is not a save notice. */
export function noticedRevision(data: unknown): number | null {
  if (typeof data !== "object" || data === null) return null;
  const notice = data as Partial<Record<keyof SavedNotice, unknown>>;
  return notice.type === "saved" && typeof notice.revision === "number" ? notice.revision : null;
}

/** A stored revision value as a number (absent or odd: 0). */
export function revisionOf(value: unknown): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/** Result of {@link writeAtRevision}. */
export type RevisionWrite =
  | { readonly written: true; readonly revision: number }
  | { readonly written: false; readonly stored: number };

/**
 * Writes `value` under `key` and bumps the revision, only when the stored revision still is
 * `expected` ("any": write whatever it is — the user chose to keep their version). Atomic: both
 * keys are read and written in one readwrite transaction, so two tabs cannot both win.
 */
export function writeAtRevision(
  idb: UseStore,
  key: string,
  value: string,
  expected: number | "any",
): Promise<RevisionWrite> {
  return idb("readwrite", (store) => {
    const request = store.get(REVISION_KEY);
    return new Promise<RevisionWrite>((resolve, reject) => {
      request.onerror = () => {
        reject(request.error ?? new Error("reading the saved revision failed"));
      };
      // Writing from the success callback keeps the transaction open between the read and the writes.
      request.onsuccess = () => {
        const stored = revisionOf(request.result);
        if (expected !== "any" && stored !== expected) {
          resolve({ written: false, stored });
          return;
        }
        const revision = stored + 1;
        store.put(value, key);
        store.put(revision, REVISION_KEY);
        promisifyRequest(store.transaction).then(() => {
          resolve({ written: true, revision });
        }, reject);
      };
    });
  });
}
