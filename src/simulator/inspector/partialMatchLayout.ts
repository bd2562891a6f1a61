/**
 * A key's partial match as the Key inspector lays it out: its captured events grouped stage by
 * stage in the order they were taken, the stage it waits in, its window, and what lights up on
 * the canvas when it is selected. Pure.
 */
import type { KeyPartialMatches, PartialMatchInfo } from "../../runtime/session/index.ts";
import { durationText, instantText } from "../format/timeText.ts";
import type { MatchHighlight } from "../simulationStore.ts";

/** Consecutive events taken by one stage (a looping stage holds several). */
export interface StageGroup {
  readonly stage: string;
  readonly events: PartialMatchInfo["events"];
}

/** The events of a partial match, grouped by stage in capture order. */
export function stageGroups(match: PartialMatchInfo): StageGroup[] {
  const groups: { stage: string; events: PartialMatchInfo["events"][number][] }[] = [];
  for (const event of match.events) {
    const last = groups.at(-1);
    if (last?.stage === event.stage) last.events.push(event);
    else groups.push({ stage: event.stage, events: [event] });
  }
  return groups;
}

/** The stages a selected partial match lights up: those holding its events, then the one it waits in. */
export function matchHighlight(ruleId: string, match: PartialMatchInfo): MatchHighlight {
  const stages: string[] = [];
  for (const { stage } of match.events) if (!stages.includes(stage)) stages.push(stage);
  if (!stages.includes(match.stage)) stages.push(match.stage);
  const lines = match.events.flatMap((e) => (e.event.line === null ? [] : [e.event.line]));
  return { ruleId, stages, lines };
}

/**
 * `window ends 00:06:00.000 · 4 min 57 s left`, `window ended … (times out at the next
 * watermark)`, or `no window` — measured against the key's subtask watermark (or clock).
 */
export function windowText(match: PartialMatchInfo, time: KeyPartialMatches["time"]): string {
  if (match.windowEndsAt === null) return "no window: waits until it completes";
  const ends = `window ends ${instantText(match.windowEndsAt)}`;
  if (match.timeLeft === null) return ends;
  const clock = time.kind === "eventTime" ? "the watermark" : "the clock";
  if (match.timeLeft > 0) return `${ends} · ${durationText(match.timeLeft)} left by ${clock}`;
  return `${ends} · passed by ${clock}: it times out when the operator next advances time`;
}

/** `subtask 1 of 4 · key group 87`, or the same for an unkeyed run. */
export function ownerText(result: KeyPartialMatches, parallelism: number): string {
  return `subtask ${result.subtask} of ${parallelism} · key group ${result.keyGroup}`;
}

/** `watermark 00:01:02.999` (event time) or `processing time 12` (the clock). */
export function timeText(time: KeyPartialMatches["time"]): string {
  if (time.kind === "eventTime") return `watermark ${instantText(time.now)}`;
  return `processing time ${time.now === null ? "not started" : instantText(time.now)}`;
}
