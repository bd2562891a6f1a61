/**
 * What the user has selected on the canvas: nothing, the rule's pattern (window, skip strategy),
 * one or more stages of one graph, or one edge. Transient UI state — never undone, never saved —
 * shared by the canvas, the inspector and the commands (which act on "the selection").
 *
 * Selection belongs to one rule (`ruleKey`): switching the active rule clears it, and document
 * changes (undo, JSON edits) drop selected stages or edges that no longer exist, so a command
 * never acts on names the rule on the canvas does not hold.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";
import { activeRule } from "../document/documentQueries.ts";
import { documentStore } from "../document/documentStore.ts";
import type { StudioDocument } from "../document/studioDocument.ts";
import { pruneSelection } from "./selectionScope.ts";

/** The current selection, discriminated on `type`. */
export type Selection =
  | { readonly type: "none" }
  /** The rule's pattern itself (window, after-match skip strategy). */
  | { readonly type: "pattern" }
  /** One or more stages (or groups) in one graph; `graphPath` names the enclosing groups (`[]` = top). */
  | { readonly type: "stages"; readonly graphPath: readonly string[]; readonly names: readonly string[] }
  /** One edge of one graph, by its source and target stage names. */
  | {
      readonly type: "edge";
      readonly graphPath: readonly string[];
      readonly source: string;
      readonly target: string;
    };

/** The selection store's state: the selection and the rule (document rule key) it belongs to. */
export interface SelectionState {
  readonly selection: Selection;
  readonly ruleKey: string | null;
}

const NO_SELECTION: Selection = { type: "none" };

/** The selection store (zustand vanilla: commands and tests use it without React). */
export const selectionStore = createStore<SelectionState>()(() => ({
  selection: NO_SELECTION,
  ruleKey: documentStore.getState().doc.activeRuleKey,
}));

/** Replaces the selection of the rule on the canvas. */
export function select(selection: Selection): void {
  if (isSameSelection(selectionStore.getState().selection, selection)) return;
  selectionStore.setState({ selection });
}

/** The current selection; re-renders only when it changes. */
export function useSelection(): Selection {
  return useStore(selectionStore, (s) => s.selection);
}

/** True when two selections denote the same things (the order of `names` does not matter). */
function isSameSelection(a: Selection, b: Selection): boolean {
  switch (a.type) {
    case "none":
    case "pattern":
      return a.type === b.type;
    case "stages":
      return (
        b.type === "stages" &&
        samePath(a.graphPath, b.graphPath) &&
        a.names.length === b.names.length &&
        a.names.every((n) => b.names.includes(n))
      );
    case "edge":
      return (
        b.type === "edge" &&
        samePath(a.graphPath, b.graphPath) &&
        a.source === b.source &&
        a.target === b.target
      );
  }
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/** Follows the document: a new active rule clears the selection, vanished stages drop out of it. */
function followDocument(doc: StudioDocument): void {
  const { selection, ruleKey } = selectionStore.getState();
  if (doc.activeRuleKey !== ruleKey) {
    selectionStore.setState({ ruleKey: doc.activeRuleKey, selection: NO_SELECTION });
    return;
  }
  const pruned = pruneSelection(selection, activeRule(doc)?.rule ?? null);
  if (pruned !== selection) selectionStore.setState({ selection: pruned });
}

documentStore.subscribe((state, previous) => {
  if (state.doc !== previous.doc) followDocument(state.doc);
});
