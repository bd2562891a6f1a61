/**
 * Small builders for StreamJob tests: rules from the pattern builder, events, and a job that
 * collects its outputs in a compact, comparable form.
 */
import { compilePattern, type EventRecord } from "../../../engine/index.ts";
import type { Rule } from "../../../model/pattern.ts";
import type { PatternBuilder } from "../../../model/patternBuilder.ts";
import type { BroadcastRecord, JobOutput, JobRule, StreamJobOptions } from "../jobTypes.ts";
import { StreamJob } from "../streamJob.ts";

/** A compiled rule `id` version `version` for `pattern`. */
export function jobRule(id: string, version: number, pattern: PatternBuilder): JobRule {
  const graph = pattern.build();
  const rule: Rule = { id, version, pattern: graph, function: null };
  return { rule, nfa: compilePattern(graph) };
}

/** An event of user `user` named `name` at `ts` (also its `id`, to tell events apart). */
export function ev(user: string, name: string, ts: number, extra: Record<string, unknown> = {}): EventRecord {
  return { user, name, ts, ...extra };
}

/** A broadcast record at `at`. */
export function at(time: number, action: BroadcastRecord["action"]): BroadcastRecord {
  return { at: time, action };
}

/**
 * One output as text: `match r1v2 u1 a=ts|ts b=ts @subtask`, `timeout …`, `late u1 ts`,
 * `dropped r1v1 partial=N`, `result {json}`, `expired r1v1 u1 t=ts partial=N`.
 */
export function describeOutput(out: JobOutput, withSubtask = true): string {
  const sub = withSubtask && out.type !== "rule-dropped" ? ` @${out.subtask}` : "";
  switch (out.type) {
    case "match":
    case "timeout": {
      const stages = [...out.match].map(([s, evs]) => `${s}=${evs.map((e) => String(e.ts)).join("|")}`);
      const when = out.type === "timeout" ? ` t=${out.timestamp}` : "";
      return `${out.type} ${out.rule.id}v${out.rule.version} ${String(out.key)}${when} ${stages.join(" ")}${sub}`;
    }
    case "late":
      return `late ${String(out.key)} ${String(out.event.ts)}${sub}`;
    case "result":
      return `result ${JSON.stringify(out.result)}${sub}`;
    case "rule-dropped":
      return `dropped ${out.rule}v${out.version} partial=${out.partialMatches}`;
    case "state-expired": {
      const rule = out.rule === undefined ? "" : ` ${out.rule.id}v${out.rule.version}`;
      return `expired${rule} ${String(out.key)} t=${out.timestamp} partial=${out.partialMatches}${sub}`;
    }
  }
}

export interface RunResult {
  readonly outputs: JobOutput[];
  readonly rejected: string[];
  readonly job: StreamJob;
}

/**
 * Runs `events` (keyed by `user`) through a job in event time with bounded out-of-orderness
 * `delay`, a watermark after every event and +∞ at the end, as the CLI does.
 */
export function runEventTime(
  options: Omit<StreamJobOptions, "output" | "timeCharacteristic">,
  events: readonly EventRecord[],
  delay = 0,
): RunResult {
  const outputs: JobOutput[] = [];
  const rejected: string[] = [];
  const job = new StreamJob({
    ...options,
    timeCharacteristic: "eventTime",
    output: (o) => outputs.push(o),
    onRejected: (message) => rejected.push(message),
  });
  let max = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    const ts = event.ts as number;
    job.processElement(event, event.user as string, ts);
    max = Math.max(max, ts);
    job.processWatermark(max - delay - 1);
  }
  job.drainBroadcast();
  job.processWatermark(Number.POSITIVE_INFINITY);
  return { outputs, rejected, job };
}

/** Runs `events` in processing time, the clock at each event's position (0, 1, 2, …). */
export function runByPosition(
  options: Omit<StreamJobOptions, "output" | "timeCharacteristic">,
  events: readonly EventRecord[],
): RunResult {
  const outputs: JobOutput[] = [];
  const rejected: string[] = [];
  const job = new StreamJob({
    ...options,
    timeCharacteristic: "processingTime",
    output: (o) => outputs.push(o),
    onRejected: (message) => rejected.push(message),
  });
  events.forEach((event, position) => {
    job.setProcessingTime(position);
    job.processElement(event, event.user as string);
  });
  job.drainBroadcast();
  return { outputs, rejected, job };
}
