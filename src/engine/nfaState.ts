/**
 * Port of Flink's `org.apache.flink.cep.nfa.NFAState` together with the key's `SharedBuffer`:
 * everything one key needs between events, as plain data (no functions; conditions live in the
 * compiled NFA), so it can be snapshotted or posted to a worker with `structuredClone`.
 */
import type { ComputationState } from "./computationState.ts";
import {
  createSharedBuffer,
  type SharedBufferData,
  type SharedBufferNode,
} from "./sharedBuffer/sharedBuffer.ts";

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

/**
 * A deep copy of `state` that shares nothing mutable with it (runs, shared-buffer nodes and
 * edges, counters); the event records themselves are shared, as they are never changed. What
 * `explain` replays an event on.
 */
export function cloneNFAState(state: KeyedNFAState): KeyedNFAState {
  const copies = new Map<SharedBufferNode, SharedBufferNode>();
  const pending: SharedBufferNode[] = [];
  const reach = (node: SharedBufferNode | null): void => {
    if (node !== null && !copies.has(node)) {
      copies.set(node, { ...node });
      pending.push(node);
    }
  };
  const runs = [...state.partialMatches, ...state.completedMatches];
  for (const run of runs) reach(run.previousBufferEntry);
  while (pending.length > 0) {
    const node = pending.pop() as SharedBufferNode;
    reach(node.edgeTarget);
    reach(node.sibling);
    if (node.moreEdges) for (const edge of node.moreEdges) reach(edge.target);
  }
  const copyOf = (node: SharedBufferNode | null): SharedBufferNode | null =>
    node === null ? null : (copies.get(node) as SharedBufferNode);
  for (const copy of copies.values()) {
    copy.edgeTarget = copyOf(copy.edgeTarget);
    copy.sibling = copyOf(copy.sibling) as SharedBufferNode;
    if (copy.moreEdges)
      copy.moreEdges = copy.moreEdges.map((edge) => ({ ...edge, target: copyOf(edge.target) }));
  }
  const copyRun = (run: ComputationState): ComputationState => {
    const start = run.startEventId;
    // A run's start event id is the node of its first event (see NFATransitions); keep that identity.
    const startCopy =
      start !== null && copies.has(start as SharedBufferNode) ? copies.get(start as SharedBufferNode) : start;
    return { ...run, previousBufferEntry: copyOf(run.previousBufferEntry), startEventId: startCopy ?? null };
  };
  const buffer = state.buffer;
  return {
    partialMatches: state.partialMatches.map(copyRun),
    completedMatches: state.completedMatches.map(copyRun),
    buffer: {
      countTimestamp: buffer.countTimestamp,
      count: buffer.count,
      olderCounts: buffer.olderCounts === null ? null : new Map(buffer.olderCounts),
      events: { size: buffer.events.size },
      liveNodes: buffer.liveNodes,
    },
    stateChanged: state.stateChanged,
    capWarned: state.capWarned,
  };
}
