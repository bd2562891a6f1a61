/**
 * One pass of a {@link RunSession} over its input: a fresh `StreamJob` fed by the CLI's
 * `EventFeed`, from input item 0 on. A session replaces its run to reset, to apply new rules
 * or settings (replaying to the same position), and to reproduce outputs it no longer keeps;
 * the job is deterministic, so a replay yields identical outputs.
 */
import { ConditionError, type EventRecord } from "../../engine/index.ts";
import type { OperatorKey } from "../../engine/operator/index.ts";
import {
  StreamJob,
  StreamJobError,
  type JobOutput,
  type JobRule,
  type StreamJobOptions,
  type StreamJobSnapshot,
} from "../job/index.ts";
import { EventFeed, remember, type FeedState } from "./eventFeed.ts";
import { lateView, matchView, ruleDroppedView, stateExpiredView, type LineOf } from "./outputViews.ts";
import type { SessionInput } from "./sessionInput.ts";
import type { OutputKind, OutputViews, RunConfig, RunError } from "./sessionTypes.ts";

/** Where a run's outputs go: `seq` is the record's position in its list, `view` builds it. */
export interface RunSink {
  output<K extends OutputKind>(kind: K, seq: number, view: () => OutputViews[K]): void;
  /** A key whose events or outputs were just processed. */
  touched(key: OperatorKey): void;
  /** A bad input row (`FILE:LINE: reason`). */
  problem(line: string): void;
  /** An element about to enter the job (after the source vetted it), for tracing. */
  element?(event: EventRecord, key: OperatorKey, timestamp: number | undefined): void;
}

/**
 * A run between two input items, as plain data: the job's snapshot, the events it holds with
 * their input lines (copied together, so the events are the job's own), the feed's state and
 * the run's counters.
 */
export interface RunCheckpoint {
  readonly job: StreamJobSnapshot;
  readonly lines: ReadonlyArray<readonly [EventRecord, number]>;
  readonly feed: FeedState;
  readonly items: number;
  readonly events: number;
  readonly counts: Readonly<Record<OutputKind, number>>;
}

/** What consuming one step did. */
export type StepResult = "event" | "other" | "end" | "none";

/** The input name used in problem messages. */
const INPUT_NAME = "events";

/** A job plus how far into the input it got; see the module comment. */
export class SessionRun {
  /** Input items consumed. */
  items = 0;
  /** Events among them. */
  events = 0;
  /** The end of input (broadcast drain + final watermark) was processed. */
  ended = false;
  readonly job: StreamJob;
  private readonly feed: EventFeed;
  private readonly counts: Record<OutputKind, number> = {
    matches: 0,
    timeouts: 0,
    late: 0,
    ruleDropped: 0,
    stateExpired: 0,
  };

  /** A run from input item 0, or continuing from `saved` (which it takes over: pass a copy). */
  constructor(
    rules: readonly JobRule[],
    config: RunConfig,
    private readonly input: SessionInput,
    private readonly sink: RunSink,
    saved?: RunCheckpoint,
  ) {
    const options: StreamJobOptions = {
      logic: { type: "cep", rules },
      timeCharacteristic: config.time === null ? "processingTime" : "eventTime",
      parallelism: config.parallelism,
      ...(config.maxParallelism === undefined ? {} : { maxParallelism: config.maxParallelism }),
      ...(config.keyType === undefined ? {} : { keyType: config.keyType }),
      sourcePartitions: config.time?.partitions ?? 1,
      // Stage counts and metrics read every key's partial matches at any time.
      trackPartialMatches: true,
      output: (output) => {
        this.emit(output);
      },
    };
    this.job = saved === undefined ? new StreamJob(options) : StreamJob.restore(saved.job, options);
    const job = this.job;
    this.feed = new EventFeed({
      file: INPUT_NAME,
      key: config.key,
      time: config.time,
      clock: config.clock,
      // The job behind a thin wrapper that notes which keys the input touched.
      operator: {
        processElement: (event, key, timestamp) => {
          sink.element?.(event, key, timestamp);
          sink.touched(key);
          job.processElement(event, key, timestamp);
        },
        processWatermark: (watermark, partition) => {
          job.processWatermark(watermark, partition);
        },
        processWatermarkStatus: (status, partition) => {
          job.processWatermarkStatus(status, partition);
        },
        setProcessingTime: (time) => {
          job.setProcessingTime(time);
        },
        get currentProcessingTime() {
          return job.currentProcessingTime;
        },
        admit: (event, key) => job.admit(event, key),
      },
      report: (line) => {
        sink.problem(line);
      },
    });
    if (saved !== undefined) {
      for (const [event, line] of saved.lines) remember(event, line);
      this.feed.restore(saved.feed);
      this.items = saved.items;
      this.events = saved.events;
      Object.assign(this.counts, saved.counts);
    }
  }

  /** The run now, as a copy (between items only, not from inside an output). */
  checkpoint(): RunCheckpoint {
    const { job, attached: lines } = this.job.snapshotWith(this.items, (state) =>
      heldLines(state, this.lineOf),
    );
    return {
      job,
      lines,
      feed: this.feed.state(),
      items: this.items,
      events: this.events,
      counts: { ...this.counts },
    };
  }

  /** The input line of an event, for views and error messages. */
  readonly lineOf: LineOf = (event: EventRecord) => this.feed.lineOf(event);

  /** The largest event timestamp read so far (−∞ before the first, and in processing time). */
  get maxEventTime(): number {
    return this.feed.maxEventTime;
  }

  /** True once a fatal input problem (a bad CSV header, say) stopped reading. */
  get failed(): boolean {
    return this.feed.failed;
  }

  /**
   * Consumes the next input item, or the end of input once every item was consumed and the
   * input is complete. @throws what the job throws (see {@link describeRunError})
   */
  consume(): StepResult {
    const item = this.input.items[this.items];
    if (item !== undefined && !this.feed.failed) {
      // Counted before processing, so an item that fails is behind the position and a replay
      // to this position runs it again.
      this.items++;
      if (item.type === "event") this.events++;
      this.feed.accept(item);
      return item.type === "event" ? "event" : "other";
    }
    if (this.input.done && !this.ended && !this.feed.failed) {
      this.ended = true;
      // As the CLI: broadcast records left apply, then the final watermark.
      this.job.drainBroadcast();
      this.feed.finish();
      return "end";
    }
    return "none";
  }

  private emit(output: JobOutput): void {
    const { sink, lineOf } = this;
    switch (output.type) {
      case "match":
      case "timeout": {
        const kind = output.type === "match" ? "matches" : "timeouts";
        const seq = this.counts[kind]++;
        sink.touched(output.key);
        sink.output(kind, seq, () => matchView(output, seq, lineOf));
        return;
      }
      case "late": {
        const seq = this.counts.late++;
        sink.touched(output.key);
        sink.output("late", seq, () => lateView(output, seq, lineOf));
        return;
      }
      case "rule-dropped": {
        const seq = this.counts.ruleDropped++;
        sink.output("ruleDropped", seq, () => ruleDroppedView(output, seq));
        return;
      }
      case "state-expired": {
        const seq = this.counts.stateExpired++;
        sink.touched(output.key);
        sink.output("stateExpired", seq, () => stateExpiredView(output, seq));
        return;
      }
      case "result":
        // Processor results: a session runs CEP rules only.
        return;
    }
  }
}

/**
 * Records `from` … `from + count − 1` of list `kind`, reproduced by replaying a fresh run to
 * the position of `upTo` (its items, and the end of input if it ended).
 */
export function replayRange<K extends OutputKind>(
  rules: readonly JobRule[],
  config: RunConfig,
  input: SessionInput,
  upTo: { readonly items: number; readonly ended: boolean },
  kind: K,
  from: number,
  count: number,
): OutputViews[K][] {
  const records: unknown[] = [];
  const wanted: OutputKind = kind;
  const sink: RunSink = {
    output: (k, seq, view) => {
      if (k === wanted && seq >= from && seq < from + count) records.push(view());
    },
    touched: () => undefined,
    problem: () => undefined,
  };
  const replay = new SessionRun(rules, config, input, sink);
  try {
    while (replay.items < upTo.items && replay.consume() !== "none") {
      /* one item consumed */
    }
    if (upTo.ended) replay.consume();
  } catch {
    // The error the session met (and reports) at this position: what came before is all there is.
  }
  // Only views of list `kind` were collected.
  return records as OutputViews[K][];
}

/**
 * The events reachable from a job's state (element queues, shared buffers) that have an input
 * line, with that line. A plain-data walk: the state is what `structuredClone` copies.
 */
function heldLines(state: StreamJobSnapshot, lineOf: LineOf): Array<[EventRecord, number]> {
  const found: Array<[EventRecord, number]> = [];
  const seen = new Set<object>();
  const stack: unknown[] = [state];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    const line = lineOf(value as EventRecord);
    // An event's own fields hold no other events.
    if (line !== undefined) found.push([value as EventRecord, line]);
    else if (value instanceof Map) for (const entry of value) stack.push(entry);
    else if (value instanceof Set) for (const item of value) stack.push(item);
    else for (const item of Object.values(value)) stack.push(item);
  }
  return found;
}

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
