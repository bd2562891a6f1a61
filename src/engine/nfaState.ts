/**
 * Port of Flink's `org.apache.flink.cep.nfa.NFAState` together with the key's `SharedBuffer`:
 * everything one key needs between events, as plain data (no functions; conditions live in the
 * compiled NFA), so it can be snapshotted or posted to a worker with `structuredClone`.
 */
import { createStartState, type ComputationState } from "./computationState.ts";
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

/** `NFA.createInitialNFAState()`: one start run per start state. */
export function createInitialNFAState(startStates: readonly number[]): KeyedNFAState {
  return {
    partialMatches: startStates.map((s) => createStartState(s)),
    completedMatches: [],
    buffer: createSharedBuffer(),
    stateChanged: false,
    capWarned: false,
  };
}
