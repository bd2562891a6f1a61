/**
 * Undo/redo for the document, shaped like tldraw's `HistoryManager`: the history holds immutable
 * document snapshots, and only user-sourced changes enter it. Two ways to make several changes
 * one entry: a merge key (consecutive changes to one inspector field while typing) and a gesture
 * (everything between pointer-down and pointer-up of a drag).
 *
 * Pure data in, pure data out: the store in `documentStore.ts` holds a {@link History} and calls
 * these functions, so the semantics are unit-tested without any store.
 */
import type { StudioDocument } from "./studioDocument.ts";

/** How many undo entries are kept; the oldest is dropped beyond this. */
export const HISTORY_LIMIT = 200;

/** The undo state next to the document. */
export interface History {
  /** Documents before each recorded change, oldest first. */
  readonly undo: readonly StudioDocument[];
  /** Documents undone, the next redo last. */
  readonly redo: readonly StudioDocument[];
  /** The merge key of the entry on top of `undo`, while it may still absorb changes. */
  readonly mergeKey: string | null;
  /** Nesting depth of open gestures. */
  readonly gestureDepth: number;
  /** True once the open gesture has pushed its entry. */
  readonly gestureRecorded: boolean;
}

/** A history with nothing to undo or redo. */
export function emptyHistory(): History {
  return { undo: [], redo: [], mergeKey: null, gestureDepth: 0, gestureRecorded: false };
}

/** How a change enters history; see `ChangeOptions` in `documentStore.ts`. */
export interface RecordOptions {
  readonly history?: "record" | "skip";
  readonly mergeKey?: string;
}

/**
 * The history after the document changed from `before` to something else. Skipped changes leave
 * the history as it is: they are not undoable, yet a later undo restores a snapshot taken before
 * them, as tldraw's "ignore" changes behave.
 */
export function recordChange(history: History, before: StudioDocument, options: RecordOptions): History {
  if (options.history === "skip") return history;
  if (history.gestureDepth > 0) {
    if (history.gestureRecorded) return history;
    return { ...push(history, before), gestureRecorded: true, mergeKey: null };
  }
  const mergeKey = options.mergeKey ?? null;
  if (mergeKey !== null && mergeKey === history.mergeKey && history.undo.length > 0) return history;
  return { ...push(history, before), mergeKey };
}

function push(history: History, before: StudioDocument): History {
  const undo = [...history.undo, before];
  if (undo.length > HISTORY_LIMIT) undo.splice(0, undo.length - HISTORY_LIMIT);
  return { ...history, undo, redo: [] };
}

/** Closes the open merge: the next recorded change starts a new entry. */
export function closeMerge(history: History): History {
  return history.mergeKey === null ? history : { ...history, mergeKey: null };
}

/** Opens a (possibly nested) gesture. */
export function openGesture(history: History): History {
  const first = history.gestureDepth === 0;
  return {
    ...history,
    gestureDepth: history.gestureDepth + 1,
    gestureRecorded: first ? false : history.gestureRecorded,
    mergeKey: null,
  };
}

/** Closes one gesture level; the outermost close ends the entry. */
export function closeGesture(history: History): History {
  if (history.gestureDepth === 0) return history;
  const gestureDepth = history.gestureDepth - 1;
  return {
    ...history,
    gestureDepth,
    gestureRecorded: gestureDepth === 0 ? false : history.gestureRecorded,
    mergeKey: null,
  };
}

/** Undoes the latest entry: the document to show and the new history, or null when there is none. */
export function undoStep(
  history: History,
  current: StudioDocument,
): { readonly doc: StudioDocument; readonly history: History } | null {
  const doc = history.undo.at(-1);
  if (doc === undefined) return null;
  return {
    doc,
    // An undo also ends any gesture or merge: the next change is a new entry.
    history: {
      undo: history.undo.slice(0, -1),
      redo: [...history.redo, current],
      mergeKey: null,
      gestureDepth: 0,
      gestureRecorded: false,
    },
  };
}

/** Redoes the latest undone entry, or null when there is none. */
export function redoStep(
  history: History,
  current: StudioDocument,
): { readonly doc: StudioDocument; readonly history: History } | null {
  const doc = history.redo.at(-1);
  if (doc === undefined) return null;
  return {
    doc,
    history: {
      undo: [...history.undo, current],
      redo: history.redo.slice(0, -1),
      mergeKey: null,
      gestureDepth: 0,
      gestureRecorded: false,
    },
  };
}
