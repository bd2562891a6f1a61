/**
 * Undo/redo for the document, shaped like tldraw's `HistoryManager`: the history holds immutable
 * document snapshots, and only user-sourced changes enter it. Two ways to make several changes
 * one entry: a merge key (consecutive changes to one inspector field while typing) and a gesture
 * (everything between pointer-down and pointer-up of a drag).
 *
 * A gesture may also change state that lives outside the document — loading a Learn card gives
 * the run its broadcast schedule. Such a change rides on the entry as a {@link LinkedChange}
 * (Excalidraw's history holds app-state deltas next to element deltas), so one undo takes back
 * the whole gesture; changes outside the document that no entry carries are never touched.
 *
 * Pure data in, pure data out: the store in `documentStore.ts` holds a {@link History} and calls
 * these functions, so the semantics are unit-tested without any store.
 */
import type { StudioDocument } from "./studioDocument.ts";

/** How many undo entries are kept; the oldest is dropped beyond this. */
export const HISTORY_LIMIT = 200;

/** State outside the document that a recorded change changed too, taken back and forth with it. */
export interface LinkedChange {
  /** Puts the outside state back as it was before the change. */
  readonly undo: () => void;
  /** Puts the outside state back as the change left it. */
  readonly redo: () => void;
}

/** One undo or redo step: the document to show, and the outside changes made with it. */
export interface HistoryEntry {
  readonly doc: StudioDocument;
  /** In the order they were made. */
  readonly linked: readonly LinkedChange[];
}

/** The undo state next to the document. */
export interface History {
  /** Documents before each recorded change, oldest first. */
  readonly undo: readonly HistoryEntry[];
  /** Documents undone, the next redo last. */
  readonly redo: readonly HistoryEntry[];
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
  readonly linked?: LinkedChange;
}

/**
 * The history after the document changed from `before` to something else. Skipped changes leave
 * the history as it is: they are not undoable, yet a later undo restores a snapshot taken before
 * them, as tldraw's "ignore" changes behave.
 */
export function recordChange(history: History, before: StudioDocument, options: RecordOptions): History {
  if (options.history === "skip") return history;
  const linked = options.linked === undefined ? [] : [options.linked];
  if (history.gestureDepth > 0) {
    if (history.gestureRecorded) return joinTop(history, linked);
    return { ...push(history, { doc: before, linked }), gestureRecorded: true, mergeKey: null };
  }
  const mergeKey = options.mergeKey ?? null;
  if (mergeKey !== null && mergeKey === history.mergeKey && history.undo.length > 0)
    return joinTop(history, linked);
  return { ...push(history, { doc: before, linked }), mergeKey };
}

function push(history: History, entry: HistoryEntry): History {
  const undo = [...history.undo, entry];
  if (undo.length > HISTORY_LIMIT) undo.splice(0, undo.length - HISTORY_LIMIT);
  return { ...history, undo, redo: [] };
}

/** The entry on top of `undo` also carries `linked` (a change merged into it). */
function joinTop(history: History, linked: readonly LinkedChange[]): History {
  const top = history.undo.at(-1);
  if (linked.length === 0 || top === undefined) return history;
  return {
    ...history,
    undo: [...history.undo.slice(0, -1), { doc: top.doc, linked: [...top.linked, ...linked] }],
  };
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

/** What an undo or redo does: the document to show, the outside changes to take back or redo, the new history. */
export interface HistoryStep {
  readonly doc: StudioDocument;
  readonly linked: readonly LinkedChange[];
  readonly history: History;
}

/**
 * Undoes the latest entry, or returns null when there is none. The caller shows `doc` and calls
 * `undo` of each linked change, last first.
 */
export function undoStep(history: History, current: StudioDocument): HistoryStep | null {
  const entry = history.undo.at(-1);
  if (entry === undefined) return null;
  return {
    doc: entry.doc,
    linked: entry.linked,
    // An undo also ends any gesture or merge: the next change is a new entry.
    history: {
      undo: history.undo.slice(0, -1),
      redo: [...history.redo, { doc: current, linked: entry.linked }],
      mergeKey: null,
      gestureDepth: 0,
      gestureRecorded: false,
    },
  };
}

/**
 * Redoes the latest undone entry, or returns null when there is none. The caller shows `doc` and
 * calls `redo` of each linked change, first first.
 */
export function redoStep(history: History, current: StudioDocument): HistoryStep | null {
  const entry = history.redo.at(-1);
  if (entry === undefined) return null;
  return {
    doc: entry.doc,
    linked: entry.linked,
    history: {
      undo: [...history.undo, { doc: current, linked: entry.linked }],
      redo: history.redo.slice(0, -1),
      mergeKey: null,
      gestureDepth: 0,
      gestureRecorded: false,
    },
  };
}
