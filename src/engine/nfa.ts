/**
 * Port of Flink's `org.apache.flink.cep.nfa.NFA`: `process` / `advanceTime` / `doProcess` /
 * `processMatchesAccordingToSkipStrategy` and the timeout rules. The per-run transition logic
 * (`computeNextStates`, `OutgoingEdges`, Dewey branching) is in `nfaTransitions.ts`.
 *
 * All per-key data lives in the {@link KeyedNFAState} passed in; an `NFA` holds only the compiled
 * graph, so one instance serves every key.
 */
import type { EngineWarning, EventRecord, Match, TimedOutMatch } from "./api.ts";
import type { AfterMatchSkipStrategy } from "./aftermatch/afterMatchSkipStrategy.ts";
import { compareComputationStates, type ComputationState } from "./computationState.ts";
import { heapOffer, heapOfferAt, heapPeek, heapPoll, heapRemoveIf } from "./javaPriorityQueue.ts";
import type { NFADefinition, RuntimeState } from "./nfaDefinition.ts";
import { countStartedRuns, type KeyedNFAState } from "./nfaState.ts";
import { PartialMatchInspector } from "./inspect/partialMatchView.ts";
import { NFATransitions, UNCHANGED } from "./nfaTransitions.ts";
import type { NFATracer } from "./nfaTracer.ts";
import type { SharedBufferNode } from "./sharedBuffer/sharedBuffer.ts";
import { SharedBufferAccessor, type EventWrapper } from "./sharedBuffer/sharedBufferAccessor.ts";

/** Runtime options of an {@link NFA}. */
export interface NFAOptions {
  /** Most partial matches (start state not counted) one key may hold; beyond it the newest are dropped. */
  readonly maxPartialMatches: number;
  readonly onWarning: ((warning: EngineWarning) => void) | undefined;
  /** Flink's `handleTimeout`: report timed-out partial matches (else just drop them). */
  readonly handleTimeout: boolean;
}

/** What `advanceTime` returns. */
export interface AdvanceTimeResult {
  matches: Match[];
  timedOut: TimedOutMatch[];
}

const NO_RUNS: readonly ComputationState[] = Object.freeze([]);
/** What process / advanceTime return when nothing happened: shared, frozen (results are read-only). */
const NO_MATCHES: Match[] = [];
Object.freeze(NO_MATCHES);
const NO_TIMEOUTS: TimedOutMatch[] = [];
Object.freeze(NO_TIMEOUTS);
const NOTHING: AdvanceTimeResult = Object.freeze({ matches: NO_MATCHES, timedOut: NO_TIMEOUTS });
const NO_EVENT: EventRecord = Object.freeze({});

export class NFA {
  private readonly accessor: SharedBufferAccessor;
  private readonly transitions: NFATransitions;
  private readonly states: readonly RuntimeState[];
  private readonly pageNames: readonly string[];
  private readonly windowTime: number;
  /** Whether any window (pattern-wide, per state or times) exists; without one advanceTime only counts. */
  private readonly hasWindows: boolean;
  /** Whether some state has its own window (PREVIOUS_AND_CURRENT or a `times` window). */
  private readonly hasStateWindows: boolean;
  /** The event being processed; reused, since `process` is not re-entrant. */
  private readonly wrapper: EventWrapper = { event: {}, timestamp: 0, eventId: null, nodes: null };
  /** Where `doProcess` builds the new partial-match queue (not re-entrant, so one suffices). */
  private readonly runScratch: Array<ComputationState | undefined> = [];
  /** The wrapper's nodes-by-stage table, reused for every event (cleared after each). */
  private readonly nodesScratch: Array<SharedBufferNode | undefined>;

  constructor(
    definition: NFADefinition,
    private readonly afterMatchSkipStrategy: AfterMatchSkipStrategy,
    private readonly options: NFAOptions,
    /** Sees every step (only the NFA `explain` builds has one; see `nfaTracer.ts`). */
    private readonly tracer: NFATracer | null = null,
  ) {
    this.states = definition.states;
    this.pageNames = definition.pageNames;
    this.windowTime = definition.windowTime;
    this.hasStateWindows = definition.states.some((s) => s.windowTime > 0);
    this.hasWindows = definition.windowTime > 0 || this.hasStateWindows;
    this.accessor = new SharedBufferAccessor(definition.pageNames);
    this.nodesScratch = definition.pageNames.map(() => undefined);
    this.transitions = new NFATransitions(definition.states, this.accessor, tracer);
  }

  /** A read-only inspector of this NFA's per-key states. */
  inspector(): PartialMatchInspector {
    return new PartialMatchInspector(this.states, this.pageNames, this.accessor);
  }

  /**
   * `NFA.process`: feeds one event to every run of the key. Returns the matches completed (and
   * released by the skip strategy), in emission order.
   */
  process(
    nfaState: KeyedNFAState,
    event: EventRecord,
    timestamp: number,
    config: Readonly<Record<string, unknown>> | undefined,
  ): Match[] {
    const wrapper = this.wrapper;
    wrapper.event = event;
    wrapper.timestamp = timestamp;
    wrapper.eventId = null;
    wrapper.nodes = this.nodesScratch;
    this.transitions.beginEvent(wrapper, config);
    try {
      return this.doProcess(nfaState, wrapper);
    } finally {
      // Do not keep the event or its nodes alive through the shared wrapper.
      wrapper.event = NO_EVENT;
      this.nodesScratch.fill(undefined);
    }
  }

  /**
   * `NFA.advanceTime`: no event earlier than `timestamp` will come. Drops the runs whose window
   * has passed (reporting them as timed out) and releases pending notFollowedBy-at-end matches.
   */
  advanceTime(nfaState: KeyedNFAState, timestamp: number): AdvanceTimeResult {
    const buffer = nfaState;
    if (!(timestamp >= nfaState.timeoutAt)) {
      this.accessor.advanceTime(buffer, timestamp);
      return NOTHING;
    }
    const matches: Match[] = [];
    const timedOut: TimedOutMatch[] = [];
    const partialMatches = nfaState.partialMatches;
    // Re-offering an unchanged heap in array order rebuilds the same heap, so runs are only
    // copied (into the scratch, `size` entries; -1 until then) once the first one times out.
    const scratch = this.runScratch;
    let size = -1;
    const potentialMatches: ComputationState[] = [];

    for (let i = 0; this.hasWindows && i < partialMatches.length; i++) {
      const cs = partialMatches[i] as ComputationState;
      const state = this.states[cs.state] as RuntimeState;
      const isTimeoutForPreviousEvent =
        state.windowTime > 0 && isStateTimedOut(state, timestamp, cs.previousTimestamp, state.windowTime);
      const isTimeoutForFirstEvent = isStateTimedOut(state, timestamp, cs.startTimestamp, this.windowTime);
      if (!isTimeoutForPreviousEvent && !isTimeoutForFirstEvent) {
        if (size >= 0) size = heapOfferAt(scratch, size, cs, compareComputationStates);
        continue;
      }
      if (size < 0) {
        for (let k = 0; k < i; k++) scratch[k] = partialMatches[k];
        size = i;
      }
      nfaState.stateChanged = true;
      this.tracer?.windowExpired(
        cs,
        state.isPending,
        isTimeoutForPreviousEvent
          ? cs.previousTimestamp + state.windowTime
          : cs.startTimestamp + this.windowTime,
      );
      if (state.isPending) {
        // notFollowedBy at the end: its window passed without the forbidden event, so it matches.
        heapOffer(potentialMatches, cs, compareComputationStates);
        continue;
      }
      if (this.options.handleTimeout) {
        timedOut.push({
          match: this.transitions.materializeCurrentMatches(cs),
          timestamp: isTimeoutForPreviousEvent
            ? cs.previousTimestamp + state.windowTime
            : cs.startTimestamp + this.windowTime,
        });
      }
      if (cs.previousBufferEntry !== null)
        this.accessor.releaseNode(buffer, cs.previousBufferEntry, cs.version);
    }

    if (size >= 0) {
      // The queue only shrank: it is rewritten in the key's own array, which allocates nothing.
      for (let k = 0; k < size; k++) partialMatches[k] = scratch[k] as ComputationState;
      // (pop, not a length store: V8 inlines pop, a length store calls into the runtime)
      while (partialMatches.length > size) partialMatches.pop();
      scratch.fill(undefined, 0, size);
      this.processMatchesAccordingToSkipStrategy(nfaState, potentialMatches, partialMatches, matches);
      this.summarize(nfaState);
    }
    this.accessor.advanceTime(buffer, timestamp);
    return matches.length === 0 && timedOut.length === 0 ? NOTHING : { matches, timedOut };
  }

  /**
   * Refreshes the state's summary of its queues (see `KeyedNFAState`) after they changed. Without
   * per-state windows only the pattern window counts, and the queue's head is the run that
   * started first (start runs, which never time out, sort last): its deadline is the earliest.
   */
  private summarize(nfaState: KeyedNFAState): void {
    const runs = nfaState.partialMatches;
    nfaState.liveRuns = countStartedRuns(runs);
    nfaState.heldMatches = nfaState.completedMatches.length;
    let timeoutAt = Number.POSITIVE_INFINITY;
    if (this.hasStateWindows) timeoutAt = Number.NEGATIVE_INFINITY;
    else if (this.hasWindows) {
      const head = runs[0];
      if (head !== undefined && head.startEventId !== null) timeoutAt = head.startTimestamp + this.windowTime;
    }
    nfaState.timeoutAt = timeoutAt;
  }

  private doProcess(nfaState: KeyedNFAState, event: EventWrapper): Match[] {
    const buffer = nfaState;
    const partialMatches = nfaState.partialMatches;
    // The new queue is built in a reusable scratch array (`size` entries; -1 until a run
    // changes), then copied back into the key's array or, when its length changed, into an
    // exact-size new one.
    const scratch = this.runScratch;
    let size = -1;
    let potentialMatches: ComputationState[] | null = null;
    const tracer = this.tracer;

    for (let i = 0; i < partialMatches.length; i++) {
      const cs = partialMatches[i] as ComputationState;
      if (tracer !== null) tracer.beginRun(cs);
      const count = this.transitions.computeNextStates(buffer, cs, event);
      if (tracer !== null) tracer.endRun(cs, count, this.transitions.nextStates);
      if (count === UNCHANGED) {
        if (size >= 0) size = heapOfferAt(scratch, size, cs, compareComputationStates);
        continue;
      }
      const newComputationStates = this.transitions.nextStates;
      nfaState.stateChanged = true;
      if (size < 0) {
        // The runs before this one, unchanged: a prefix of a heap is a heap.
        for (let k = 0; k < i; k++) scratch[k] = partialMatches[k];
        size = i;
      }
      // Delay adding new runs in case this path reaches a stop state and is discarded.
      let shouldDiscardPath = false;
      let retained = 0;
      for (let n = 0; n < count; n++) {
        const newState = newComputationStates[n] as ComputationState;
        const state = this.states[newState.state] as RuntimeState;
        // Flink tests `getStartTimestamp() > 0` (meaning "not a start run's -1"), so an event at
        // time 0 starts no "new" partial match; kept as Flink has it.
        if (newState.startTimestamp > 0 && (this.states[cs.state] as RuntimeState).isStart) {
          nfaState.newStartPartialMatch = true;
        }
        if (state.isFinal) {
          heapOffer((potentialMatches ??= []), newState, compareComputationStates);
        } else if (state.isStop) {
          shouldDiscardPath = true;
          if (newState.previousBufferEntry !== null) {
            this.accessor.releaseNode(buffer, newState.previousBufferEntry, newState.version);
          }
        } else {
          newComputationStates[retained++] = newState;
        }
      }
      for (let r = 0; r < retained; r++) {
        const retain = newComputationStates[r] as ComputationState;
        if (!shouldDiscardPath) size = heapOfferAt(scratch, size, retain, compareComputationStates);
        else if (retain.previousBufferEntry !== null) {
          this.accessor.releaseNode(buffer, retain.previousBufferEntry, retain.version);
        }
      }
    }

    if (size < 0) return NO_MATCHES;
    // The key owns its queue array (states never share one; snapshots copy), so a queue of the
    // same length is rewritten in place: the common "a start run moved on" case allocates nothing.
    let newPartialMatches: ComputationState[];
    if (size === partialMatches.length) {
      for (let k = 0; k < size; k++) partialMatches[k] = scratch[k] as ComputationState;
      newPartialMatches = partialMatches;
    } else {
      newPartialMatches = scratch.slice(0, size) as ComputationState[];
    }
    // Do not keep runs alive through the scratch.
    scratch.fill(undefined, 0, size);
    const result: Match[] = [];
    this.processMatchesAccordingToSkipStrategy(
      nfaState,
      potentialMatches ?? NO_RUNS,
      newPartialMatches,
      result,
    );
    nfaState.partialMatches = newPartialMatches;
    this.enforcePartialMatchCap(nfaState);
    this.summarize(nfaState);
    return result.length === 0 ? NO_MATCHES : result;
  }

  /**
   * Completed matches wait in `completedMatches` until no partial match that started earlier
   * exists (unless NO_SKIP); then they are emitted in start order and the skip strategy prunes.
   */
  private processMatchesAccordingToSkipStrategy(
    nfaState: KeyedNFAState,
    potentialMatches: readonly ComputationState[],
    partialMatches: ComputationState[],
    result: Match[],
  ): void {
    const buffer = nfaState;
    let completed = nfaState.completedMatches;
    // An empty queue may be shared: the frozen NO_COMPLETED_MATCHES of fresh states, or the one
    // copy of it that a snapshot cloning many states at once gives them all. Held matches go to
    // an array of the state's own.
    if (potentialMatches.length > 0 && completed.length === 0) {
      completed = nfaState.completedMatches = [];
    }
    // (an index loop: for-of would allocate an iterator on every call, matches or not)
    for (let i = 0; i < potentialMatches.length; i++)
      heapOffer(completed, potentialMatches[i] as ComputationState, compareComputationStates);

    const skip = this.afterMatchSkipStrategy;
    let earliestMatch: ComputationState | undefined;
    while ((earliestMatch = heapPeek(completed)) !== undefined) {
      if (skip.isSkipStrategy()) {
        const earliestPartialMatch = heapPeek(partialMatches);
        if (earliestPartialMatch && compareComputationStates(earliestMatch, earliestPartialMatch) > 0) break;
      }
      nfaState.stateChanged = true;
      heapPoll(completed, compareComputationStates);
      const entry = earliestMatch.previousBufferEntry;
      if (entry === null) continue;
      const matchedResult = this.accessor.extractPatterns(entry, earliestMatch.version);
      this.tracer?.beforePrune(partialMatches, completed);
      skip.prune(partialMatches, matchedResult, this.accessor, buffer, compareComputationStates);
      skip.prune(completed, matchedResult, this.accessor, buffer, compareComputationStates);
      this.tracer?.afterPrune(partialMatches, completed);
      const first = matchedResult[0];
      if (first) result.push(this.accessor.materializeMatch(first));
      this.accessor.releaseNode(buffer, entry, earliestMatch.version);
    }
  }

  /**
   * Keeps a pathological pattern from exhausting memory: beyond `maxPartialMatches` runs the
   * ones that started latest are dropped (ties: those later in queue order), and the warning is
   * reported once per key.
   */
  private enforcePartialMatchCap(nfaState: KeyedNFAState): void {
    const limit = this.options.maxPartialMatches;
    const partialMatches = nfaState.partialMatches;
    if (partialMatches.length <= limit) return;
    const runs = partialMatches.filter((cs) => cs.startEventId !== null);
    if (runs.length <= limit) return;
    const order = runs.map((cs, i) => ({ cs, i }));
    order.sort((a, b) => compareComputationStates(a.cs, b.cs) || a.i - b.i);
    const dropped = new Set(order.slice(limit).map((o) => o.cs));
    for (const cs of dropped) {
      if (cs.previousBufferEntry !== null)
        this.accessor.releaseNode(nfaState, cs.previousBufferEntry, cs.version);
    }
    heapRemoveIf(partialMatches, (cs) => dropped.has(cs), compareComputationStates);
    if (!nfaState.capWarned) {
      nfaState.capWarned = true;
      this.options.onWarning?.({
        kind: "partial-match-cap",
        limit,
        message: `more than ${limit} partial matches for one key; the most recently started ones were dropped`,
      });
    }
  }
}

/** `NFA.isStateTimedOut`: a run (not a start state) whose window, measured from `startTimestamp`, has passed. */
function isStateTimedOut(
  state: RuntimeState,
  timestamp: number,
  startTimestamp: number,
  windowTime: number,
): boolean {
  return !state.isStart && windowTime > 0 && timestamp - startTimestamp >= windowTime;
}
