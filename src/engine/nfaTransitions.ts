/**
 * Port of the per-run half of Flink's `NFA`: `computeNextStates`, `createDecisionGraph`,
 * `OutgoingEdges`, `findFinalStateAfterProceed`, `addComputationState`, `extractCurrentMatches`
 * and the `ConditionContext` conditions evaluate in.
 *
 * Dewey numbering follows Flink exactly: a run that branches on one event gives its TAKE
 * branches versions `v+n-1 … v` (+ a new stage) and its IGNORE branches the versions after the
 * takes, so `extractPatterns` can tell the branches' histories apart.
 */
import type { EventRecord } from "./api.ts";
import type { ConditionContext, EventCondition } from "./conditions/conditionContext.ts";
import { createStartState, createState, type ComputationState } from "./computationState.ts";
import { addStage, increase, type DeweyNumber } from "./deweyNumber.ts";
import { IGNORE, PROCEED, TAKE, type RuntimeState, type RuntimeTransition } from "./nfaDefinition.ts";
import type { NFATracer } from "./nfaTracer.ts";
import type { EventId } from "./sharedBuffer/eventId.ts";
import type { NodeId, SharedBufferData } from "./sharedBuffer/sharedBuffer.ts";
import type {
  EventIdMatch,
  EventWrapper,
  SharedBufferAccessor,
} from "./sharedBuffer/sharedBufferAccessor.ts";

const NO_EVENTS: readonly EventRecord[] = [];

/** `computeNextStates` result: the run stays exactly as it is. */
export const UNCHANGED = -1;

/**
 * Flink's `ConditionContext`, reused for every run of every event: it points at the run being
 * advanced and materialises that run's events only if a condition asks for them.
 */
class RunConditionContext implements ConditionContext {
  event: EventRecord = {};
  config: Readonly<Record<string, unknown>> | undefined = undefined;
  timestamp = 0;
  eventSequence = 0;
  partialMatchAccessed = false;
  private run: ComputationState | null = null;
  private matchedEvents: Map<string, EventRecord[]> | null = null;

  constructor(private readonly transitions: NFATransitions) {}

  beginEvent(event: EventWrapper, config: Readonly<Record<string, unknown>> | undefined): void {
    this.event = event.event;
    this.timestamp = event.timestamp;
    this.config = config;
    this.eventSequence++;
  }

  beginRun(run: ComputationState): void {
    this.run = run;
    this.matchedEvents = null;
  }

  getEventsForPattern(name: string): readonly EventRecord[] {
    this.partialMatchAccessed = true;
    if (this.matchedEvents === null) {
      if (this.run === null) return NO_EVENTS;
      this.matchedEvents = this.transitions.materializeCurrentMatches(this.run);
    }
    return this.matchedEvents.get(name) ?? NO_EVENTS;
  }
}

export class NFATransitions {
  private readonly context = new RunConditionContext(this);
  /**
   * `OutgoingEdges` of the run being advanced: the first `edgeCount` entries of `edges` (scratch
   * reused for every run; computeNextStates is not re-entrant).
   */
  private readonly edges: RuntimeTransition[] = [];
  private edgeCount = 0;
  private totalTakeBranches = 0;
  private totalIgnoreBranches = 0;
  private readonly stack: RuntimeState[] = [];
  /**
   * The runs the last `computeNextStates` produced: its first `nextCount` entries (scratch
   * reused for every run, read by the caller before the next call).
   */
  readonly nextStates: ComputationState[] = [];
  private nextCount = 0;
  private readonly proceedStack: RuntimeState[] = [];
  private readonly startRuns = new StartRunCache();
  /**
   * Per NFA state, the event (`eventSequence`) for which a run in it was found to only ignore
   * the event without any condition reading its partial match: every other run waiting in that
   * state decides the same, so it is left unchanged without walking the transitions again.
   */
  private readonly unchangedOn: Float64Array;

  constructor(
    private readonly states: readonly RuntimeState[],
    private readonly accessor: SharedBufferAccessor,
    /** Records every condition check (only the NFA `explain` uses has one). */
    private readonly tracer: NFATracer | null = null,
  ) {
    this.unchangedOn = new Float64Array(states.length).fill(-1);
  }

  /** Prepares the shared condition context for a new event. */
  beginEvent(event: EventWrapper, config: Readonly<Record<string, unknown>> | undefined): void {
    this.context.beginEvent(event, config);
  }

  /**
   * `computeNextStates`: the runs `computationState` turns into on `event` — IGNOREs keep the
   * previous buffer entry, TAKEs add a node; a start state always survives (with a new version).
   * Writes them to `nextStates` and returns how many, or {@link UNCHANGED} when the run stays
   * exactly as it is (the common "nothing happened" case).
   */
  computeNextStates(
    buffer: SharedBufferData,
    computationState: ComputationState,
    event: EventWrapper,
  ): number {
    const context = this.context;
    if (this.unchangedOn[computationState.state] === context.eventSequence) return UNCHANGED;
    context.beginRun(computationState);
    const currentState = this.states[computationState.state] as RuntimeState;
    context.partialMatchAccessed = false;
    this.createDecisionGraph(currentState);
    const edges = this.edges;
    const edgeCount = this.edgeCount;
    const isStart = currentState.isStart;
    const entry = computationState.previousBufferEntry;

    if (edgeCount === 0) {
      if (isStart) return UNCHANGED;
      if (entry !== null) this.accessor.releaseNode(buffer, entry, computationState.version);
      return 0;
    }
    // A run that only ignores the event in its own state keeps its version and buffer entry.
    if (!isStart && edgeCount === 1 && this.totalIgnoreBranches === 0 && this.totalTakeBranches === 0) {
      const only = edges[0] as RuntimeTransition;
      if (only.action === IGNORE && only.target === computationState.state) {
        // Conditions set the flag when they read the partial match (TypeScript cannot see that
        // through the calls). Explaining traces every run, so it never takes the shortcut.
        const readPartialMatch = context.partialMatchAccessed as boolean;
        if (!readPartialMatch && this.tracer === null) {
          this.unchangedOn[computationState.state] = context.eventSequence;
        }
        return UNCHANGED;
      }
    }

    const totalTakeBranches = this.totalTakeBranches;
    const totalIgnoreBranches = this.totalIgnoreBranches;
    let takeBranchesToVisit = Math.max(0, totalTakeBranches - 1);
    let ignoreBranchesToVisit = totalIgnoreBranches;
    const totalTakeToSkip = Math.max(0, totalTakeBranches - 1);
    const result = this.nextStates;
    this.nextCount = 0;

    for (let e = 0; e < edgeCount; e++) {
      const edge = edges[e] as RuntimeTransition;
      if (edge.action === IGNORE) {
        if (isStart) continue;
        let version: DeweyNumber;
        if (edge.target === computationState.state) {
          // Staying in the same state (a loop ignoring an event).
          version = increase(
            computationState.version,
            calculateIncreasingSelfState(totalIgnoreBranches, totalTakeBranches),
          );
        } else {
          // An IGNORE reached after a PROCEED: a new branch.
          version = addStage(increase(computationState.version, totalTakeToSkip + ignoreBranchesToVisit));
          ignoreBranchesToVisit--;
        }
        this.addComputationState(
          result,
          edge.target,
          entry,
          version,
          computationState.startTimestamp,
          computationState.startEventId,
          computationState.previousTimestamp,
        );
      } else if (edge.action === TAKE) {
        const currentVersion = increase(computationState.version, takeBranchesToVisit);
        const nextVersion = isStart
          ? this.startRuns.firstStage(computationState, takeBranchesToVisit)
          : addStage(currentVersion);
        takeBranchesToVisit--;
        const eventId = (event.eventId ??= this.accessor.registerEvent(buffer, event.timestamp));
        const sourceState = this.states[edge.source] as RuntimeState;
        const newEntry = this.accessor.put(
          buffer,
          event,
          eventId,
          sourceState.stageIndex,
          entry,
          currentVersion,
        );
        // A run's start event id: the node of its first event carries (id, timestamp).
        const startTimestamp = isStart ? event.timestamp : computationState.startTimestamp;
        const startEventId = isStart ? newEntry : computationState.startEventId;
        this.addComputationState(
          result,
          edge.target,
          newEntry,
          nextVersion,
          startTimestamp,
          startEventId,
          event.timestamp,
        );
        // Peek: if the next state can PROCEED to Final on this event, the match completes now.
        const finalState = this.findFinalStateAfterProceed(edge.target);
        if (finalState !== null) {
          this.addComputationState(
            result,
            finalState,
            newEntry,
            nextVersion,
            startTimestamp,
            startEventId,
            event.timestamp,
          );
        }
      }
    }

    if (isStart) {
      const totalBranches = calculateIncreasingSelfState(totalIgnoreBranches, totalTakeBranches);
      result[this.nextCount++] = this.startRuns.next(computationState, totalBranches);
    }
    if (entry !== null) this.accessor.releaseNode(buffer, entry, computationState.version);
    return this.nextCount;
  }

  /** `extractCurrentMatches`: the run's events so far (one path), as stage → nodes. */
  extractCurrentMatches(computationState: ComputationState): EventIdMatch {
    const entry = computationState.previousBufferEntry;
    if (entry === null) return new Map();
    const paths = this.accessor.extractPatterns(entry, computationState.version);
    if (paths.length === 0) return new Map();
    if (paths.length !== 1) throw new Error("NFA: a computation state must have exactly one path");
    return paths[0] as EventIdMatch;
  }

  /** The run's events so far as stage → events. */
  materializeCurrentMatches(computationState: ComputationState): Map<string, EventRecord[]> {
    const entry = computationState.previousBufferEntry;
    const direct =
      entry === null ? null : this.accessor.materializeSinglePath(entry, computationState.version);
    return direct ?? this.accessor.materializeMatch(this.extractCurrentMatches(computationState));
  }

  /** `addComputationState`: a new run, locking the buffer entry it points to. */
  private addComputationState(
    result: ComputationState[],
    state: number,
    previousEntry: NodeId | null,
    version: DeweyNumber,
    startTimestamp: number,
    startEventId: EventId | null,
    previousTimestamp: number,
  ): void {
    result[this.nextCount++] = createState(
      state,
      previousEntry,
      version,
      startTimestamp,
      previousTimestamp,
      startEventId,
    );
    if (previousEntry !== null) this.accessor.lockNode(previousEntry, version);
  }

  /**
   * `createDecisionGraph`: follows PROCEED edges whose condition holds (depth first, like Flink's
   * stack) and collects the TAKE and IGNORE edges that fire into `this.edges`.
   */
  private createDecisionGraph(state: RuntimeState): void {
    const context = this.context;
    const edges = this.edges;
    const stack = this.stack;
    let edgeCount = 0;
    let takes = 0;
    let ignores = 0;
    const tracer = this.tracer;
    let top = 0;
    stack[top++] = state;
    while (top > 0) {
      const current = stack[--top] as RuntimeState;
      const transitions = current.transitions;
      for (let t = 0; t < transitions.length; t++) {
        const transition = transitions[t] as RuntimeTransition;
        const holds =
          tracer === null
            ? checkFilterCondition(context, transition.condition)
            : tracer.check(context, transition, false);
        if (!holds) continue;
        if (transition.action === PROCEED) {
          stack[top++] = this.states[transition.target] as RuntimeState;
          continue;
        }
        // A self-IGNORE of the run's own state does not branch.
        if (transition.action === IGNORE) {
          if (transition.target !== state.index) ignores++;
        } else {
          takes++;
        }
        edges[edgeCount++] = transition;
      }
    }
    this.edgeCount = edgeCount;
    this.totalTakeBranches = takes;
    this.totalIgnoreBranches = ignores;
  }

  /** `findFinalStateAfterProceed`: a Final state reachable from `state` by PROCEEDs that hold. */
  private findFinalStateAfterProceed(stateIndex: number): number | null {
    const stack = this.proceedStack;
    let top = 0;
    stack[top++] = this.states[stateIndex] as RuntimeState;
    while (top > 0) {
      const current = stack[--top] as RuntimeState;
      for (const transition of current.transitions) {
        if (transition.action !== PROCEED) continue;
        const holds =
          this.tracer === null
            ? checkFilterCondition(this.context, transition.condition)
            : this.tracer.check(this.context, transition, true);
        if (!holds) continue;
        const target = this.states[transition.target] as RuntimeState;
        if (target.isFinal) return target.index;
        stack[top++] = target;
      }
    }
    return null;
  }
}

/** Most start runs {@link StartRunCache} keeps per start state (about 100 bytes each). */
const START_RUN_CACHE_LIMIT = 1 << 14;

/**
 * `ComputationState.createStartState(state, version.increase(n))`, and the versions of the runs
 * start runs begin, shared. A start run carries nothing but its state and a one-digit Dewey
 * number, which grows by one whenever the start run branches — on nearly every event that
 * begins a match. Runs are immutable, so every key can share one object per (start state,
 * version): no run and no version string is allocated per event, and a key's start run costs it
 * no memory of its own. Likewise the version `"n.0"` a start run gives the run it begins is one
 * string for every key.
 */
class StartRunCache {
  /** Per start state index, start runs by version number (filled on demand). */
  private readonly byState: Array<Array<ComputationState | undefined> | undefined> = [];

  /** Versions `"n.0"` of the runs start runs begin, by `n` (filled on demand). */
  private readonly firstStages: Array<DeweyNumber | undefined> = [];

  /**
   * `increase(run.version, times).addStage()` for a take of the start run `run`: the version of
   * the run it begins, shared by every key that begins one from the same version.
   */
  firstStage(run: ComputationState, times: number): DeweyNumber {
    const from = runNumber(run.version);
    const to = from + times;
    if (from < 0 || to >= START_RUN_CACHE_LIMIT) return addStage(increase(run.version, times));
    const stages = this.firstStages;
    while (stages.length <= to) stages.push(undefined);
    let version = stages[to];
    if (version === undefined) {
      version = addStage(increase(run.version, times));
      stages[to] = version;
    }
    return version;
  }

  /** The start run that follows `run` (a start run) when it branched `branches` times. */
  next(run: ComputationState, branches: number): ComputationState {
    const from = runNumber(run.version);
    const to = from + branches;
    // A version with several digits, or one beyond the cache: built as Flink does.
    if (branches === 0 || from < 0 || to >= START_RUN_CACHE_LIMIT) {
      return createStartState(run.state, increase(run.version, branches));
    }
    const runs = (this.byState[run.state] ??= []);
    // Grown densely, so the array keeps fast elements (a far write would make it a dictionary).
    while (runs.length <= to) runs.push(undefined);
    let cached = runs[to];
    if (cached === undefined) {
      cached = createStartState(run.state, increase(run.version, branches));
      runs[to] = cached;
    }
    return cached;
  }
}

/** The value of a one-digit Dewey number (`"12"` → 12); −1 when it has more digits. */
function runNumber(version: DeweyNumber): number {
  let value = 0;
  for (let i = 0; i < version.length; i++) {
    const digit = version.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function checkFilterCondition(context: ConditionContext, condition: EventCondition | null): boolean {
  return condition === null || condition(context);
}

/** `calculateIncreasingSelfState`. */
function calculateIncreasingSelfState(ignoreBranches: number, takeBranches: number): number {
  return takeBranches === 0 && ignoreBranches === 0 ? 0 : ignoreBranches + Math.max(1, takeBranches);
}
