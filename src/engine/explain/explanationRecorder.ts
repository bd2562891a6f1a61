/**
 * The tracer `explain` runs the NFA with: it records every condition check and what each run
 * turned into, and assembles the plain-data {@link EventExplanation} parts from them.
 */
import type { Condition } from "../../model/condition.ts";
import type { EventRecord } from "../api.ts";
import type { ConditionContext } from "../conditions/conditionContext.ts";
import type { ConditionTrace } from "../conditions/compileCondition.ts";
import type { ComputationState } from "../computationState.ts";
import { IGNORE, PROCEED, TAKE, type RuntimeState, type RuntimeTransition } from "../nfaDefinition.ts";
import type { NFATracer } from "../nfaTracer.ts";
import type { PartialMatchEvent, PartialMatchView } from "../inspect/partialMatchView.ts";
import type { SharedBufferNode } from "../sharedBuffer/sharedBuffer.ts";
import { conditionText, isUntil } from "./conditionText.ts";
import type {
  ConditionEvaluation,
  RunBranch,
  RunExplanation,
  RunOutcome,
  TransitionCheck,
  TransitionTargetKind,
} from "./explanation.ts";

/** What the recorder knows of each NFA state. */
export interface TracedState {
  readonly stage: string;
  readonly kind: TransitionTargetKind;
  readonly isStart: boolean;
  /** Whether the state can skip events at all (relaxed contiguity); without, a run that fits nothing broke strict contiguity. */
  readonly hasIgnore: boolean;
}

/** The events and stage of a run, known before the event or derived from its parent. */
interface RunInfo {
  readonly stage: string;
  readonly events: readonly PartialMatchEvent[];
}

interface BranchRecord {
  readonly run: ComputationState;
  readonly stage: string;
  readonly toKind: TransitionTargetKind;
  readonly took: boolean;
}

interface RunRecord {
  readonly explanation: Omit<RunExplanation, "branches">;
  readonly branches: readonly BranchRecord[];
}

const ACTIONS = { [TAKE]: "take", [IGNORE]: "ignore", [PROCEED]: "proceed" } as const;

export class ExplanationRecorder implements NFATracer, ConditionTrace {
  private readonly info = new Map<ComputationState, RunInfo>();
  private records: RunRecord[] = [];
  private evaluations: ConditionEvaluation[] = [];
  private checks: TransitionCheck[] = [];
  private current: ComputationState | null = null;
  private beforePruneRuns: ComputationState[] = [];
  /** The runs of `completedMatches` before the prune: released pending matches wait there in a Pending state. */
  private beforePruneCompleted = new Set<ComputationState>();
  private readonly prunedRuns = new Set<ComputationState>();
  private prunedViews: PartialMatchView[] = [];
  private event: EventRecord = {};
  private timestamp = 0;
  private readonly texts = new Map<Condition, string>();

  constructor(
    private readonly states: readonly TracedState[],
    private readonly transitionTexts: ReadonlyMap<RuntimeTransition, string | null>,
    private readonly pageNames: readonly string[],
  ) {}

  /** Starts a new explanation; `views` are the key's runs before the event. */
  begin(event: EventRecord, timestamp: number, views: ReadonlyMap<ComputationState, PartialMatchView>): void {
    this.info.clear();
    for (const [run, view] of views) this.info.set(run, { stage: view.stage, events: view.events });
    this.records = [];
    this.evaluations = [];
    this.checks = [];
    this.current = null;
    this.prunedRuns.clear();
    this.prunedViews = [];
    this.beforePruneRuns = [];
    this.beforePruneCompleted.clear();
    this.event = event;
    this.timestamp = timestamp;
  }

  evaluated(stage: string, condition: Condition, path: string, result: boolean | Error): void {
    let text = this.texts.get(condition);
    if (text === undefined) {
      text = conditionText(condition);
      this.texts.set(condition, text);
    }
    this.evaluations.push({
      stage,
      role: isUntil(path) ? "until" : "condition",
      text,
      result: typeof result === "boolean" ? result : "error",
      error: typeof result === "boolean" ? null : result.message,
    });
  }

  windowExpired(run: ComputationState, pending: boolean, at: number): void {
    this.record(run, pending ? "matched-by-window" : "discarded-by-window", [], [], at);
  }

  beginRun(run: ComputationState): void {
    this.current = run;
    this.checks = [];
    this.evaluations = [];
  }

  check(context: ConditionContext, transition: RuntimeTransition, afterTake: boolean): boolean {
    this.evaluations = [];
    let result: boolean | "error" = "error";
    try {
      result = transition.condition === null || transition.condition(context);
      return result;
    } finally {
      const target = this.states[transition.target] as TracedState;
      this.checks.push({
        action: ACTIONS[transition.action],
        from: (this.states[transition.source] as TracedState).stage,
        to: target.stage,
        toKind: target.kind,
        condition: this.transitionTexts.get(transition) ?? null,
        result,
        evaluations: this.evaluations,
        afterTake,
      });
      this.evaluations = [];
    }
  }

  endRun(run: ComputationState, count: number, next: readonly ComputationState[]): void {
    const state = this.states[run.state] as TracedState;
    const info = this.infoOf(run);
    const branches: BranchRecord[] = [];
    if (count < 0 && !state.isStart) {
      branches.push({ run, stage: state.stage, toKind: state.kind, took: false });
    }
    for (let n = 0; n < count; n++) {
      const created = next[n] as ComputationState;
      const target = this.states[created.state] as TracedState;
      // The start run always survives an event (with a new version): not a branch.
      if (state.isStart && created.previousBufferEntry === null) continue;
      const took = created.previousBufferEntry !== run.previousBufferEntry;
      const events = took ? [...info.events, this.takenEvent(created)] : info.events;
      const stage = target.kind === "end" ? (events.at(-1)?.stage ?? target.stage) : target.stage;
      this.info.set(created, { stage, events });
      branches.push({ run: created, stage, toKind: target.kind, took });
    }
    this.record(run, outcomeOf(state, count, branches), this.checks, branches);
    this.current = null;
  }

  beforePrune(
    partialMatches: readonly ComputationState[],
    completedMatches: readonly ComputationState[],
  ): void {
    this.beforePruneRuns = [...partialMatches, ...completedMatches];
    this.beforePruneCompleted = new Set(completedMatches);
  }

  afterPrune(
    partialMatches: readonly ComputationState[],
    completedMatches: readonly ComputationState[],
  ): void {
    const kept = new Set([...partialMatches, ...completedMatches]);
    for (const run of this.beforePruneRuns) {
      if (kept.has(run) || run.startEventId === null) continue;
      this.prunedRuns.add(run);
      this.prunedViews.push(this.viewOf(run, this.beforePruneCompleted.has(run)));
    }
    this.beforePruneRuns = [];
    this.beforePruneCompleted.clear();
  }

  /**
   * The runs the event left waiting (not stopped by a NOT stage, not pruned) that are not among
   * the key's `live` runs afterwards: the partial-match cap dropped them (`maxPartialMatches`).
   */
  private cappedRuns(live: ReadonlySet<ComputationState>): PartialMatchView[] {
    const capped: PartialMatchView[] = [];
    for (const { branches } of this.records) {
      if (branches.some((b) => b.toKind === "stop")) continue;
      for (const { run, toKind } of branches) {
        if (toKind === "end" || run.startEventId === null || live.has(run) || this.prunedRuns.has(run))
          continue;
        capped.push(this.viewOf(run, false));
      }
    }
    return capped;
  }

  private viewOf(run: ComputationState, completed: boolean): PartialMatchView {
    const info = this.infoOf(run);
    return {
      stage: info.stage,
      startTimestamp: run.startTimestamp,
      previousTimestamp: run.previousTimestamp,
      events: info.events,
      completed,
    };
  }

  /**
   * The finished run explanations. `heldBack`: completed runs still waiting in the key's
   * `completedMatches` after the event; `live`: its partial matches (null when a condition error
   * stopped processing). A run interrupted by a condition error is closed as "failed".
   */
  finish(
    heldBack: ReadonlySet<ComputationState>,
    live: ReadonlySet<ComputationState> | null,
  ): { runs: RunExplanation[]; pruned: PartialMatchView[]; capped: PartialMatchView[] } {
    if (this.current !== null) {
      this.record(this.current, "failed", this.checks, []);
      this.current = null;
    }
    const runs = this.records.map(({ explanation, branches }) => ({
      ...explanation,
      branches: branches.map((b): RunBranch => ({
        stage: b.stage,
        toKind: b.toKind,
        took: b.took,
        heldBack: heldBack.has(b.run),
      })),
    }));
    return { runs, pruned: this.prunedViews, capped: live === null ? [] : this.cappedRuns(live) };
  }

  /** Records what happened to `run` (a start run has no timestamps of its own). */
  private record(
    run: ComputationState,
    outcome: RunOutcome,
    transitions: readonly TransitionCheck[],
    branches: readonly BranchRecord[],
    windowEnd: number | null = null,
  ): void {
    const isStart = (this.states[run.state] as TracedState).isStart;
    const info = this.infoOf(run);
    this.records.push({
      explanation: {
        kind: isStart ? "start" : "partial",
        stage: info.stage,
        startTimestamp: isStart ? null : run.startTimestamp,
        previousTimestamp: isStart ? null : run.previousTimestamp,
        events: info.events,
        outcome,
        transitions,
        windowEnd,
      },
      branches,
    });
  }

  private infoOf(run: ComputationState): RunInfo {
    return this.info.get(run) ?? { stage: (this.states[run.state] as TracedState).stage, events: [] };
  }

  private takenEvent(run: ComputationState): PartialMatchEvent {
    const node = run.previousBufferEntry as SharedBufferNode;
    return { stage: this.pageNames[node.stage] as string, event: this.event, timestamp: this.timestamp };
  }
}

function outcomeOf(state: TracedState, count: number, branches: readonly BranchRecord[]): RunOutcome {
  // A run that completes keeps its match even when a NOT stage discards its other branches
  // (`doProcess` adds Final runs to the potential matches before it discards the path).
  if (branches.some((b) => b.toKind === "end")) return "completed";
  if (branches.some((b) => b.toKind === "stop")) return "stopped-by-not";
  if (branches.some((b) => b.took)) return state.isStart ? "started" : "extended";
  if (state.isStart) return "unaffected";
  if (count === 0) return state.hasIgnore ? "dropped" : "broke-contiguity";
  return "ignored";
}

/** The recorder's view of the NFA's states. */
export function tracedStates(states: readonly RuntimeState[], pageNames: readonly string[]): TracedState[] {
  return states.map((s) => ({
    stage: pageNames[s.stageIndex] as string,
    kind: s.isFinal ? "end" : s.isStop ? "stop" : s.isPending ? "pending" : "stage",
    isStart: s.isStart,
    hasIgnore: s.transitions.some((t) => t.action === IGNORE),
  }));
}
