/**
 * React's view of the document store: small selector hooks, one concern each, as React Flow's
 * `useNodes`. Selectors must return stable values (a field, not a freshly built array) or use
 * zustand's `useShallow`.
 */
import { useStore } from "zustand";
import { documentStore } from "./documentStore.ts";
import type { DocumentState } from "./documentStore.ts";
import { activeRule } from "./documentQueries.ts";
import type { DocumentRule } from "./studioDocument.ts";

/** Reads a slice of the document state; re-renders when the slice changes. */
export function useDocument<T>(selector: (s: DocumentState) => T): T {
  return useStore(documentStore, selector);
}

const selectActiveRule = (s: DocumentState) => activeRule(s.doc);

/** The active rule; re-renders only when that rule (or which rule is active) changes. */
export function useActiveRule(): DocumentRule | null {
  return useStore(documentStore, selectActiveRule);
}
