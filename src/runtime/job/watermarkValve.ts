/**
 * The watermark of an operator with several input channels — a reduced port of Flink's
 * `StatusWatermarkValve` (flink-streaming-java, `runtime/watermarkstatus`): each channel (here:
 * each source partition) keeps the largest watermark it sent, and the operator's watermark is
 * the minimum over the channels, emitted only when it advances. After a `keyBy` every subtask
 * reads from every source partition, so all subtasks share this minimum.
 *
 * Not ported yet: idle channels (`WatermarkStatus.IDLE`), which Flink leaves out of the minimum.
 */

/** Tracks per-partition watermarks and yields the combined one. */
export class WatermarkValve {
  private channels: number[];
  private combined = Number.NEGATIVE_INFINITY;

  constructor(readonly partitions = 1) {
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new RangeError(`source partitions must be a whole number ≥ 1, got ${partitions}`);
    }
    this.channels = new Array<number>(partitions).fill(Number.NEGATIVE_INFINITY);
  }

  /** The combined watermark so far (−∞ before every partition sent one). */
  get current(): number {
    return this.combined;
  }

  /**
   * `inputWatermark`: records `watermark` for `partition` (ignored unless it advances that
   * channel); returns the new combined watermark when it advanced, else null.
   */
  input(watermark: number, partition = 0): number | null {
    const last = this.channels[partition];
    if (last === undefined) {
      throw new RangeError(`partition ${partition} is outside 0..${this.partitions - 1}`);
    }
    if (!(watermark > last)) return null;
    this.channels[partition] = watermark;
    let min = Number.POSITIVE_INFINITY;
    for (const w of this.channels) if (w < min) min = w;
    if (!(min > this.combined)) return null;
    this.combined = min;
    return min;
  }

  /** The valve's state as plain data (per-partition watermarks and the combined one). */
  snapshot(): WatermarkValveSnapshot {
    return { channels: this.channels.slice(), combined: this.combined };
  }

  /** Continues from `saved` (taken from a valve with as many partitions). */
  restore(saved: WatermarkValveSnapshot): void {
    if (saved.channels.length !== this.partitions) {
      throw new RangeError(
        `the snapshot has ${saved.channels.length} source partitions, the job ${this.partitions}`,
      );
    }
    this.channels = saved.channels.slice();
    this.combined = saved.combined;
  }
}

/** A {@link WatermarkValve}'s state. */
export interface WatermarkValveSnapshot {
  readonly channels: readonly number[];
  readonly combined: number;
}
