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
 */
import type { WatermarkGenerator as ValueWatermarkGenerator } from "../../engine/operator/index.ts";

/** Flink's `WatermarkOutput`: where a generator emits. */
export interface WatermarkOutput {
  emitWatermark(watermark: number): void;
  markIdle(): void;
  markActive(): void;
}

/** Flink's `WatermarkGenerator<T>` (the event itself is not needed here, only its timestamp). */
export interface WatermarkGenerator {
  onEvent(timestamp: number, output: WatermarkOutput): void;
  onPeriodicEmit(output: WatermarkOutput): void;
}

/** Adapts the engine's value-returning generator (e.g. `BoundedOutOfOrdernessWatermarks`). */
export function emittingGenerator(inner: ValueWatermarkGenerator): WatermarkGenerator {
  return {
    onEvent(timestamp) {
      inner.onEvent(timestamp);
    },
    onPeriodicEmit(output) {
      output.emitWatermark(inner.onPeriodicEmit());
    },
  };
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
}
