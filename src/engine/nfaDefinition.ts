/**
 * The compiled NFA graph the runtime walks: Flink's `State` / `StateTransition` with conditions
 * turned into evaluators and names into indices, so the hot path compares integers.
 */
import type { EventCondition } from "./conditions/conditionContext.ts";
import type { StateType } from "./compiler/state.ts";

export const TAKE = 0;
export const IGNORE = 1;
export const PROCEED = 2;
export type TransitionAction = typeof TAKE | typeof IGNORE | typeof PROCEED;

export interface RuntimeTransition {
  readonly action: TransitionAction;
  /** Index of the target state. */
  readonly target: number;
  /** Index of the state the transition belongs to. */
  readonly source: number;
  /** null = always true. */
  readonly condition: EventCondition | null;
}

export interface RuntimeState {
  readonly index: number;
  /** Flink's internal state name (`stage`, `stage:0`, `$endState$`). */
  readonly name: string;
  /** Index of the user's stage name in the NFA's stage table (shared-buffer pages). */
  readonly stageIndex: number;
  readonly type: StateType;
  readonly isStart: boolean;
  readonly isFinal: boolean;
  readonly isStop: boolean;
  readonly isPending: boolean;
  readonly transitions: readonly RuntimeTransition[];
  /** `windowTimes.get(name)`: PREVIOUS_AND_CURRENT / times window in ms, 0 when none. */
  readonly windowTime: number;
}

/** Everything `NFA` needs: Flink's `NFAFactoryImpl` after compilation. */
export interface NFADefinition {
  readonly states: readonly RuntimeState[];
  /** Indices of the start states. */
  readonly startStates: readonly number[];
  /** FIRST_AND_LAST window in ms; 0 when none. */
  readonly windowTime: number;
  /** Shared-buffer page names by stage index. */
  readonly pageNames: readonly string[];
}
