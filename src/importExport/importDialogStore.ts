/**
 * Whether the import dialog is open, and with which text: the Import button opens it with the
 * draft kept from the last dialog closed without importing (or empty), a file dropped on the
 * window opens it with that file already read. Text pasted or typed is the user's work, so closing
 * the dialog (Escape, Cancel, ×) keeps it as the draft; only a successful import or Clear drops
 * it. Transient UI state: in memory only — never undone, never saved, gone on reload.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";

/** Text to import and the name its messages use (`rules.json`, `pasted text`). */
export interface ImportSource {
  readonly text: string;
  readonly fileName: string;
}

/** Messages name pasted text like a file, so `pasted text:3:5` reads as a position in the box. */
export const PASTED_NAME = "pasted text";

/** A file that could not be read (too large, unreadable). */
export interface ImportFileProblem {
  readonly fileName: string;
  readonly message: string;
}

/** The import dialog's state. */
export interface ImportDialogState {
  readonly open: boolean;
  /** What the dialog reads first: a dropped file (or why it could not be read), the draft, or null (empty). */
  readonly initial: ImportSource | ImportFileProblem | null;
  /** The dialog opened with {@link draft} (it says so, and offers to clear it). */
  readonly fromDraft: boolean;
  /** Text left in the dialog when it was last closed without importing; null when none. */
  readonly draft: ImportSource | null;
  /** Changes on every open, so a second drop re-reads even the same file. */
  readonly openCount: number;
}

/** The state before the dialog was ever opened. */
export const CLOSED: ImportDialogState = {
  open: false,
  initial: null,
  fromDraft: false,
  draft: null,
  openCount: 0,
};

/**
 * The state once the dialog opens: with a dropped file when `dropped` is given (the draft waits
 * for the next plain open), else with the draft, else empty.
 */
export function opened(
  state: ImportDialogState,
  dropped: ImportSource | ImportFileProblem | null,
): ImportDialogState {
  const fromDraft = dropped === null && state.draft !== null;
  return { ...state, open: true, initial: dropped ?? state.draft, fromDraft, openCount: state.openCount + 1 };
}

/** The open dialog holds a dropped file, not the draft: the draft is not in it. */
function holdsDrop(state: ImportDialogState): boolean {
  return state.open && !state.fromDraft && state.initial !== null;
}

/**
 * The state once the dialog closes without importing, `left` being the text in its paste box. That
 * text becomes the draft (none if empty) — except a dropped file's text left as it came, or a box
 * left empty after a drop: the file is still on disk, and the earlier draft stays.
 */
export function closedKeeping(state: ImportDialogState, left: ImportSource): ImportDialogState {
  const { initial } = state;
  const untouchedDrop =
    holdsDrop(state) &&
    (left.text.trim() === "" || (initial !== null && "text" in initial && initial.text === left.text));
  const draft = untouchedDrop ? state.draft : left.text.trim() === "" ? null : left;
  return { ...state, open: false, initial: null, fromDraft: false, draft };
}

/**
 * The state once an import is done: closed, and the draft gone — it was imported, or cleared and
 * replaced by what was. A dropped file's import leaves the draft, which was never in that dialog.
 */
export function closedImported(state: ImportDialogState): ImportDialogState {
  const draft = holdsDrop(state) ? state.draft : null;
  return { ...state, open: false, initial: null, fromDraft: false, draft };
}

const importDialogStore = createStore<ImportDialogState>()(() => CLOSED);

/** Opens the dialog: with a dropped file's text (or the problem reading it), else with the draft, else empty. */
export function openImportDialog(dropped: ImportSource | ImportFileProblem | null = null): void {
  importDialogStore.setState((s) => opened(s, dropped));
}

/** Closes the dialog without importing; `left` (the paste box's text and name) is kept as the draft. */
export function closeImportDialog(left: ImportSource): void {
  importDialogStore.setState((s) => closedKeeping(s, left));
}

/** Closes the dialog after a successful import, dropping the draft. */
export function finishImportDialog(): void {
  importDialogStore.setState(closedImported);
}

/** The dialog's state, for the component that renders it. */
export function useImportDialog(): ImportDialogState {
  return useStore(importDialogStore);
}
