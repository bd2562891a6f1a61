/**
 * Read-only views of a key's NFA state for people: which runs wait in which of the user's stages,
 * since when, and with which events. Nothing here changes the state or the shared buffer.
 *
 * Stage names are the user's. Flink's internal state names map back to the stage they were
 * built for (`NFAStateNameHandler.getOriginalNameFromInternal`):
 * - `name`, `name:0`, `name:1`, … — the states of a times / oneOrMore stage and its ignore
 *   states — are all stage `name`;
 * - the Start state (Flink's `begin`) is the first stage; its start run (no events yet) is not a
 *   partial match and is never listed;
 * - a NOT stage's Pending state (notFollowedBy at the end, waiting for its window) is the NOT
 *   stage's name; its Stop state never holds a run (runs reaching it are discarded);
 * - a looping group's inner "dummy" state (a run that finished one iteration of the group) is
 *   the group's name;
 * - `$endState$` never holds a waiting run: a run that reaches it is a completed match. Completed
 *   matches the after-match skip strategy holds back are listed with `completed: true` and the
 *   stage of their last event, and are not counted by `countByStage`.
 */
import type { EventRecord } from "../api.ts";
import { compareComputationStates, type ComputationState } from "../computationState.ts";
import type { RuntimeState } from "../nfaDefinition.ts";
import type { KeyedNFAState } from "../nfaState.ts";
import type { SharedBufferAccessor } from "../sharedBuffer/sharedBufferAccessor.ts";

/** One event of a partial match: the stage that took it, the event and its timestamp. */
export interface PartialMatchEvent {
  readonly stage: string;
  readonly event: EventRecord;
  readonly timestamp: number;
}

/** A live partial match (Flink's `ComputationState` with its events), as plain data. */
export interface PartialMatchView {
  /** The user's stage name the run waits in (see the module comment for the mapping). */
  readonly stage: string;
  /** Flink's `ComputationState.startTimestamp`: the timestamp of the run's first event. */
  readonly startTimestamp: number;
  /** Flink's `ComputationState.previousTimestamp`: the timestamp of the run's latest event. */
  readonly previousTimestamp: number;
  /** The run's events in the order it took them. */
  readonly events: readonly PartialMatchEvent[];
  /** True for a completed match the after-match skip strategy holds back (`completedMatches`). */
  readonly completed: boolean;
}

/** Answers the read-only queries of one compiled NFA over any key's state. */
export class PartialMatchInspector {
  /** The user's stage name of every NFA state, by state index. */
  private readonly stageOfState: readonly string[];

  constructor(
    states: readonly RuntimeState[],
    private readonly pageNames: readonly string[],
    private readonly accessor: SharedBufferAccessor,
  ) {
    this.stageOfState = states.map((s) => pageNames[s.stageIndex] as string);
  }

  /** The user's stage name of NFA state `index`. */
  stageName(index: number): string {
    return this.stageOfState[index] as string;
  }

  /**
   * The key's partial matches (queue order: earliest start first), then the completed matches
   * held back by the skip strategy. Start runs (no events yet) are not listed.
   */
  inspect(state: KeyedNFAState): PartialMatchView[] {
    const views: PartialMatchView[] = [];
    for (const run of sortedRuns(state.partialMatches)) {
      if (run.startEventId !== null) views.push(this.viewOf(run, false));
    }
    for (const run of sortedRuns(state.completedMatches)) views.push(this.viewOf(run, true));
    return views;
  }

  /** Adds, per user stage name, how many partial matches wait there (start runs and completed matches not counted). */
  countByStage(state: KeyedNFAState, into: Map<string, number>): void {
    const runs = state.partialMatches;
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i] as ComputationState;
      if (run.startEventId === null) continue;
      const stage = this.stageOfState[run.state] as string;
      into.set(stage, (into.get(stage) ?? 0) + 1);
    }
  }

  /** One run as a view; `completed` for a run from `completedMatches`. */
  viewOf(run: ComputationState, completed: boolean): PartialMatchView {
    const events = this.events(run);
    const last = events.at(-1);
    return {
      stage: completed && last ? last.stage : this.stageName(run.state),
      startTimestamp: run.startTimestamp,
      previousTimestamp: run.previousTimestamp,
      events,
      completed,
    };
  }

  private events(run: ComputationState): PartialMatchEvent[] {
    const entry = run.previousBufferEntry;
    if (entry === null) return [];
    const nodes = this.accessor.runNodes(entry, run.version);
    return nodes.map((node) => ({
      stage: this.pageNames[node.stage] as string,
      event: node.event,
      timestamp: node.timestamp,
    }));
  }
}

/** A heap array's runs in queue (poll) order, without touching the heap. */
function sortedRuns(runs: readonly ComputationState[]): ComputationState[] {
  return runs
    .map((run, i) => ({ run, i }))
    .sort((a, b) => compareComputationStates(a.run, b.run) || a.i - b.i)
    .map((entry) => entry.run);
}
