/**
 * Turns the job's outputs into the plain views a session keeps and posts (`sessionTypes.ts`):
 * a `Match` (a `Map` of stage → events) becomes an ordered list of stages, and every event
 * carries its input line so the UI can point at it.
 */
import type { EventRecord, Match } from "../../engine/index.ts";
import type { JobOutput } from "../job/index.ts";
import type {
  EventView,
  LateView,
  MatchView,
  ResultView,
  RuleDroppedView,
  StateExpiredView,
} from "./sessionTypes.ts";

/** The input line an event came from, if known. */
export type LineOf = (event: EventRecord) => number | undefined;

/** An event as shown: its fields and line. */
export function eventView(event: EventRecord, lineOf: LineOf): EventView {
  return { line: lineOf(event) ?? null, fields: event };
}

function stagesOf(match: Match, lineOf: LineOf): MatchView["stages"] {
  return [...match].map(([stage, events]) => ({ stage, events: events.map((e) => eventView(e, lineOf)) }));
}

/** The view of a match or timeout output. */
export function matchView(
  output: Extract<JobOutput, { type: "match" | "timeout" }>,
  seq: number,
  lineOf: LineOf,
): MatchView {
  return {
    type: output.type,
    seq,
    ruleId: output.rule.id,
    version: output.rule.version,
    key: output.key,
    timestamp: output.timestamp,
    subtask: output.subtask,
    stages: stagesOf(output.match, lineOf),
  };
}

/** The view of a late element. */
export function lateView(
  output: Extract<JobOutput, { type: "late" }>,
  seq: number,
  lineOf: LineOf,
): LateView {
  return {
    type: "late",
    seq,
    key: output.key,
    timestamp: output.timestamp,
    subtask: output.subtask,
    event: eventView(output.event, lineOf),
  };
}

/** The view of a dropped rule version. */
export function ruleDroppedView(
  output: Extract<JobOutput, { type: "rule-dropped" }>,
  seq: number,
): RuleDroppedView {
  return {
    type: "rule-dropped",
    seq,
    ruleId: output.rule,
    version: output.version,
    partialMatches: output.partialMatches,
  };
}

/** The view of a state TTL cleanup. */
export function stateExpiredView(
  output: Extract<JobOutput, { type: "state-expired" }>,
  seq: number,
): StateExpiredView {
  return {
    type: "state-expired",
    seq,
    ruleId: output.rule?.id ?? null,
    version: output.rule?.version ?? null,
    key: output.key,
    timestamp: output.timestamp,
    lastWrite: output.lastWrite,
    partialMatches: output.partialMatches,
    subtask: output.subtask,
  };
}

/** The view of what a processor collected (a plain copy of its record). */
export function resultView(
  output: Extract<JobOutput, { type: "result" }>,
  seq: number,
  line: number | null,
): ResultView {
  return {
    type: "result",
    seq,
    key: output.key,
    subtask: output.subtask,
    line,
    result: structuredClone(output.result) as Readonly<Record<string, unknown>>,
  };
}
