/**
 * Whether the import dialog is open, and with which text: the Import button opens it empty, a
 * file dropped on the window opens it with that file already read. Transient UI state: never
 * undone, never saved.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";

/** Text to import and the name its messages use (`rules.json`, `pasted text`). */
export interface ImportSource {
  readonly text: string;
  readonly fileName: string;
}

/** A file that could not be read (too large, unreadable). */
export interface ImportFileProblem {
  readonly fileName: string;
  readonly message: string;
}

interface ImportDialogState {
  readonly open: boolean;
  /** What the dialog reads first; null for an empty dialog. */
  readonly initial: ImportSource | ImportFileProblem | null;
  /** Changes on every open, so a second drop re-reads even the same file. */
  readonly openCount: number;
}

const importDialogStore = createStore<ImportDialogState>()(() => ({
  open: false,
  initial: null,
  openCount: 0,
}));

/** Opens the dialog, empty or with a dropped file's text (or the problem reading it). */
export function openImportDialog(initial: ImportSource | ImportFileProblem | null = null): void {
  importDialogStore.setState((s) => ({ open: true, initial, openCount: s.openCount + 1 }));
}

/** Closes the dialog. */
export function closeImportDialog(): void {
  importDialogStore.setState({ open: false, initial: null });
}

/** The dialog's state, for the component that renders it. */
export function useImportDialog(): ImportDialogState {
  return useStore(importDialogStore);
}
