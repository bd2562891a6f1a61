/**
 * The keys the run has shown so far, for the Key inspector's autocomplete: collected from each
 * summary (the keys it names as changed, and the keys of its newest outputs), capped, and
 * forgotten when new data is loaded.
 */
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import type { RunSummary } from "../../runtime/session/index.ts";
import { simulationStore } from "../simulationStore.ts";

/** Keys offered at most (the newest stay). */
export const MAX_KEYS_SEEN = 2000;

/** `known` plus the keys `summary` names, newest last, without repeats, at most `cap`. Pure. */
export function addKeysSeen(
  known: readonly string[],
  summary: RunSummary,
  cap = MAX_KEYS_SEEN,
): readonly string[] {
  const fresh = new Set<string>();
  const add = (key: string | null) => {
    if (key !== null) fresh.add(key);
  };
  summary.changedKeys.listed.forEach(add);
  for (const m of summary.newest.matches) add(m.key);
  for (const t of summary.newest.timeouts) add(t.key);
  for (const l of summary.newest.late) add(l.key);
  for (const r of summary.newest.results) add(r.key);
  const unseen = [...fresh].filter((k) => !known.includes(k));
  if (unseen.length === 0) return known;
  const all = [...known, ...unseen];
  return all.length > cap ? all.slice(all.length - cap) : all;
}

const keysStore = createStore<{ keys: readonly string[] }>()(() => ({ keys: [] }));

simulationStore.subscribe((state, previous) => {
  if (state.data !== previous.data) keysStore.setState({ keys: [] });
  if (state.summary !== null && state.summary !== previous.summary) {
    const keys = addKeysSeen(keysStore.getState().keys, state.summary);
    if (keys !== keysStore.getState().keys) keysStore.setState({ keys });
  }
});

/** The keys seen so far (oldest first). */
export function useKeysSeen(): readonly string[] {
  return useStore(keysStore, (s) => s.keys);
}
