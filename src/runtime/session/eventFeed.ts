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
import { BoundedOutOfOrdernessWatermarks, type OperatorKey } from "../../engine/operator/index.ts";
import type { ReadItem } from "../../formats/events/index.ts";
import { parseEventTime, WATERMARK_FIELD } from "../../formats/events/index.ts";

/** How event time advances: bounded out-of-orderness watermarks, or `{"$watermark": MS}` records. */
export type FeedWatermarks =
  { readonly type: "bounded"; readonly delay: number } | { readonly type: "explicit" };

/** Event time read from `field`; null runs in processing time. */
export type FeedTime = {
  readonly field: string;
  readonly watermarks: FeedWatermarks;
  /** End the input with a +∞ watermark, as a bounded Flink job does. */
  readonly finalWatermark: boolean;
} | null;

/**
 * What the feed drives: a `CepOperator`, or a `StreamJob` (which also vets elements first).
 */
export interface FeedTarget {
  processElement(event: EventRecord, key: OperatorKey, timestamp?: number): void;
  processWatermark(watermark: number): void;
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
  /** Events processed in processing time without a clock field (the next one's time). */
  readonly position: number;
  /** The bounded-out-of-orderness generator's largest timestamp (null without one). */
  readonly maxTimestamp: number | null;
  readonly failed: boolean;
}

/** Feeds read items to the operator; see the module comment for the rules. */
export class EventFeed {
  private readonly generator: BoundedOutOfOrdernessWatermarks | null;
  private position = 0;
  /** Set by a fatal read problem: the input cannot be used. */
  failed = false;

  constructor(private readonly options: EventFeedOptions) {
    const watermarks = options.time?.watermarks;
    this.generator =
      watermarks?.type === "bounded" ? new BoundedOutOfOrdernessWatermarks(watermarks.delay) : null;
  }

  /** The input line an event came from (for error messages). */
  lineOf(event: EventRecord): number | undefined {
    return (event as { [SOURCE_LINE]?: number })[SOURCE_LINE];
  }

  /** The feed's state between items, for a checkpoint. */
  state(): FeedState {
    return {
      position: this.position,
      maxTimestamp: this.generator?.currentMaxTimestamp ?? null,
      failed: this.failed,
    };
  }

  /** Continues from a checkpointed {@link state} (of a feed with the same options). */
  restore(state: FeedState): void {
    this.position = state.position;
    if (state.maxTimestamp !== null) this.generator?.restoreMaxTimestamp(state.maxTimestamp);
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

  /** End of input: event time ends with a +∞ watermark unless `--no-final-watermark`. */
  finish(): void {
    if (this.options.time?.finalWatermark === true)
      this.options.operator.processWatermark(Number.POSITIVE_INFINITY);
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
      remember(event, line);
      operator.processElement(event, key, timestamp);
      if (this.generator !== null) {
        this.generator.onEvent(timestamp);
        operator.processWatermark(this.generator.onPeriodicEmit());
      }
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
