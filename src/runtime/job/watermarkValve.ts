/**
 * The watermark of an operator with several input channels — a port of Flink's
 * `StatusWatermarkValve` (flink-streaming-java, `runtime/watermarkstatus`): each channel (here:
 * each source partition) keeps the largest watermark it sent and its `WatermarkStatus`
 * (active or idle), and the operator's watermark is the minimum over the *aligned* channels,
 * emitted only when it advances. After a `keyBy` every subtask reads from every source
 * partition, so all subtasks share this minimum.
 *
 * Idleness, as Flink: an idle channel leaves the minimum (it is unaligned), and its watermarks
 * are ignored until it turns active again; a channel that turns active counts again only once its
 * watermark caught up with the valve's (aligned). When every channel is idle the valve is idle and
 * flushes the largest channel watermark. Flink keeps aligned channels in a heap; a linear scan
 * over a handful of partitions gives the same minimum.
 */

/** Flink's `WatermarkStatus`. */
export type WatermarkStatus = "active" | "idle";

/** What one input to the valve made it emit (Flink's `DataOutput.emitWatermark` / `emitWatermarkStatus`). */
export interface ValveOutput {
  /** The new combined watermark, or null when it did not advance. */
  readonly watermark: number | null;
  /** The valve's new status, or null when it did not change. */
  readonly status: WatermarkStatus | null;
}

/** Tracks per-partition watermarks and statuses and yields the combined watermark. */
export class WatermarkValve {
  private channels: number[];
  private statuses: WatermarkStatus[];
  private aligned: boolean[];
  private combined = Number.NEGATIVE_INFINITY;
  private valveStatus: WatermarkStatus = "active";

  constructor(readonly partitions = 1) {
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new RangeError(`source partitions must be a whole number ≥ 1, got ${partitions}`);
    }
    this.channels = new Array<number>(partitions).fill(Number.NEGATIVE_INFINITY);
    this.statuses = new Array<WatermarkStatus>(partitions).fill("active");
    this.aligned = new Array<boolean>(partitions).fill(true);
  }

  /** The combined watermark so far (−∞ before every active partition sent one). */
  get current(): number {
    return this.combined;
  }

  /** The valve's status: idle once every partition is idle. */
  get status(): WatermarkStatus {
    return this.valveStatus;
  }

  /** A partition's status. */
  statusOf(partition: number): WatermarkStatus {
    this.check(partition);
    return this.statuses[partition] as WatermarkStatus;
  }

  /**
   * `inputWatermark`: records `watermark` for `partition` (ignored unless it advances that
   * channel, or while the channel or the whole valve is idle); returns the new combined
   * watermark when it advanced, else null.
   */
  input(watermark: number, partition = 0): number | null {
    this.check(partition);
    if (this.valveStatus !== "active" || this.statuses[partition] !== "active") return null;
    if (!(watermark > (this.channels[partition] as number))) return null;
    this.channels[partition] = watermark;
    // A channel that turned active with a watermark behind the valve's counts once it caught up.
    if (!this.aligned[partition] && watermark >= this.combined) this.aligned[partition] = true;
    return this.newMinAcrossAligned();
  }

  /**
   * `inputWatermarkStatus`: a partition turns idle or active. Only a change counts. Returns what
   * the valve emits: a watermark (an idle partition no longer holds the minimum back; the last
   * one turning idle flushes the largest watermark) and/or its own status change.
   */
  inputWatermarkStatus(status: WatermarkStatus, partition = 0): ValveOutput {
    this.check(partition);
    const current = this.statuses[partition] as WatermarkStatus;
    const own = this.channels[partition] as number;
    if (status === "idle" && current === "active") {
      this.statuses[partition] = "idle";
      this.aligned[partition] = false;
      if (!this.statuses.includes("active")) {
        // No channel will advance any more: flush, i.e. emit the largest watermark. Earlier
        // idle toggles already advanced the minimum, so only needed if this channel held it.
        const watermark = own === this.combined ? this.newMaxAcrossAll() : null;
        this.valveStatus = "idle";
        return { watermark, status: "idle" };
      }
      const watermark = own === this.combined ? this.newMinAcrossAligned() : null;
      return { watermark, status: null };
    }
    if (status === "active" && current === "idle") {
      this.statuses[partition] = "active";
      if (own >= this.combined) this.aligned[partition] = true;
      if (this.valveStatus === "idle") {
        this.valveStatus = "active";
        return { watermark: null, status: "active" };
      }
    }
    return { watermark: null, status: null };
  }

  /** The valve's state as plain data. */
  snapshot(): WatermarkValveSnapshot {
    return {
      channels: this.channels.slice(),
      combined: this.combined,
      statuses: this.statuses.slice(),
      aligned: this.aligned.slice(),
      status: this.valveStatus,
    };
  }

  /** Continues from `saved` (taken from a valve with as many partitions; statuses default to active). */
  restore(saved: WatermarkValveSnapshot): void {
    if (saved.channels.length !== this.partitions) {
      throw new RangeError(
        `the snapshot has ${saved.channels.length} source partitions, the job ${this.partitions}`,
      );
    }
    this.channels = saved.channels.slice();
    this.combined = saved.combined;
    this.statuses = saved.statuses?.slice() ?? new Array<WatermarkStatus>(this.partitions).fill("active");
    this.aligned = saved.aligned?.slice() ?? new Array<boolean>(this.partitions).fill(true);
    this.valveStatus = saved.status ?? "active";
  }

  private check(partition: number): void {
    if (!Number.isInteger(partition) || partition < 0 || partition >= this.partitions) {
      throw new RangeError(`partition ${partition} is outside 0..${this.partitions - 1}`);
    }
  }

  /** `findAndOutputNewMinWatermarkAcrossAlignedSubpartitions`. */
  private newMinAcrossAligned(): number | null {
    let min = Number.POSITIVE_INFINITY;
    let any = false;
    for (let i = 0; i < this.partitions; i++) {
      if (!this.aligned[i]) continue;
      any = true;
      const w = this.channels[i] as number;
      if (w < min) min = w;
    }
    if (!any || !(min > this.combined)) return null;
    this.combined = min;
    return min;
  }

  /** `findAndOutputMaxWatermarkAcrossAllSubpartitions`. */
  private newMaxAcrossAll(): number | null {
    let max = Number.NEGATIVE_INFINITY;
    for (const w of this.channels) if (w > max) max = w;
    if (!(max > this.combined)) return null;
    this.combined = max;
    return max;
  }
}

/** A {@link WatermarkValve}'s state (status fields absent in snapshots from before idleness). */
export interface WatermarkValveSnapshot {
  readonly channels: readonly number[];
  readonly combined: number;
  readonly statuses?: readonly WatermarkStatus[];
  readonly aligned?: readonly boolean[];
  readonly status?: WatermarkStatus;
}
