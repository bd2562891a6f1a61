/**
 * What a user needs to find the cause of an error that stopped a run: the rule version, the
 * stage whose condition failed, the key, the subtask and the input line of the event.
 */
import { ConditionError } from "../../engine/index.ts";
import { StreamJobError } from "../job/index.ts";
import type { LineOf } from "./outputViews.ts";
import type { RunError } from "./sessionTypes.ts";

/** An error thrown by a run, with the rule, stage, key and input line it happened at. */
export function describeRunError(error: unknown, lineOf: LineOf): RunError {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof StreamJobError)) {
    return { message, ruleId: null, version: null, stage: null, key: null, subtask: null, line: null };
  }
  let stage: string | null = null;
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ConditionError) {
      stage = cause.stage;
      break;
    }
  }
  return {
    message,
    ruleId: error.rule.id,
    version: error.rule.version,
    stage,
    key: error.key,
    subtask: error.subtask,
    line: error.event === null ? null : (lineOf(error.event) ?? null),
  };
}
