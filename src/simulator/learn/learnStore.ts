/** The Learn tab's own state: the card shown, the card loaded (and being loaded), a load problem. */
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";

export interface LearnState {
  readonly selected: string;
  readonly loaded: string | null;
  readonly loading: string | null;
  readonly problem: string | null;
}

export const learnStore = createStore<LearnState>()(() => ({
  selected: "scenario1",
  loaded: null,
  loading: null,
  problem: null,
}));

/** Reads one slice of the Learn tab's state. */
export function useLearn<T>(selector: (state: LearnState) => T): T {
  return useStore(learnStore, selector);
}
