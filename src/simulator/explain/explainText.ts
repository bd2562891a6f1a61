/**
 * The Explain view's words: what happened to one input event under one rule, in plain
 * sentences — the engine's own account (`describeExplanation`) when the NFA processed it, and
 * for everything the NFA never saw (late, waiting for the watermark, skipped by the source,
 * not an event, rule not running) a sentence saying so and why. Plus the conditions the NFA
 * evaluated, one row each with its result. Pure.
 */
import { describeExplanation, type EventExplanation } from "../../engine/index.ts";
import type { ExplainResult } from "../../runtime/session/index.ts";
import { instantText } from "../format/timeText.ts";

/** `line 3` or `input item 7` (a ready event list has no lines). */
function itemName(result: ExplainResult): string {
  return result.line === null ? `Input item ${result.position}` : `Line ${result.line}`;
}

function timeOf(result: ExplainResult): string {
  return result.timestamp === null ? "its time" : `its time ${instantText(result.timestamp)}`;
}

/** The sentences explaining `result`, in the order things happened. */
export function explainSentences(result: ExplainResult): string[] {
  const { outcome, ruleId } = result;
  const subtask = result.subtask === null ? "" : ` of subtask ${result.subtask}`;
  switch (outcome.type) {
    case "explained":
      return describeExplanation(outcome.explanation, { formatTime: instantText });
    case "late":
      return [
        `The event is late: ${timeOf(result)} is at or behind the watermark${subtask} (${instantText(outcome.watermark)}) when it arrives, so the operator sends it to the late side output and rule ${ruleId}'s NFA never sees it.`,
        "More out-of-orderness keeps the watermark further behind the newest event, so fewer events are late.",
      ];
    case "waiting":
      return [
        `The event is waiting for the watermark: the operator buffers it until the watermark${subtask} (now ${instantText(outcome.watermark)}) passes ${timeOf(result)}, then hands the buffered events to rule ${ruleId}'s NFA in time order. Step to the next watermark to see what it does.`,
      ];
    case "skipped":
      return [`The source skipped this row, so no operator saw it: ${outcome.reason}.`];
    case "not-an-event":
      return [
        outcome.item === "watermark"
          ? `${itemName(result)} is a watermark record, not an event: it moves the watermark and releases buffered events.`
          : `${itemName(result)} could not be read as an event (see the problems the run lists), so no rule saw it.`,
      ];
    case "rule-not-running":
      return [
        `Rule ${ruleId} was not running when this event reached the job (no version of it was active then: it was removed, or not yet added by the broadcast stream).`,
      ];
  }
}

/** A heading for the result: `Line 3 · key 519698804 · subtask 0 · 2020-01-01 00:01:03.000 · rule 1 v1`. */
export function explainHeading(result: ExplainResult): string {
  const parts = [itemName(result)];
  if (result.key !== null) parts.push(`key ${result.key}`);
  if (result.subtask !== null) parts.push(`subtask ${result.subtask}`);
  if (result.timestamp !== null) parts.push(instantText(result.timestamp));
  const version = result.outcome.type === "explained" ? ` v${result.outcome.version}` : "";
  parts.push(`rule ${result.ruleId}${version}`);
  return parts.join(" · ");
}

/** One condition evaluation the NFA made for the event. */
export interface ConditionRow {
  /** Which run it was evaluated for: the start run or the partial match waiting in a stage. */
  readonly run: string;
  /** `take`, `ignore` or `proceed`, and where the transition leads. */
  readonly transition: string;
  readonly stage: string;
  readonly role: "condition" | "until";
  readonly text: string;
  readonly result: "true" | "false" | "error";
  readonly error: string | null;
}

/** Every condition the NFA evaluated for the event, run by run, in the order it checked them. */
export function conditionRows(explanation: EventExplanation): ConditionRow[] {
  const rows: ConditionRow[] = [];
  for (const run of explanation.runs) {
    const which = run.kind === "start" ? "start" : `partial match in '${run.stage}'`;
    for (const check of run.transitions) {
      const transition = `${check.action} → ${check.toKind === "end" ? "end" : `'${check.to}'`}`;
      for (const evaluation of check.evaluations) {
        rows.push({
          run: which,
          transition,
          stage: evaluation.stage,
          role: evaluation.role,
          text: evaluation.text,
          result: evaluation.result === "error" ? "error" : evaluation.result ? "true" : "false",
          error: evaluation.error,
        });
      }
    }
  }
  return rows;
}
