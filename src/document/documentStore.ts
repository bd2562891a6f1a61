/**
 * The document store: the one undoable, persisted state of the app (zustand vanilla, so plain
 * TS — commands, persistence, tests — uses it without React; components read it through
 * `useDocument.ts`). Every change goes through {@link changeDocument} with a pure edit from
 * `edits/`, and says whether it is a user change (recorded for undo) or not (skipped).
 */
import { createStore } from "zustand/vanilla";
import type { StoreApi } from "zustand/vanilla";
import { createDefaultDocument } from "./defaultDocument.ts";
import {
  closeGesture,
  closeMerge,
  emptyHistory,
  openGesture,
  recordChange,
  redoStep,
  undoStep,
} from "./documentHistory.ts";
import type { History, LinkedChange } from "./documentHistory.ts";
import type { StudioDocument } from "./studioDocument.ts";

/** What components and commands read. */
export interface DocumentState {
  readonly doc: StudioDocument;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** How a change enters the undo history. */
export interface ChangeOptions {
  /** "record" (default): undoable user change. "skip": not undoable (loading, worker output, selection-like changes). */
  readonly history?: "record" | "skip";
  /** Consecutive recorded changes with the same mergeKey collapse into ONE undo entry (typing in one field). */
  readonly mergeKey?: string;
  /**
   * State outside the document that the same gesture changes (the run's broadcast schedule):
   * undo and redo of this change take it back and forth too. Recorded even when the document
   * itself does not change.
   */
  readonly linked?: LinkedChange;
}

/** A document store with its history; the app uses the one instance below, tests make their own. */
export interface DocumentStore {
  readonly store: StoreApi<DocumentState>;
  changeDocument(update: (doc: StudioDocument) => StudioDocument, options?: ChangeOptions): void;
  replaceDocument(doc: StudioDocument, options?: ChangeOptions): void;
  endMerge(): void;
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
}

/** Makes a store holding `initial` with an empty history. */
export function createDocumentStore(initial: StudioDocument): DocumentStore {
  let history: History = emptyHistory();
  const store = createStore<DocumentState>()(() => ({ doc: initial, canUndo: false, canRedo: false }));

  const publish = (doc: StudioDocument, next: History) => {
    history = next;
    const canUndo = next.undo.length > 0;
    const canRedo = next.redo.length > 0;
    const state = store.getState();
    if (state.doc !== doc || state.canUndo !== canUndo || state.canRedo !== canRedo) {
      store.setState({ doc, canUndo, canRedo }, true);
    }
  };

  const changeDocument: DocumentStore["changeDocument"] = (update, options = {}) => {
    const before = store.getState().doc;
    const after = update(before);
    // An edit that changes nothing returns its input; it must not leave an empty undo entry.
    if (after === before && options.linked === undefined) return;
    publish(after, recordChange(history, before, options));
  };

  return {
    store,
    changeDocument,
    replaceDocument(doc, options = {}) {
      // A replaced document is never merged with what came before or after it.
      history = closeMerge(history);
      changeDocument(() => doc, {
        history: options.history ?? "record",
        ...(options.linked === undefined ? {} : { linked: options.linked }),
      });
      history = closeMerge(history);
    },
    endMerge() {
      history = closeMerge(history);
    },
    beginGesture() {
      history = openGesture(history);
    },
    endGesture() {
      history = closeGesture(history);
    },
    undo() {
      const step = undoStep(history, store.getState().doc);
      if (!step) return;
      publish(step.doc, step.history);
      for (const change of [...step.linked].reverse()) change.undo();
    },
    redo() {
      const step = redoStep(history, store.getState().doc);
      if (!step) return;
      publish(step.doc, step.history);
      for (const change of step.linked) change.redo();
    },
  };
}

const appStore = createDocumentStore(createDefaultDocument());

/** The app's document store. Read it with `useDocument` in components, `getState()` elsewhere. */
export const documentStore: StoreApi<DocumentState> = appStore.store;

/** Applies a pure edit to the document; a no-op edit (same object back) changes nothing. */
export function changeDocument(
  update: (doc: StudioDocument) => StudioDocument,
  options?: ChangeOptions,
): void {
  appStore.changeDocument(update, options);
}

/** Replaces the whole document (import, share link, template); recorded by default so it can be undone. */
export function replaceDocument(doc: StudioDocument, options?: ChangeOptions): void {
  appStore.replaceDocument(doc, options);
}

/** Call on blur / Enter: the next change starts a new undo entry even with the same merge key. */
export function endMerge(): void {
  appStore.endMerge();
}

/** Drag start: recorded changes until {@link endGesture} are one undo entry (none if nothing changed). */
export function beginGesture(): void {
  appStore.beginGesture();
}

/** Drag end: closes the entry opened by {@link beginGesture}. */
export function endGesture(): void {
  appStore.endGesture();
}

/** Restores the document before the latest undo entry. */
export function undo(): void {
  appStore.undo();
}

/** Re-applies the latest undone entry. */
export function redo(): void {
  appStore.redo();
}
