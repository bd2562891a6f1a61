/**
 * Port of Flink's `BoundedOutOfOrdernessWatermarks` (flink-core
 * `api/common/eventtime/BoundedOutOfOrdernessWatermarks.java`), the generator behind
 * `WatermarkStrategy.forBoundedOutOfOrderness(delay)`.
 *
 * Flink emits `maxTimestamp − delay − 1` periodically (every 200 ms of wall time by default);
 * a simulation has no wall time, so callers ask after every event. The `− 1` makes an event
 * exactly `delay` behind the newest one still on time.
 */

/** Flink's `WatermarkGenerator`, reduced to what a simulation needs. */
export interface WatermarkGenerator {
  /** `onEvent`: sees every event's timestamp. */
  onEvent(timestamp: number): void;
  /** `onPeriodicEmit`: the watermark to emit now (−∞ before the first event). */
  onPeriodicEmit(): number;
}

/** Bounded out-of-orderness: the watermark trails the largest timestamp seen by `delay` + 1 ms. */
export class BoundedOutOfOrdernessWatermarks implements WatermarkGenerator {
  /** Flink starts at `Long.MIN_VALUE + delay + 1`, so its first watermark is `Long.MIN_VALUE`. */
  private maxTimestamp = Number.NEGATIVE_INFINITY;

  constructor(readonly outOfOrdernessMillis: number) {
    if (!Number.isInteger(outOfOrdernessMillis) || outOfOrdernessMillis < 0) {
      throw new RangeError(
        `out-of-orderness must be a non-negative whole number of ms, got ${outOfOrdernessMillis}`,
      );
    }
  }

  onEvent(timestamp: number): void {
    if (timestamp > this.maxTimestamp) this.maxTimestamp = timestamp;
  }

  onPeriodicEmit(): number {
    return this.maxTimestamp - this.outOfOrdernessMillis - 1;
  }

  /** The largest timestamp seen (−∞ before the first event): a source's checkpointed state. */
  get currentMaxTimestamp(): number {
    return this.maxTimestamp;
  }

  /** Continues from a checkpointed {@link currentMaxTimestamp}. */
  restoreMaxTimestamp(maxTimestamp: number): void {
    this.maxTimestamp = maxTimestamp;
  }
}
