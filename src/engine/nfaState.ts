/**
 * Port of Flink's `org.apache.flink.cep.nfa.NFAState` together with the key's `SharedBuffer`:
 * everything one key needs between events, as plain data (no functions; conditions live in the
 * compiled NFA), so it can be snapshotted or posted to a worker with `structuredClone`.
 */
import type { ComputationState } from "./computationState.ts";
import { createSharedBuffer, type SharedBufferData } from "./sharedBuffer/sharedBuffer.ts";

export interface KeyedNFAState {
  /** `partialMatches`: runs waiting for events, as a `java.util.PriorityQueue` heap array. */
  partialMatches: ComputationState[];
  /** `completedMatches`: finished runs held back by a skip strategy, as a heap array. */
  readonly completedMatches: ComputationState[];
  /** The key's shared buffer. */
  readonly buffer: SharedBufferData;
  /** `stateChanged`: set whenever processing changed anything (for operators that persist lazily). */
  stateChanged: boolean;
  /** Whether the partial-match cap warning was already reported for this state. */
  capWarned: boolean;
}

/** `NFA.createInitialNFAState()`: one start run per start state (the given, shared runs). */
export function createInitialNFAState(startRuns: readonly ComputationState[]): KeyedNFAState {
  return {
    partialMatches: startRuns.slice(),
    completedMatches: [],
    buffer: createSharedBuffer(),
    stateChanged: false,
    capWarned: false,
  };
}

/** Whether the state holds nothing: no completed match waiting, no run beyond the start runs. */
/** Runs beyond the start runs: the state's live partial matches (what `isNFAStateEmpty` looks for). */
export function countPartialMatches(state: KeyedNFAState): number {
  let count = 0;
  const runs = state.partialMatches;
  for (let i = 0; i < runs.length; i++) if ((runs[i] as ComputationState).startEventId !== null) count++;
  return count;
}

export function isNFAStateEmpty(state: KeyedNFAState): boolean {
  if (state.completedMatches.length !== 0) return false;
  const runs = state.partialMatches;
  for (let i = 0; i < runs.length; i++) if ((runs[i] as ComputationState).startEventId !== null) return false;
  return true;
}
