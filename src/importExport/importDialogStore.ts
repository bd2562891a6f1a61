/**
 * Whether the import dialog is open, and with which text: the Import button opens it with the
 * draft kept from the last dialog closed without importing (or empty), a file dropped on the
 * window opens it with that file already read. Text pasted or typed is the user's work, so it is
 * never dropped silently: closing the dialog (Escape, Cancel, ×) keeps it as the draft, and so does
 * a file that replaces it (chosen in the dialog, or dropped on the window while it is open); only a
 * successful import of that text or Clear drops it. Transient UI state: in memory only — never
 * undone, never saved, gone on reload.
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
  /**
   * What the open dialog holds: a file (dropped or chosen in it) or why it could not be read, the
   * draft it opened with, or null (opened empty).
   */
  readonly initial: ImportSource | ImportFileProblem | null;
  /** The dialog opened with {@link draft} and still holds it (it says so, and offers to clear it). */
  readonly fromDraft: boolean;
  /** Text left in the dialog when it was last closed without importing; null when none. */
  readonly draft: ImportSource | null;
  /** The paste box's text as it is now, and the name its messages use. */
  readonly box: ImportSource;
  /** Changes on every open, so a second drop re-reads even the same file. */
  readonly openCount: number;
}

const EMPTY_BOX: ImportSource = { text: "", fileName: PASTED_NAME };

/** The state before the dialog was ever opened. */
export const CLOSED: ImportDialogState = {
  open: false,
  initial: null,
  fromDraft: false,
  draft: null,
  box: EMPTY_BOX,
  openCount: 0,
};

/** The open dialog holds a file, not the draft: the draft is not in it. */
function holdsFile(state: ImportDialogState): boolean {
  return state.open && !state.fromDraft && state.initial !== null;
}

/**
 * The box's text if it is the user's work — neither blank nor the text of the file the dialog holds,
 * left as it came (that file is still on disk); else null.
 */
function userText(state: ImportDialogState): ImportSource | null {
  const { box, initial } = state;
  if (box.text.trim() === "") return null;
  const fileAsItCame = holdsFile(state) && initial !== null && "text" in initial && initial.text === box.text;
  return fileAsItCame ? null : box;
}

/**
 * The draft once `file` replaces the open dialog's text: that text when it is the user's work and
 * not the file's own text, else the draft as it was.
 */
function draftAfterReplacing(
  state: ImportDialogState,
  file: ImportSource | ImportFileProblem,
): ImportSource | null {
  const kept = userText(state);
  const same = kept !== null && "text" in file && file.text === kept.text;
  return kept === null || same ? state.draft : kept;
}

/**
 * The state once the dialog opens: with a dropped file when `dropped` is given (the draft waits
 * for the next plain open), else with the draft, else empty. A file dropped on the open dialog
 * replaces it, so the text the user left in it becomes the draft first.
 */
export function opened(
  state: ImportDialogState,
  dropped: ImportSource | ImportFileProblem | null,
): ImportDialogState {
  const draft = state.open && dropped !== null ? draftAfterReplacing(state, dropped) : state.draft;
  const initial = dropped ?? draft;
  const box = initial !== null && "text" in initial ? initial : EMPTY_BOX;
  const fromDraft = dropped === null && draft !== null;
  return { ...state, open: true, initial, fromDraft, draft, box, openCount: state.openCount + 1 };
}

/** The state once the user edits the paste box: edited text is no longer a file's, its messages name the box. */
export function edited(state: ImportDialogState, text: string): ImportDialogState {
  return { ...state, box: { text, fileName: PASTED_NAME } };
}

/**
 * The state once a file chosen in the dialog was read into the paste box: the text it replaced is
 * kept as the draft when it is the user's work, and the dialog now holds the file as if dropped.
 */
export function fileChosen(state: ImportDialogState, file: ImportSource): ImportDialogState {
  const draft = draftAfterReplacing(state, file);
  return { ...state, initial: file, fromDraft: false, draft, box: file };
}

/** The state once Clear empties the box: the draft is forgotten. */
export function draftCleared(state: ImportDialogState): ImportDialogState {
  return { ...state, initial: null, fromDraft: false, draft: null, box: EMPTY_BOX };
}

/**
 * The state once the dialog closes without importing: the box's text becomes the draft when it is
 * the user's work; a file left as it came, or a box emptied after one, keeps the earlier draft; a
 * box emptied otherwise leaves none.
 */
export function closedKeeping(state: ImportDialogState): ImportDialogState {
  const draft = userText(state) ?? (holdsFile(state) ? state.draft : null);
  return { ...state, open: false, initial: null, fromDraft: false, draft, box: EMPTY_BOX };
}

/**
 * The state once an import is done: closed, and the draft gone — it was imported, or cleared and
 * replaced by what was. A file's import leaves the draft, which that file replaced or never met.
 */
export function closedImported(state: ImportDialogState): ImportDialogState {
  const draft = holdsFile(state) ? state.draft : null;
  return { ...state, open: false, initial: null, fromDraft: false, draft, box: EMPTY_BOX };
}

const importDialogStore = createStore<ImportDialogState>()(() => CLOSED);

/**
 * Opens the dialog: with a dropped file's text (or the problem reading it), else with the draft,
 * else empty. Dropped on the open dialog, the file replaces it and the text left in it is kept.
 */
export function openImportDialog(dropped: ImportSource | ImportFileProblem | null = null): void {
  importDialogStore.setState((s) => opened(s, dropped));
}

/** Records the paste box's text as the user edits it. */
export function editImportText(text: string): void {
  importDialogStore.setState((s) => edited(s, text));
}

/** Puts a file chosen in the dialog into the paste box, keeping the text it replaces as the draft. */
export function chooseImportFile(file: ImportSource): void {
  importDialogStore.setState((s) => fileChosen(s, file));
}

/** Empties the paste box and forgets the draft. */
export function clearImportDraft(): void {
  importDialogStore.setState(draftCleared);
}

/** Closes the dialog without importing; the box's text is kept as the draft. */
export function closeImportDialog(): void {
  importDialogStore.setState(closedKeeping);
}

/** Closes the dialog after a successful import, dropping the draft. */
export function finishImportDialog(): void {
  importDialogStore.setState(closedImported);
}

/** The dialog's state, for the component that renders it. */
export function useImportDialog(): ImportDialogState {
  return useStore(importDialogStore);
}
