/**
 * Ports of Flink's event-time generator plumbing (flink-core `api/common/eventtime`):
 * `WatermarkOutput`, `WatermarkGenerator` (output-passing form), and `WatermarksWithIdleness`
 * with its `IdlenessTimer`, the generator behind `WatermarkStrategy.withIdleness(timeout)`.
 *
 * Idleness is judged only in `onPeriodicEmit`, as in Flink: the countdown starts at the first
 * periodic emission that saw no event since the previous one, and the output is marked idle at
 * the first periodic emission strictly more than `timeout` after that. Flink's clock is a
 * `RelativeClock` in nanoseconds; ours is the simulated processing time in ms, read through a
 * function so the driver decides what "now" is.
 *
 * Generators also hand out their state as plain data: a source checkpoints its generators with
 * its split offsets, so a restored run emits the same watermarks as a straight one.
 */
import { BoundedOutOfOrdernessWatermarks } from "../../engine/operator/index.ts";

/** Flink's `WatermarkOutput`: where a generator emits. */
export interface WatermarkOutput {
  emitWatermark(watermark: number): void;
  markIdle(): void;
  markActive(): void;
}

/** A generator's state: the largest timestamp seen, and the idleness countdown when there is one. */
export interface GeneratorState {
  readonly maxTimestamp: number;
  readonly idleness: IdlenessState | null;
}

/** {@link IdlenessTimer} and {@link WatermarksWithIdleness} bookkeeping. */
export interface IdlenessState {
  readonly counter: number;
  readonly lastCounter: number;
  readonly startOfInactivity: number | null;
  readonly isIdleNow: boolean;
}

/** Flink's `WatermarkGenerator<T>` (the event itself is not needed here, only its timestamp). */
export interface WatermarkGenerator {
  onEvent(timestamp: number, output: WatermarkOutput): void;
  onPeriodicEmit(output: WatermarkOutput): void;
  /** The state to checkpoint. */
  snapshot(): GeneratorState;
  /** Continues from a {@link snapshot} of a generator of the same strategy. */
  restore(state: GeneratorState): void;
}

/** The engine's bounded out-of-orderness generator, emitting through a {@link WatermarkOutput}. */
export class BoundedGenerator implements WatermarkGenerator {
  private readonly inner: BoundedOutOfOrdernessWatermarks;

  constructor(delayMs: number) {
    this.inner = new BoundedOutOfOrdernessWatermarks(delayMs);
  }

  onEvent(timestamp: number): void {
    this.inner.onEvent(timestamp);
  }

  onPeriodicEmit(output: WatermarkOutput): void {
    output.emitWatermark(this.inner.onPeriodicEmit());
  }

  snapshot(): GeneratorState {
    return { maxTimestamp: this.inner.currentMaxTimestamp, idleness: null };
  }

  restore(state: GeneratorState): void {
    this.inner.restoreMaxTimestamp(state.maxTimestamp);
  }
}

/** Flink's `WatermarksWithIdleness.IdlenessTimer`, on a millisecond clock. */
export class IdlenessTimer {
  private counter = 0;
  private lastCounter = 0;
  /** When a check first found no activity; null = no countdown (Flink's special value 0). */
  private startOfInactivity: number | null = null;

  constructor(
    private readonly clock: () => number,
    readonly maxIdleTimeMs: number,
  ) {}

  activity(): void {
    this.counter++;
  }

  checkIfIdle(): boolean {
    if (this.counter !== this.lastCounter) {
      // Activity since the last check: reset the countdown.
      this.lastCounter = this.counter;
      this.startOfInactivity = null;
      return false;
    }
    if (this.startOfInactivity === null) {
      // First check without activity: start counting.
      this.startOfInactivity = this.clock();
      return false;
    }
    return this.clock() - this.startOfInactivity > this.maxIdleTimeMs;
  }

  /** The countdown as plain data (without the idle flag its generator adds). */
  state(): Omit<IdlenessState, "isIdleNow"> {
    return {
      counter: this.counter,
      lastCounter: this.lastCounter,
      startOfInactivity: this.startOfInactivity,
    };
  }

  /** Continues from {@link state}. */
  restore(state: Omit<IdlenessState, "isIdleNow">): void {
    this.counter = state.counter;
    this.lastCounter = state.lastCounter;
    this.startOfInactivity = state.startOfInactivity;
  }
}

/** Flink's `WatermarksWithIdleness`: marks the output idle after `timeoutMs` without events. */
export class WatermarksWithIdleness implements WatermarkGenerator {
  readonly timer: IdlenessTimer;
  private isIdleNow = false;

  constructor(
    private readonly watermarks: WatermarkGenerator,
    timeoutMs: number,
    clock: () => number,
  ) {
    if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
      throw new RangeError(`idleTimeout must be greater than zero, got ${timeoutMs}`);
    }
    this.timer = new IdlenessTimer(clock, timeoutMs);
  }

  onEvent(timestamp: number, output: WatermarkOutput): void {
    this.watermarks.onEvent(timestamp, output);
    this.timer.activity();
    this.isIdleNow = false;
  }

  onPeriodicEmit(output: WatermarkOutput): void {
    if (this.timer.checkIfIdle()) {
      if (!this.isIdleNow) {
        output.markIdle();
        this.isIdleNow = true;
      }
    } else {
      this.watermarks.onPeriodicEmit(output);
    }
  }

  snapshot(): GeneratorState {
    return {
      maxTimestamp: this.watermarks.snapshot().maxTimestamp,
      idleness: { ...this.timer.state(), isIdleNow: this.isIdleNow },
    };
  }

  restore(state: GeneratorState): void {
    this.watermarks.restore({ maxTimestamp: state.maxTimestamp, idleness: null });
    if (state.idleness !== null) {
      this.timer.restore(state.idleness);
      this.isIdleNow = state.idleness.isIdleNow;
    }
  }
}
