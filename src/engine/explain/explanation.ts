/**
 * What `CompiledNFA.explain` answers: how one event would move a key's NFA state, step by step,
 * in Flink's terms — plain data (structuredClone / postMessage safe), no functions, no Maps.
 *
 * The operator feeds an event as `advanceTime(timestamp)` then `process(event, timestamp)`; an
 * explanation covers both: runs whose window ends at or before the event's timestamp come first
 * (discarded, or released as a match for a notFollowedBy at the end), then every run of the key
 * in Flink's queue order, the start run(s) included.
 */
import type { EventRecord } from "../api.ts";
import type { PartialMatchEvent, PartialMatchView } from "../inspect/partialMatchView.ts";

/** One evaluation of a stage's condition (its `where`, or its `until` when `role` says so). */
export interface ConditionEvaluation {
  /** The user's stage the condition belongs to. */
  readonly stage: string;
  /** `where` condition or `until` condition. */
  readonly role: "condition" | "until";
  /** The condition as the user wrote it: the expression (canonical print) for AVIATOR, the class name for CLASS. */
  readonly text: string;
  /** `true` / `false`, or "error" when it threw. */
  readonly result: boolean | "error";
  /** The error message when `result` is "error"; otherwise null. */
  readonly error: string | null;
}

/** Flink's `StateTransitionAction`, lower case. */
export type TransitionAction = "take" | "ignore" | "proceed";

/** Where a transition leads. */
export type TransitionTargetKind =
  /** A stage waiting for events. */
  | "stage"
  /** `$endState$`: the match is complete. */
  | "end"
  /** A NOT stage's Stop state: the run is discarded. */
  | "stop"
  /** A notFollowedBy at the end, waiting for its window to pass. */
  | "pending";

/** One transition whose condition the NFA checked for a run. */
export interface TransitionCheck {
  readonly action: TransitionAction;
  /** The user's stage of the state the transition leaves (a TAKE puts the event into this stage). */
  readonly from: string;
  /** The user's stage of the state it leads to. */
  readonly to: string;
  readonly toKind: TransitionTargetKind;
  /**
   * The transition's whole condition as NFACompiler built it, e.g. `!(eventType == 'cart')` for
   * the IGNORE of a followedBy; null when it always holds.
   */
  readonly condition: string | null;
  readonly result: boolean | "error";
  /** The stage conditions evaluated to decide it (in order; `and` stops at the first false). */
  readonly evaluations: readonly ConditionEvaluation[];
  /** A PROCEED checked right after a TAKE, to see whether the match completes on this event. */
  readonly afterTake: boolean;
}

/** What happened to a run. */
export type RunOutcome =
  /** A start run: the first stage took the event, a new partial match begins. */
  | "started"
  /** A partial match took the event. */
  | "extended"
  /**
   * The run reached the end of the pattern (it may be held back by the skip strategy, see
   * `branches`). A NOT stage that sees the same event discards its other branches (a `stop` branch).
   */
  | "completed"
  /** advanceTime: the window passed; the run is dropped (reported as a timeout, unless `handleTimeout` is off). */
  | "discarded-by-window"
  /** advanceTime: a notFollowedBy at the end saw its window pass without the forbidden event: a match. */
  | "matched-by-window"
  /** A NOT stage's condition held: the run (every branch of it) is discarded, and none completed. */
  | "stopped-by-not"
  /** A start run whose first stage did not take the event. */
  | "unaffected"
  /** Relaxed contiguity (followedBy / followedByAny): the run skipped the event and keeps waiting. */
  | "ignored"
  /** Strict contiguity (next / consecutive): the event did not fit, so the run is dropped. */
  | "broke-contiguity"
  /** No transition held (an `until` fired, say): the run is dropped. */
  | "dropped"
  /** A condition threw while this run was checked (see `EventExplanation.error`). */
  | "failed";

/** One run the event turned a run into. */
export interface RunBranch {
  /** The user's stage the new run waits in (for a completed one: the last stage). */
  readonly stage: string;
  readonly toKind: TransitionTargetKind;
  /** Whether this branch took the event. */
  readonly took: boolean;
  /** Completed and held back by the after-match skip strategy (emitted later). */
  readonly heldBack: boolean;
}

/** One run of the key and what the event (or the time it brought) did to it. */
export interface RunExplanation {
  /** The start run (Flink's `begin` waiting for a first event) or a partial match. */
  readonly kind: "start" | "partial";
  /** The user's stage the run waited in before the event. */
  readonly stage: string;
  /** The run's first and latest event times; null for a start run. */
  readonly startTimestamp: number | null;
  readonly previousTimestamp: number | null;
  /** Its events before this one. */
  readonly events: readonly PartialMatchEvent[];
  readonly outcome: RunOutcome;
  /** The transitions checked, in the order the NFA checked them. */
  readonly transitions: readonly TransitionCheck[];
  /** What the run became (empty when it was dropped). */
  readonly branches: readonly RunBranch[];
  /** For the window outcomes: when the window ended. */
  readonly windowEnd: number | null;
}

/** A match as plain data: stages in pattern order with their events. */
export type MatchView = readonly { readonly stage: string; readonly events: readonly EventRecord[] }[];

/** The explanation of one event for one key and one rule. */
export interface EventExplanation {
  readonly event: EventRecord;
  readonly timestamp: number;
  /** The rule's after-match skip strategy (`NO_SKIP`, `SKIP_PAST_LAST_EVENT`, …). */
  readonly skipStrategy: string;
  /** The pattern window in ms (FIRST_AND_LAST), null when none. */
  readonly windowTime: number | null;
  /** Window outcomes first, then every run in queue order. */
  readonly runs: readonly RunExplanation[];
  /** Matches emitted (released by the window first, then completed by the event). */
  readonly matches: readonly MatchView[];
  /** Partial matches whose window passed, with the time they timed out. */
  readonly timedOut: readonly { readonly match: MatchView; readonly timestamp: number }[];
  /** The runs (partial, or completed and held back) the skip strategy discarded after the emitted matches. */
  readonly pruned: readonly PartialMatchView[];
  /**
   * Partial matches the event left waiting that the key's partial-match cap (`maxPartialMatches`)
   * then dropped: the key held more than the cap, and the runs that started latest go first.
   */
  readonly capped: readonly PartialMatchView[];
  /** A condition threw: processing this event fails (the explanation stops there). */
  readonly error: { readonly stage: string | null; readonly message: string } | null;
}
