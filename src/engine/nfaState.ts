/**
 * Port of Flink's `org.apache.flink.cep.nfa.NFAState` together with the key's `SharedBuffer`:
 * everything one key needs between events, as plain data (no functions; conditions live in the
 * compiled NFA), so it can be snapshotted or posted to a worker with `structuredClone`.
 *
 * Layout: with many keys, visiting one is dominated by cache misses, one per object reached. So
 * the shared buffer's counters live in this object (it extends `SharedBufferData`), and the NFA
 * keeps a summary of the queues here (`liveRuns`, `heldMatches`, `timeoutAt`): whether the key
 * holds anything, and whether `advanceTime` can do anything, are answered without loading the
 * queue arrays or their runs.
 */
import type { ComputationState } from "./computationState.ts";
import type { SharedBufferData, SharedBufferNode } from "./sharedBuffer/sharedBuffer.ts";

export interface KeyedNFAState extends SharedBufferData {
  /** `partialMatches`: runs waiting for events, as a `java.util.PriorityQueue` heap array. */
  partialMatches: ComputationState[];
  /**
   * `completedMatches`: finished runs held back by a skip strategy, as a heap array. Most keys
   * never hold one, so a fresh state shares the frozen {@link NO_COMPLETED_MATCHES} and the NFA
   * gives it its own array whenever it offers to an empty queue (which may be shared).
   */
  completedMatches: ComputationState[];
  /** Runs of `partialMatches` beyond the start runs (kept by the NFA after every change). */
  liveRuns: number;
  /** `completedMatches.length` (kept by the NFA after every change). */
  heldMatches: number;
  /**
   * No `advanceTime` before this time can time a run out or release a pending match (kept by
   * the NFA: the queue head's `startTimestamp + window`; −∞ when per-state windows make every
   * call look at the runs; +∞ when nothing can expire).
   */
  timeoutAt: number;
  /** `stateChanged`: set whenever processing changed anything (for operators that persist lazily). */
  stateChanged: boolean;
  /** Whether the partial-match cap warning was already reported for this state. */
  capWarned: boolean;
  /**
   * `isNewStartPartialMatch`: a start run took an event since the operator last stored the
   * state. Flink's processing-time operator sets its window timer on it.
   */
  newStartPartialMatch: boolean;
}

/** The empty `completedMatches` fresh states share (frozen: the NFA replaces it before offering). */
export const NO_COMPLETED_MATCHES: ComputationState[] = [];
Object.freeze(NO_COMPLETED_MATCHES);

/** `NFA.createInitialNFAState()`: one start run per start state (the given, shared runs). */
export function createInitialNFAState(startRuns: readonly ComputationState[]): KeyedNFAState {
  return {
    partialMatches: startRuns.slice(),
    completedMatches: NO_COMPLETED_MATCHES,
    liveRuns: 0,
    heldMatches: 0,
    timeoutAt: Number.POSITIVE_INFINITY,
    countTimestamp: Number.NaN,
    count: 0,
    olderCounts: null,
    eventCount: 0,
    liveNodes: 0,
    stateChanged: false,
    capWarned: false,
    newStartPartialMatch: false,
  };
}

/** Runs beyond the start runs: the state's live partial matches (what `isNFAStateEmpty` looks for). */
export function countPartialMatches(state: KeyedNFAState): number {
  return state.liveRuns;
}

/** Whether the state holds nothing: no completed match waiting, no run beyond the start runs. */
export function isNFAStateEmpty(state: KeyedNFAState): boolean {
  return state.liveRuns === 0 && state.heldMatches === 0;
}

/** Counts the runs of a queue that are beyond the start state (have a start event). */
export function countStartedRuns(runs: readonly ComputationState[]): number {
  let count = 0;
  for (let i = 0; i < runs.length; i++) if ((runs[i] as ComputationState).startEventId !== null) count++;
  return count;
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
  return {
    ...state,
    partialMatches: state.partialMatches.map(copyRun),
    completedMatches: state.completedMatches.map(copyRun),
    olderCounts: state.olderCounts === null ? null : new Map(state.olderCounts),
  };
}
