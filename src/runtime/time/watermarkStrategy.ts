/**
 * Event-time strategies as Flink's `WatermarkStrategy` (flink-core `api/common/eventtime`), and
 * the source side that runs them per source partition: Flink's `SourceOperator` with one
 * generator per split, each writing through a `WatermarkToDataOutput` (which drops watermarks
 * that do not advance and turns an idle output active again on the next one), into a
 * {@link WatermarkValve} that takes the minimum across partitions.
 *
 * Periodic emission (`pipeline.auto-watermark-interval`, 200 ms by default in Flink): Flink runs
 * `onPeriodicEmit` on a wall-clock timer. The simulation makes it deterministic by running it on
 * the *simulated processing clock*: with an interval of I ms, one emission round (every partition
 * in index order) runs at each multiple of I that the clock reaches or passes, at that tick's
 * time — so the same clock steps give the same watermarks however fast the run goes. With no
 * interval (`null`) a round runs after every record, which is what the CLI has always done.
 * (Flink's own interval 0 disables periodic watermarks; that is not offered.)
 */
import { BoundedOutOfOrdernessWatermarks } from "../../engine/operator/index.ts";
import { WatermarkValve, type WatermarkStatus } from "../job/watermarkValve.ts";
import {
  emittingGenerator,
  WatermarksWithIdleness,
  type WatermarkGenerator,
  type WatermarkOutput,
} from "./watermarksWithIdleness.ts";

/** Flink's `WatermarkStrategy` for bounded out-of-orderness, optionally `withIdleness`. */
export class WatermarkStrategy {
  private constructor(
    /** `forBoundedOutOfOrderness(delay)`; 0 is `forMonotonousTimestamps()`. */
    readonly outOfOrdernessMs: number,
    /** `withIdleness(timeout)`; null: partitions never go idle. */
    readonly idleTimeoutMs: number | null,
  ) {}

  /** Watermark = largest timestamp − `delayMs` − 1. */
  static forBoundedOutOfOrderness(delayMs: number): WatermarkStrategy {
    // Validates the delay with the engine's messages.
    new BoundedOutOfOrdernessWatermarks(delayMs);
    return new WatermarkStrategy(delayMs, null);
  }

  /** Ascending timestamps: bounded out-of-orderness with no delay, as in Flink. */
  static forMonotonousTimestamps(): WatermarkStrategy {
    return new WatermarkStrategy(0, null);
  }

  /** A partition without records for more than `timeoutMs` of processing time is marked idle. */
  withIdleness(timeoutMs: number): WatermarkStrategy {
    if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
      throw new RangeError(`idleTimeout must be greater than zero, got ${timeoutMs}`);
    }
    return new WatermarkStrategy(this.outOfOrdernessMs, timeoutMs);
  }

  /** `createWatermarkGenerator`: `clock` is the processing time idleness is measured on. */
  createWatermarkGenerator(clock: () => number): WatermarkGenerator {
    const bounded = emittingGenerator(new BoundedOutOfOrdernessWatermarks(this.outOfOrdernessMs));
    return this.idleTimeoutMs === null
      ? bounded
      : new WatermarksWithIdleness(bounded, this.idleTimeoutMs, clock);
  }
}

/** Where the combined watermark goes (an operator's `processWatermark`, and status changes). */
export interface SourceWatermarksTarget {
  processWatermark(watermark: number): void;
  processWatermarkStatus?(status: WatermarkStatus): void;
}

export interface SourceWatermarksOptions {
  readonly partitions?: number;
  /** Ms of simulated processing time between emission rounds; null: a round after every record. */
  readonly autoWatermarkIntervalMs?: number | null;
  readonly target: SourceWatermarksTarget;
}

/** Flink's `WatermarkToDataOutput` for one partition, writing into the valve. */
class PartitionOutput implements WatermarkOutput {
  maxWatermarkSoFar = Number.NEGATIVE_INFINITY;
  isIdle = false;

  constructor(
    private readonly partition: number,
    private readonly source: SourceWatermarks,
  ) {}

  emitWatermark(watermark: number): void {
    if (watermark <= this.maxWatermarkSoFar) return;
    this.maxWatermarkSoFar = watermark;
    this.markActive();
    this.source.forwardWatermark(watermark, this.partition);
  }

  markIdle(): void {
    if (this.isIdle) return;
    this.isIdle = true;
    this.source.forwardStatus("idle", this.partition);
  }

  markActive(): void {
    if (!this.isIdle) return;
    this.isIdle = false;
    this.source.forwardStatus("active", this.partition);
  }
}

/** Per-partition generators of one strategy, combined by a {@link WatermarkValve}. */
export class SourceWatermarks {
  readonly valve: WatermarkValve;
  readonly autoWatermarkIntervalMs: number | null;
  private readonly generators: WatermarkGenerator[];
  private readonly outputs: PartitionOutput[];
  private readonly target: SourceWatermarksTarget;
  /** The processing time the generators see (a tick's time during a round). */
  private now = 0;
  private nextTick: number;

  constructor(strategy: WatermarkStrategy, options: SourceWatermarksOptions) {
    const partitions = options.partitions ?? 1;
    this.valve = new WatermarkValve(partitions);
    const interval = options.autoWatermarkIntervalMs ?? null;
    if (interval !== null && (!(interval > 0) || !Number.isFinite(interval))) {
      throw new RangeError(`the auto-watermark interval must be greater than zero, got ${interval}`);
    }
    this.autoWatermarkIntervalMs = interval;
    this.nextTick = interval ?? Number.POSITIVE_INFINITY;
    this.target = options.target;
    const clock = (): number => this.now;
    this.generators = Array.from({ length: partitions }, () => strategy.createWatermarkGenerator(clock));
    this.outputs = Array.from({ length: partitions }, (_, p) => new PartitionOutput(p, this));
  }

  /** The processing time last reached. */
  get currentProcessingTime(): number {
    return this.now;
  }

  /** Whether `partition`'s output is marked idle. */
  isIdle(partition: number): boolean {
    return this.outputOf(partition).isIdle;
  }

  /** A record with `timestamp` read from `partition` (`onEvent`; a round follows without an interval). */
  onEvent(timestamp: number, partition = 0): void {
    const output = this.outputOf(partition);
    (this.generators[partition] as WatermarkGenerator).onEvent(timestamp, output);
    if (this.autoWatermarkIntervalMs === null) this.emitRound();
  }

  /** Moves the processing clock to `time`, running a round at every interval tick up to it. */
  advanceProcessingTime(time: number): void {
    if (time < this.now) {
      throw new RangeError(`processing time cannot go back (from ${this.now} to ${time})`);
    }
    while (this.nextTick <= time) {
      this.now = this.nextTick;
      this.emitRound();
      this.nextTick += this.autoWatermarkIntervalMs ?? Number.POSITIVE_INFINITY;
    }
    this.now = time;
  }

  /** One `onPeriodicEmit` per partition, in index order. */
  emitRound(): void {
    for (let p = 0; p < this.generators.length; p++) {
      (this.generators[p] as WatermarkGenerator).onPeriodicEmit(this.outputs[p] as PartitionOutput);
    }
  }

  /** @internal A partition's watermark, through the valve. */
  forwardWatermark(watermark: number, partition: number): void {
    const combined = this.valve.input(watermark, partition);
    if (combined !== null) this.target.processWatermark(combined);
  }

  /** @internal A partition's status change, through the valve. */
  forwardStatus(status: WatermarkStatus, partition: number): void {
    const out = this.valve.inputWatermarkStatus(status, partition);
    // Flink's valve emits the flushed watermark before the idle status.
    if (out.watermark !== null) this.target.processWatermark(out.watermark);
    if (out.status !== null) this.target.processWatermarkStatus?.(out.status);
  }

  private outputOf(partition: number): PartitionOutput {
    const output = this.outputs[partition];
    if (output === undefined) {
      throw new RangeError(`partition ${partition} is outside 0..${this.outputs.length - 1}`);
    }
    return output;
  }
}
