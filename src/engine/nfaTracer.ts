/**
 * The tracing hook of the NFA: what `explain` listens to while it replays one event on a copy of
 * a key's state. The NFA used for normal processing has no tracer (a null check per transition
 * and per run is all it costs); `explain` builds a second NFA over the same compiled graph with a
 * tracer, so both run the very same transition code.
 */
import type { ConditionContext } from "./conditions/conditionContext.ts";
import type { ComputationState } from "./computationState.ts";
import type { RuntimeTransition } from "./nfaDefinition.ts";

export interface NFATracer {
  /** `advanceTime` dropped `run`: its window ended at `at`; `pending` = a notFollowedBy at the end, released as a match. */
  windowExpired(run: ComputationState, pending: boolean, at: number): void;
  /** `doProcess` is about to advance `run` on the event. */
  beginRun(run: ComputationState): void;
  /**
   * Evaluates `transition`'s condition for the current run and records it (the NFA calls this
   * instead of evaluating it itself). `afterTake`: the PROCEED peek after a TAKE
   * (`findFinalStateAfterProceed`), which decides whether the match completes on this event.
   */
  check(context: ConditionContext, transition: RuntimeTransition, afterTake: boolean): boolean;
  /** What the run became: `count` runs in `next` (or −1: unchanged), before Final/Stop states are sorted out. */
  endRun(run: ComputationState, count: number, next: readonly ComputationState[]): void;
  /** The skip strategy is about to prune after emitting a match (both queues as they are now). */
  beforePrune(
    partialMatches: readonly ComputationState[],
    completedMatches: readonly ComputationState[],
  ): void;
  /** The skip strategy pruned: the queues after it. */
  afterPrune(
    partialMatches: readonly ComputationState[],
    completedMatches: readonly ComputationState[],
  ): void;
}
