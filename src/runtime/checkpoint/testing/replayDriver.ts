/**
 * A tiny deterministic driver for checkpoint tests: a retained input of (event, key, timestamp,
 * watermark-after) records fed to a `StreamJob`, so replaying any range needs no driver state.
 */
import type { EventRecord } from "../../../engine/index.ts";
import type { JobOutput, StreamJobOptions } from "../../job/index.ts";
import { StreamJob } from "../../job/index.ts";
import { describeOutput } from "../../job/testing/jobTestSupport.ts";

/** One retained input record. */
export interface InputRecord {
  readonly event: EventRecord;
  readonly key: string;
  readonly timestamp: number;
  /** The bounded-out-of-orderness watermark emitted after it. */
  readonly watermark: number;
}

/** Records with watermark `max timestamp − delay − 1` after each, as the CLI feeds them. */
export function withWatermarks(
  events: ReadonlyArray<{ event: EventRecord; key: string; timestamp: number }>,
  delay = 0,
): InputRecord[] {
  let max = Number.NEGATIVE_INFINITY;
  return events.map((e) => {
    max = Math.max(max, e.timestamp);
    return { ...e, watermark: max - delay - 1 };
  });
}

/** Job options without the output callback (the driver adds it). */
export type DriverOptions = Omit<StreamJobOptions, "output">;

/** A job and the outputs it produced, as text lines. */
export interface Driven {
  job: StreamJob;
  readonly lines: string[];
}

function describe(out: JobOutput): string {
  if (out.type === "state-expired") {
    const rule = out.rule === undefined ? "" : ` ${out.rule.id}v${out.rule.version}`;
    return `expired${rule} ${String(out.key)} t=${out.timestamp} partial=${out.partialMatches} @${out.subtask}`;
  }
  return describeOutput(out);
}

/** An output callback that appends to `lines`. */
export function collecting(lines: string[]): Pick<StreamJobOptions, "output"> {
  return { output: (o) => lines.push(describe(o)) };
}

/** A fresh job. */
export function startJob(options: DriverOptions): Driven {
  const lines: string[] = [];
  return { job: new StreamJob({ ...options, ...collecting(lines) }), lines };
}

/** Feeds input records `from` … `to − 1`. */
export function feed(job: StreamJob, input: readonly InputRecord[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const record = input[i] as InputRecord;
    job.processElement(record.event, record.key, record.timestamp);
    job.processWatermark(record.watermark);
  }
}

/** The end of input: broadcast records left, then the final watermark. */
export function finish(job: StreamJob): void {
  job.drainBroadcast();
  job.processWatermark(Number.POSITIVE_INFINITY);
}

/** Runs the whole input straight through. */
export function runStraight(options: DriverOptions, input: readonly InputRecord[]): string[] {
  const run = startJob(options);
  feed(run.job, input, 0, input.length);
  finish(run.job);
  return run.lines;
}

/** Total outputs so far (every type). */
export function outputTotal(job: StreamJob): number {
  return Object.values(job.outputCounts()).reduce((a, b) => a + b, 0);
}
