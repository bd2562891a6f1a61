/**
 * The simulation's state as the app sees it: ephemeral (never undone, never saved), written by
 * the worker client in batches and read by the simulator panels and the designer's canvas
 * (live counts, highlighted match) through small selector hooks.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";

/** A match picked in a table: its rule, the stages that took events, and the events' input lines. */
export interface MatchHighlight {
  readonly ruleId: string;
  readonly stages: readonly string[];
  readonly lines: readonly number[];
}

export interface SimulationState {
  /** Partial matches waiting in each stage, by rule id then stage name (empty before a run). */
  readonly stageCounts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The selected match or timeout, lit up on the canvas and the timeline. */
  readonly highlight: MatchHighlight | null;
}

export const simulationStore = createStore<SimulationState>()(() => ({
  stageCounts: {},
  highlight: null,
}));

/** Reads one slice of the simulation state; re-renders only when that slice changes. */
export function useSimulation<T>(selector: (state: SimulationState) => T): T {
  return useStore(simulationStore, selector);
}
