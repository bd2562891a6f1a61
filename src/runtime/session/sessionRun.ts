/**
 * One pass of a {@link RunSession} over its input: a fresh `StreamJob` fed by the CLI's
 * `EventFeed`, from input item 0 on, with the session's broadcast stream interleaved as the
 * CLI's `--broadcast` is. A session replaces its run to reset, to apply new rules, broadcast
 * records or settings (replaying to the same position), and to reproduce outputs it no longer
 * keeps; the job is deterministic, so a replay yields identical outputs.
 */
import type { EventRecord } from "../../engine/index.ts";
import { ownBytes, pushChildren } from "../checkpoint/index.ts";
import type { OperatorKey } from "../../engine/operator/index.ts";
import {
  BUILT_IN_PROCESSORS,
  StreamJob,
  type AppliedBroadcast,
  type BuiltInProcessorName,
  type BroadcastRecord,
  type JobOutput,
  type JobRule,
  type StreamJobOptions,
  type StreamJobSnapshot,
} from "../job/index.ts";
import { EventFeed, remember, type FeedState } from "./eventFeed.ts";
import {
  lateView,
  matchView,
  resultView,
  ruleDroppedView,
  stateExpiredView,
  type LineOf,
} from "./outputViews.ts";
import type { SessionInput } from "./sessionInput.ts";
import type { OutputKind, OutputViews, RunConfig } from "./sessionTypes.ts";

/** What a `query` filter reads of an output record, known without building its view. */
export interface OutputTags {
  readonly key: OperatorKey;
  /** The rule the record is of; null for records of no rule (late events, processor results). */
  readonly ruleId: string | null;
}

/**
 * Where a run's outputs go: `seq` is the record's position in its list, `view` builds it, `tags`
 * say its key and rule.
 */
export interface RunSink {
  output<K extends OutputKind>(kind: K, seq: number, view: () => OutputViews[K], tags: OutputTags): void;
  /** A key whose events or outputs were just processed. */
  touched(key: OperatorKey): void;
  /** A bad input row (`FILE:LINE: reason`). */
  problem(line: string): void;
  /** An element about to enter the job (after the source vetted it), for tracing. */
  element?(event: EventRecord, key: OperatorKey, timestamp: number | undefined): void;
}

/**
 * What a run runs: the compiled rules it starts with, or (`processor` not null) a built-in
 * processor instead of them, and its broadcast stream (in `at` order, read for one or the other).
 */
export interface RunPlan {
  readonly rules: readonly JobRule[];
  readonly processor: BuiltInProcessorName | null;
  readonly broadcast: readonly BroadcastRecord[];
}

/** A broadcast record the run took: where, when, and whether the job rejected it. */
export interface BroadcastTaken {
  /** Its index in the broadcast stream. */
  readonly index: number;
  /** It took effect before input item `position` (the input's length: at the end of input). */
  readonly position: number;
  /** The job time it took effect at (event time, else processing time); null at the end of input. */
  readonly time: number | null;
  readonly rejected: string | null;
}

/**
 * A run between two input items, as plain data: the job's snapshot, the events it holds with
 * their input lines (copied together, so the events are the job's own), the feed's state and
 * the run's counters.
 */
export interface RunCheckpoint {
  readonly job: StreamJobSnapshot;
  readonly lines: ReadonlyArray<readonly [EventRecord, number]>;
  /** The job state's rough size in bytes, by `estimateBytes`' rules (what the checkpoint budget counts). */
  readonly bytes: number;
  readonly feed: FeedState;
  readonly items: number;
  readonly events: number;
  readonly counts: Readonly<Record<OutputKind, number>>;
  readonly broadcastTaken: readonly BroadcastTaken[];
}

/** What consuming one step did. */
export type StepResult = "event" | "other" | "end" | "none";

/** A job plus how far into the input it got; see the module comment. */
export class SessionRun {
  /** Input items consumed. */
  items = 0;
  /** Events among them. */
  events = 0;
  /** The end of input (broadcast drain + final watermark) was processed. */
  ended = false;
  readonly job: StreamJob;
  /** The broadcast records taken so far, in stream order. */
  private taken: BroadcastTaken[] = [];
  private readonly feed: EventFeed;
  private readonly counts: Record<OutputKind, number> = {
    matches: 0,
    timeouts: 0,
    late: 0,
    ruleDropped: 0,
    stateExpired: 0,
    results: 0,
  };
  /** The element being processed (for the input line of what a processor collects from it). */
  private current: EventRecord | null = null;

  /** A run from input item 0, or continuing from `saved` (which it takes over: pass a copy). */
  constructor(
    plan: RunPlan,
    config: RunConfig,
    private readonly input: SessionInput,
    private readonly sink: RunSink,
    saved?: RunCheckpoint,
  ) {
    const options: StreamJobOptions = {
      logic:
        plan.processor === null
          ? { type: "cep", rules: plan.rules }
          : { type: "processor", processor: BUILT_IN_PROCESSORS[plan.processor] },
      broadcast: plan.broadcast,
      onBroadcastApplied: (applied) => {
        this.took(applied);
      },
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
      file: input.name,
      key: config.key,
      time: config.time,
      clock: config.clock,
      // The job behind a thin wrapper that notes which keys the input touched.
      operator: {
        processElement: (event, key, timestamp) => {
          sink.element?.(event, key, timestamp);
          sink.touched(key);
          this.current = event;
          try {
            job.processElement(event, key, timestamp);
          } finally {
            this.current = null;
          }
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
      this.taken = [...saved.broadcastTaken];
    }
  }

  /** The broadcast records taken so far, in stream order. */
  get broadcastTaken(): readonly BroadcastTaken[] {
    return this.taken;
  }

  /** The run now, as a copy (between items only, not from inside an output). */
  checkpoint(): RunCheckpoint {
    const { job, attached } = this.job.snapshotWith(this.items, (state) => heldLines(state, this.lineOf));
    return {
      job,
      lines: attached.lines,
      bytes: attached.bytes,
      feed: this.feed.state(),
      items: this.items,
      events: this.events,
      counts: { ...this.counts },
      broadcastTaken: [...this.taken],
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
   * input is complete. @throws what the job throws (`runError.ts` describes it)
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

  private took(applied: AppliedBroadcast): void {
    // Inside an element's processing, `items` already counts it: it came before that item.
    const atEnd = applied.time === Number.POSITIVE_INFINITY;
    this.taken.push({
      index: applied.index,
      position: atEnd ? this.items : this.items - 1,
      time: atEnd ? null : applied.time,
      rejected: applied.rejected,
    });
  }

  private emit(output: JobOutput): void {
    const { sink, lineOf } = this;
    switch (output.type) {
      case "match":
      case "timeout": {
        const kind = output.type === "match" ? "matches" : "timeouts";
        const seq = this.counts[kind]++;
        sink.touched(output.key);
        sink.output(kind, seq, () => matchView(output, seq, lineOf), {
          key: output.key,
          ruleId: output.rule.id,
        });
        return;
      }
      case "late": {
        const seq = this.counts.late++;
        sink.touched(output.key);
        sink.output("late", seq, () => lateView(output, seq, lineOf), { key: output.key, ruleId: null });
        return;
      }
      case "rule-dropped": {
        const seq = this.counts.ruleDropped++;
        sink.output("ruleDropped", seq, () => ruleDroppedView(output, seq), {
          key: null,
          ruleId: output.rule,
        });
        return;
      }
      case "state-expired": {
        const seq = this.counts.stateExpired++;
        sink.touched(output.key);
        sink.output("stateExpired", seq, () => stateExpiredView(output, seq), {
          key: output.key,
          ruleId: output.rule?.id ?? null,
        });
        return;
      }
      case "result": {
        const seq = this.counts.results++;
        // Collected while processing an element (its key), or on the broadcast side (no key).
        const line = output.key === null || this.current === null ? null : (lineOf(this.current) ?? null);
        sink.touched(output.key);
        sink.output("results", seq, () => resultView(output, seq, line), { key: output.key, ruleId: null });
        return;
      }
    }
  }
}

/**
 * The events reachable from a job's state (element queues, shared buffers) that have an input
 * line, with that line, and the state's rough size by `estimateBytes`' rules (`ownBytes`): one
 * plain-data walk for both, since a checkpoint of a big state spent as long again measuring it.
 * The state is what `structuredClone` copies.
 */
function heldLines(
  state: StreamJobSnapshot,
  lineOf: LineOf,
): { lines: Array<[EventRecord, number]>; bytes: number } {
  const lines: Array<[EventRecord, number]> = [];
  const seen = new Set<object>();
  // Values to search for events; and values inside events, only measured (they hold no events).
  const stack: unknown[] = [state];
  const inEvents: unknown[] = [];
  let bytes = 0;
  const visit = (value: unknown, search: boolean): void => {
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) return;
      seen.add(value);
      const line = search ? lineOf(value as EventRecord) : undefined;
      if (line !== undefined) lines.push([value as EventRecord, line]);
      pushChildren(value, search && line === undefined ? stack : inEvents);
    }
    bytes += ownBytes(value);
  };
  while (stack.length > 0 || inEvents.length > 0) {
    if (stack.length > 0) visit(stack.pop(), true);
    else visit(inEvents.pop(), false);
  }
  return { lines, bytes };
}
