/**
 * Dynamic two-action pattern evaluation of seed 001 (Flink blog, "A Practical Guide to Broadcast
 * State in Apache Flink"): a port of its `PatternEvaluator`, a
 * `KeyedBroadcastProcessFunction<Long, Action, Pattern, Tuple2<Long, Pattern>>` keyed by `userId`.
 *
 * - Broadcast side: each `Pattern {firstAction, secondAction}` is put into the broadcast MapState
 *   `patterns` under the single key `null` (a `Void`-keyed MapState), so a new pattern replaces the
 *   active one in every subtask.
 * - Keyed side: the ValueState `lastAction` holds the user's previous action. When a pattern is
 *   active, the user has a previous action, and (previous, current) equals (firstAction,
 *   secondAction), the function emits (userId, pattern). It then always stores the current action —
 *   also while no pattern is active, so a pattern that arrives between two actions can match them.
 *
 * In CEP terms the active pattern is `a` next `b` (strict contiguity per user), swapped at run time
 * by a rule update. User ids are kept as text (the article's `Long`), so no id loses digits.
 */
import type {
  Context,
  KeyedBroadcastProcessFunction,
  ReadOnlyContext,
} from "./keyedBroadcastProcessFunction.ts";
import { requireRecord, requireText } from "./recordFields.ts";
import { mapStateDescriptor, valueStateDescriptor } from "./state.ts";

/** A user action (keyed side), the article's `Action {Long userId; String action}`. */
export interface Action {
  readonly userId: string;
  readonly action: string;
}

/** Two consecutive actions to look for (broadcast side), the article's `Pattern`. */
export interface ActionPattern {
  readonly firstAction: string;
  readonly secondAction: string;
}

/** A match, the article's `Tuple2<Long, Pattern>` of the user and the pattern that matched. */
export interface PatternMatch {
  readonly userId: string;
  readonly pattern: ActionPattern;
}

/** Broadcast MapState holding the one active pattern under the key `null` (`patternDesc`). */
export const PATTERNS_STATE = mapStateDescriptor<null, ActionPattern>("patterns");

/** Keyed ValueState: the user's previous action (`prevActionState`). */
export const LAST_ACTION_STATE = valueStateDescriptor<string>("lastAction");

/** Seed 001's keyed-broadcast function; key the actions by `userId`. */
export class PatternEvaluator implements KeyedBroadcastProcessFunction<Action, ActionPattern, PatternMatch> {
  readonly broadcastStateDescriptors = [PATTERNS_STATE];

  processBroadcastElement(pattern: ActionPattern, ctx: Context<PatternMatch>): void {
    ctx.getBroadcastState(PATTERNS_STATE).put(null, pattern);
  }

  processElement(action: Action, ctx: ReadOnlyContext<PatternMatch>): void {
    const pattern = ctx.getBroadcastState(PATTERNS_STATE).get(null);
    const prevActionState = ctx.getState(LAST_ACTION_STATE);
    const prevAction = prevActionState.value();
    if (
      pattern !== undefined &&
      prevAction !== undefined &&
      pattern.firstAction === prevAction &&
      pattern.secondAction === action.action
    ) {
      ctx.collect({ userId: ctx.currentKey, pattern });
    }
    prevActionState.update(action.action);
  }
}

/** Reads a user action from an input record; `where` names the record in error messages. */
export function readAction(value: unknown, where: string): Action {
  const record = requireRecord(value, where);
  return { userId: requireText(record, "userId", where), action: requireText(record, "action", where) };
}

/** Reads a pattern from an input record; `where` names the record in error messages. */
export function readActionPattern(value: unknown, where: string): ActionPattern {
  const record = requireRecord(value, where);
  return {
    firstAction: requireText(record, "firstAction", where),
    secondAction: requireText(record, "secondAction", where),
  };
}
