/**
 * Event-time strategies as Flink's `WatermarkStrategy` (flink-core `api/common/eventtime`), and
 * the source side that runs them per source partition: Flink's `SourceOperator` with one
 * generator per split, each writing through a `WatermarkToDataOutput` (which drops watermarks
 * that do not advance and turns an idle output active again on the next one). What a partition
 * emits goes downstream per partition — every keyed subtask reads every partition as one input
 * channel and takes the minimum in its `StatusWatermarkValve` (`WatermarkValve`, held by the job).
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
import type { WatermarkStatus } from "../job/watermarkValve.ts";
import {
  BoundedGenerator,
  WatermarksWithIdleness,
  type GeneratorState,
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
    const bounded = new BoundedGenerator(this.outOfOrdernessMs);
    return this.idleTimeoutMs === null
      ? bounded
      : new WatermarksWithIdleness(bounded, this.idleTimeoutMs, clock);
  }
}

/**
 * Where a source partition's watermarks and status changes go: every downstream subtask's input
 * channel for that partition (a `StreamJob`'s valve).
 */
export interface SourceWatermarksTarget {
  processWatermark(watermark: number, partition: number): void;
  processWatermarkStatus(status: WatermarkStatus, partition: number): void;
}

export interface SourceWatermarksOptions {
  readonly partitions?: number;
  /** Ms of simulated processing time between emission rounds; null: a round after every record. */
  readonly autoWatermarkIntervalMs?: number | null;
  readonly target: SourceWatermarksTarget;
}

/** A {@link SourceWatermarks}' state as plain data (a source's checkpointed state). */
export interface SourceWatermarksSnapshot {
  readonly started: boolean;
  readonly now: number;
  readonly nextTick: number;
  readonly generators: readonly GeneratorState[];
  readonly outputs: ReadonlyArray<{ readonly maxWatermarkSoFar: number; readonly isIdle: boolean }>;
}

/** Flink's `WatermarkToDataOutput` for one partition. */
class PartitionOutput implements WatermarkOutput {
  maxWatermarkSoFar = Number.NEGATIVE_INFINITY;
  isIdle = false;

  constructor(
    private readonly partition: number,
    private readonly target: SourceWatermarksTarget,
  ) {}

  emitWatermark(watermark: number): void {
    if (watermark <= this.maxWatermarkSoFar) return;
    this.maxWatermarkSoFar = watermark;
    this.markActive();
    this.target.processWatermark(watermark, this.partition);
  }

  markIdle(): void {
    if (this.isIdle) return;
    this.isIdle = true;
    this.target.processWatermarkStatus("idle", this.partition);
  }

  markActive(): void {
    if (!this.isIdle) return;
    this.isIdle = false;
    this.target.processWatermarkStatus("active", this.partition);
  }
}

/** One generator of a strategy per source partition, emitting per partition. */
export class SourceWatermarks {
  readonly autoWatermarkIntervalMs: number | null;
  private readonly generators: WatermarkGenerator[];
  private readonly outputs: PartitionOutput[];
  /** The processing time the generators see (a tick's time during a round). */
  private now = 0;
  private nextTick: number;
  private started = false;

  constructor(strategy: WatermarkStrategy, options: SourceWatermarksOptions) {
    const partitions = options.partitions ?? 1;
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new RangeError(`source partitions must be a whole number ≥ 1, got ${partitions}`);
    }
    const interval = options.autoWatermarkIntervalMs ?? null;
    if (interval !== null && (!(interval > 0) || !Number.isFinite(interval))) {
      throw new RangeError(`the auto-watermark interval must be greater than zero, got ${interval}`);
    }
    this.autoWatermarkIntervalMs = interval;
    this.nextTick = interval ?? Number.POSITIVE_INFINITY;
    const clock = (): number => this.now;
    this.generators = Array.from({ length: partitions }, () => strategy.createWatermarkGenerator(clock));
    this.outputs = Array.from({ length: partitions }, (_, p) => new PartitionOutput(p, options.target));
  }

  get partitions(): number {
    return this.outputs.length;
  }

  /** The processing time last reached. */
  get currentProcessingTime(): number {
    return this.now;
  }

  /** The largest timestamp any partition read (−∞ before the first record). */
  get maxTimestamp(): number {
    let max = Number.NEGATIVE_INFINITY;
    for (const generator of this.generators) max = Math.max(max, generator.snapshot().maxTimestamp);
    return max;
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

  /**
   * Starts the processing clock at `time` instead of 0 (a replay of epoch-millisecond data
   * starts at its first record): the first round runs at the next interval tick after it.
   */
  startClock(time: number): void {
    if (this.started) throw new Error("the source's processing clock has already started");
    this.started = true;
    this.now = time;
    const interval = this.autoWatermarkIntervalMs;
    if (interval !== null) this.nextTick = (Math.floor(time / interval) + 1) * interval;
  }

  /**
   * Moves the processing clock to `time`, running a round at every interval tick up to it.
   * Rounds between two records see no new event, so after the first two (which emit the newest
   * watermark and start the idleness countdowns) only the last one can change anything (a
   * countdown running out): a long gap runs those three, not one per tick.
   */
  advanceProcessingTime(time: number): void {
    if (time < this.now) {
      throw new RangeError(`processing time cannot go back (from ${this.now} to ${time})`);
    }
    this.started = true;
    const interval = this.autoWatermarkIntervalMs ?? Number.POSITIVE_INFINITY;
    for (let round = 0; this.nextTick <= time; round++) {
      if (round === 2) this.nextTick = Math.max(this.nextTick, Math.floor(time / interval) * interval);
      this.now = this.nextTick;
      this.emitRound();
      this.nextTick += interval;
    }
    this.now = time;
  }

  /** One `onPeriodicEmit` per partition, in index order. */
  emitRound(): void {
    for (let p = 0; p < this.generators.length; p++) {
      (this.generators[p] as WatermarkGenerator).onPeriodicEmit(this.outputs[p] as PartitionOutput);
    }
  }

  /** The end of a bounded input: every partition emits `Long.MAX_VALUE` (+∞), turning active first. */
  finish(): void {
    for (const output of this.outputs) output.emitWatermark(Number.POSITIVE_INFINITY);
  }

  snapshot(): SourceWatermarksSnapshot {
    return {
      started: this.started,
      now: this.now,
      nextTick: this.nextTick,
      generators: this.generators.map((g) => g.snapshot()),
      outputs: this.outputs.map((o) => ({ maxWatermarkSoFar: o.maxWatermarkSoFar, isIdle: o.isIdle })),
    };
  }

  /** Continues from `saved` (of a source with the same strategy and partitions). */
  restore(saved: SourceWatermarksSnapshot): void {
    if (saved.generators.length !== this.generators.length) {
      throw new RangeError(
        `the snapshot has ${saved.generators.length} source partitions, the source ${this.generators.length}`,
      );
    }
    this.started = saved.started;
    this.now = saved.now;
    this.nextTick = saved.nextTick;
    saved.generators.forEach((state, p) => {
      (this.generators[p] as WatermarkGenerator).restore(state);
    });
    saved.outputs.forEach((state, p) => {
      const output = this.outputs[p] as PartitionOutput;
      output.maxWatermarkSoFar = state.maxWatermarkSoFar;
      output.isIdle = state.isIdle;
    });
  }

  private outputOf(partition: number): PartitionOutput {
    const output = this.outputs[partition];
    if (output === undefined) {
      throw new RangeError(`partition ${partition} is outside 0..${this.outputs.length - 1}`);
    }
    return output;
  }
}
