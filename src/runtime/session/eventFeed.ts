/**
 * Turns what the event readers find into operator calls, as a Flink job's source would:
 * key extraction (`keyBy`), timestamps and watermarks (event time), or the clock (processing
 * time). Bad rows are reported as `FILE:LINE: reason` and skipped.
 *
 * Decisions:
 * - `--key FIELD`: the key is the field's value as a string (`String(n)` for numbers, JSON text
 *   for objects); a row without the field (or with null) is skipped — Flink cannot key by null.
 * - `--time FIELD`: a row without a readable time is skipped. Bounded out-of-orderness emits
 *   `maxTs − delay − 1` after every event. `--watermarks explicit`: only `{"$watermark": MS}`
 *   records advance it; watermarks that do not advance are ignored, as Flink's sources do.
 * - Source partitions (`--partitions N`, bounded out-of-orderness only): each partition runs
 *   its own watermark generator (Flink's `WatermarkStrategy` per split, `src/runtime/time`) and
 *   the job's subtasks take the minimum over the active ones. An event's partition is its
 *   `--partition-field` (a whole number 0..N−1; other values are bad rows), else round-robin:
 *   the i-th event read (from 0, skipped rows not counted) goes to partition i mod N.
 * - Periodic watermarks (`--watermark-interval MS`) and idleness (`--idle-timeout MS`) run on a
 *   simulated processing clock that, in event time, is the largest timestamp read so far (a
 *   replay at the data's own pace, starting at its first record): a partition that reads
 *   nothing while the others move event time on by more than the timeout goes idle. Without an
 *   interval, watermarks are emitted after every record.
 * - `--clock FIELD`: the clock never goes back (Flink's processing time is monotonic); an
 *   earlier value is reported and the current time is kept.
 * - neither: the i-th event (from 0, skipped rows not counted) is processed at time i.
 * - the end of input: event time ends with a +∞ watermark (unless `--no-final-watermark`), as a
 *   bounded Flink job does; processing time ends with nothing, as Flink quiesces
 *   processing-time timers when a task finishes.
 *
 * Shared by the CLI (`cep-studio run`, whose flags name the options above) and the browser's
 * `RunSession` (`src/runtime/session`), so a run in the app feeds the job exactly as the command line does.
 */
import type { EventRecord } from "../../engine/index.ts";
import type { OperatorKey } from "../../engine/operator/index.ts";
import type { ReadItem } from "../../formats/events/index.ts";
import { parseEventTime, WATERMARK_FIELD } from "../../formats/events/index.ts";
import type { WatermarkStatus } from "../job/watermarkValve.ts";
import { SourceWatermarks, WatermarkStrategy, type SourceWatermarksSnapshot } from "../time/index.ts";

/**
 * How event time advances: bounded out-of-orderness watermarks (Flink's `WatermarkStrategy`,
 * optionally periodic and with idleness), or `{"$watermark": MS}` records.
 */
export type FeedWatermarks =
  | {
      readonly type: "bounded";
      readonly delay: number;
      /** `pipeline.auto-watermark-interval` in ms of the simulated clock; null/absent: after every record. */
      readonly intervalMs?: number | null;
      /** `withIdleness(timeout)` in ms of the simulated clock; null/absent: never idle. */
      readonly idleTimeoutMs?: number | null;
    }
  | { readonly type: "explicit" };

/** Event time read from `field`; null runs in processing time. */
export type FeedTime = {
  readonly field: string;
  readonly watermarks: FeedWatermarks;
  /** End the input with a +∞ watermark, as a bounded Flink job does. */
  readonly finalWatermark: boolean;
  /** Source partitions, each with its own watermarks (bounded out-of-orderness only); default 1. */
  readonly partitions?: number;
  /** The field naming an event's partition (0..partitions−1); null/absent: round-robin. */
  readonly partitionField?: string | null;
} | null;

/** What is wrong with a time setting (empty when it can run). */
export function feedTimeProblems(time: FeedTime): string[] {
  if (time === null) return [];
  const problems: string[] = [];
  const partitions = time.partitions ?? 1;
  if (!Number.isInteger(partitions) || partitions < 1)
    problems.push(`source partitions must be a whole number ≥ 1 (got ${partitions})`);
  const { watermarks } = time;
  if (watermarks.type === "explicit") {
    if (partitions !== 1)
      problems.push("source partitions need bounded out-of-orderness watermarks, not explicit ones");
    return problems;
  }
  if (!Number.isInteger(watermarks.delay) || watermarks.delay < 0)
    problems.push(`out-of-orderness must be a whole number of ms ≥ 0 (got ${watermarks.delay})`);
  for (const [name, value] of [
    ["watermark interval", watermarks.intervalMs],
    ["idle timeout", watermarks.idleTimeoutMs],
  ] as const) {
    if (value !== undefined && value !== null && !(Number.isInteger(value) && value > 0))
      problems.push(`the ${name} must be a whole number of ms > 0 (got ${value})`);
  }
  return problems;
}

/**
 * What the feed drives: a `CepOperator`, or a `StreamJob` (which also vets elements first).
 */
export interface FeedTarget {
  processElement(event: EventRecord, key: OperatorKey, timestamp?: number): void;
  /** A source partition's watermark (partition 0 without partitions). */
  processWatermark(watermark: number, partition?: number): void;
  /** A source partition turned idle or active (only with an idle timeout). */
  processWatermarkStatus?(status: WatermarkStatus, partition: number): void;
  setProcessingTime(time: number): void;
  readonly currentProcessingTime: number;
  /** Why an element cannot be processed (it is then skipped and reported), or null. */
  admit?(event: EventRecord, key: OperatorKey): string | null;
}

export interface EventFeedOptions {
  /** Input name for messages (`-` reads as `<stdin>`). */
  readonly file: string;
  readonly key: string | null;
  readonly time: FeedTime;
  readonly clock: string | null;
  readonly operator: FeedTarget;
  /** One stderr line. */
  readonly report: (line: string) => void;
}

/**
 * Where an event was read, kept on the event under a symbol: invisible to conditions,
 * `Object.keys` and `JSON.stringify`, and cheaper than a WeakMap entry per event.
 */
const SOURCE_LINE = Symbol("sourceLine");

/**
 * Notes that `event` was read at input `line` (for {@link EventFeed.lineOf}). A structured clone
 * leaves the symbol behind, so a run restored from a checkpoint notes its events' lines again.
 */
export function remember(event: EventRecord, line: number): void {
  // Non-enumerable too, so copies made with spread or Object.assign leave it behind.
  Object.defineProperty(event, SOURCE_LINE, { value: line });
}

/** What a feed carries from one item to the next: a source's state in a checkpoint. */
export interface FeedState {
  /** Events processed in processing time without a clock field (the next one's time); in event time, events read. */
  readonly position: number;
  /** The largest event timestamp read (−∞ before the first; processing time: −∞). */
  readonly maxTimestamp: number;
  /** The partitions' watermark generators (null without bounded out-of-orderness). */
  readonly watermarks: SourceWatermarksSnapshot | null;
  readonly failed: boolean;
}

/** Feeds read items to the operator; see the module comment for the rules. */
export class EventFeed {
  private readonly source: SourceWatermarks | null;
  private position = 0;
  private maxTimestamp = Number.NEGATIVE_INFINITY;
  /** Set by a fatal read problem: the input cannot be used. */
  failed = false;

  /** @throws RangeError when the time settings cannot run ({@link feedTimeProblems}) */
  constructor(private readonly options: EventFeedOptions) {
    const { time, operator } = options;
    const problems = feedTimeProblems(time);
    if (problems.length > 0) throw new RangeError(problems.join("; "));
    const watermarks = time?.watermarks;
    if (watermarks?.type !== "bounded") {
      this.source = null;
      return;
    }
    let strategy = WatermarkStrategy.forBoundedOutOfOrderness(watermarks.delay);
    const idle = watermarks.idleTimeoutMs ?? null;
    if (idle !== null) strategy = strategy.withIdleness(idle);
    this.source = new SourceWatermarks(strategy, {
      partitions: time?.partitions ?? 1,
      autoWatermarkIntervalMs: watermarks.intervalMs ?? null,
      target: {
        processWatermark: (watermark, partition) => {
          operator.processWatermark(watermark, partition);
        },
        processWatermarkStatus: (status, partition) => {
          operator.processWatermarkStatus?.(status, partition);
        },
      },
    });
  }

  /** The largest event timestamp read so far (−∞ before the first, and in processing time). */
  get maxEventTime(): number {
    return this.maxTimestamp;
  }

  /** The input line an event came from (for error messages). */
  lineOf(event: EventRecord): number | undefined {
    return (event as { [SOURCE_LINE]?: number })[SOURCE_LINE];
  }

  /** The feed's state between items, for a checkpoint. */
  state(): FeedState {
    return {
      position: this.position,
      maxTimestamp: this.maxTimestamp,
      watermarks: this.source?.snapshot() ?? null,
      failed: this.failed,
    };
  }

  /** Continues from a checkpointed {@link state} (of a feed with the same options). */
  restore(state: FeedState): void {
    this.position = state.position;
    this.maxTimestamp = state.maxTimestamp;
    if (state.watermarks !== null) this.source?.restore(state.watermarks);
    this.failed = state.failed;
  }

  accept(item: ReadItem): void {
    switch (item.type) {
      case "problem":
        this.problem(item.line, item.message);
        return;
      case "fatal":
        this.failed = true;
        this.problem(item.line, item.message);
        return;
      case "watermark":
        this.acceptWatermark(item.value, item.line);
        return;
      case "event":
        this.acceptEvent(item.event, item.line);
        return;
    }
  }

  /** End of input: event time ends with a +∞ watermark (from every partition) unless `--no-final-watermark`. */
  finish(): void {
    if (this.options.time?.finalWatermark !== true) return;
    if (this.source === null) this.options.operator.processWatermark(Number.POSITIVE_INFINITY);
    else this.source.finish();
  }

  private acceptEvent(event: EventRecord, line: number): void {
    const { operator, time, clock } = this.options;
    const key = this.keyOf(event, line);
    if (key === undefined) return;
    const problem = operator.admit?.(event, key) ?? null;
    if (problem !== null) {
      this.problem(line, problem);
      return;
    }
    if (time !== null) {
      const timestamp = this.timeOf(event, time.field, line);
      if (timestamp === null) return;
      const partition = this.partitionOf(event, time, line);
      if (partition === null) return;
      remember(event, line);
      this.position++;
      const source = this.source;
      if (source !== null) {
        // The simulated processing clock is the largest timestamp read: rounds that came due
        // before this record run first.
        if (this.maxTimestamp === Number.NEGATIVE_INFINITY) source.startClock(timestamp);
        else if (timestamp > this.maxTimestamp) source.advanceProcessingTime(timestamp);
      }
      if (timestamp > this.maxTimestamp) this.maxTimestamp = timestamp;
      operator.processElement(event, key, timestamp);
      source?.onEvent(timestamp, partition);
      return;
    }
    let now = this.position;
    if (clock !== null) {
      const value = this.timeOf(event, clock, line);
      if (value === null) return;
      now = value;
      if (now < operator.currentProcessingTime) {
        this.problem(
          line,
          `warning: clock field '${clock}' goes back (${now} < ${operator.currentProcessingTime}); processing time stays at ${operator.currentProcessingTime}`,
        );
        now = operator.currentProcessingTime;
      }
    }
    this.position++;
    remember(event, line);
    operator.setProcessingTime(now);
    operator.processElement(event, key);
  }

  private acceptWatermark(value: unknown, line: number): void {
    if (this.options.time?.watermarks.type !== "explicit") {
      this.problem(line, `watermark record skipped (only read with --time FIELD --watermarks explicit)`);
      return;
    }
    const parsed = parseEventTime(value, WATERMARK_FIELD);
    if (!parsed.ok) {
      this.problem(line, parsed.message);
      return;
    }
    this.options.operator.processWatermark(parsed.millis);
  }

  /** The event's source partition, or null (reported) when its partition field is unusable. */
  private partitionOf(event: EventRecord, time: NonNullable<FeedTime>, line: number): number | null {
    const partitions = time.partitions ?? 1;
    const field = time.partitionField ?? null;
    if (field === null) return this.position % partitions;
    const value = event[field];
    const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n === "number" && Number.isInteger(n) && n >= 0 && n < partitions) return n;
    this.problem(
      line,
      value === undefined || value === null
        ? `no value for partition field '${field}'`
        : `partition field '${field}' must be a whole number from 0 to ${partitions - 1} (got ${JSON.stringify(value)})`,
    );
    return null;
  }

  private keyOf(event: EventRecord, line: number): OperatorKey | undefined {
    const field = this.options.key;
    if (field === null) return null;
    const value = event[field];
    if (value === undefined || value === null) {
      this.problem(line, `no value for key field '${field}'`);
      return undefined;
    }
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
      return String(value);
    return JSON.stringify(value);
  }

  private timeOf(event: EventRecord, field: string, line: number): number | null {
    const value = event[field];
    if (value === undefined) {
      this.problem(line, `missing time field '${field}'`);
      return null;
    }
    const parsed = parseEventTime(value, field);
    if (!parsed.ok) {
      this.problem(line, parsed.message);
      return null;
    }
    return parsed.millis;
  }

  private problem(line: number, message: string): void {
    this.options.report(`${this.options.file}:${line}: ${message}`);
  }
}
