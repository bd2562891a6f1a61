/**
 * Source partitions and idle periods of a generated stream. Users are spread over partitions
 * by a hash of the user, as a Kafka producer keyed by user would, so one user's events stay in
 * one partition and in order there (up to the disorder). Idle periods make sources go quiet,
 * which is what watermark idleness (Flink's `withIdleness`) exists for.
 */
import { mix32 } from "./prng.ts";

/** The layout knobs, as in `ClickstreamOptions`. */
export interface SourceLayoutOptions {
  /** Number of source partitions (≥ 1). */
  readonly partitions: number;
  /** Length of one idle cycle in event time; 0 = never idle. */
  readonly idleEveryMs: number;
  /** The last `idleForMs` of each cycle are quiet (0 < idleForMs < idleEveryMs). */
  readonly idleForMs: number;
}

/**
 * Where and when the stream is quiet. In the last `idleForMs` of every `idleEveryMs` of event
 * time one partition is quiet — the k-th cycle's is partition k mod P — and its users' open
 * sessions wait until it wakes. With a single partition the whole stream is quiet then, so the
 * events skip that stretch of event time: a gap in which only the clock moves.
 */
export class SourceLayout {
  readonly partitions: number;
  private readonly every: number;
  private readonly quiet: number;

  constructor(options: SourceLayoutOptions) {
    this.partitions = options.partitions;
    this.every = options.idleEveryMs;
    this.quiet = options.idleEveryMs === 0 ? 0 : options.idleForMs;
  }

  /** The source partition of user index `user`: a fixed hash, the same for every seed. */
  partitionOf(user: number): number {
    return this.partitions === 1 ? 0 : mix32(user ^ 0x2545f491) % this.partitions;
  }

  /**
   * Event-time offset of an event generated at `offset` ms of activity: unchanged, except that
   * a single partition skips its quiet stretches (offset counts active time only).
   */
  eventOffset(offset: number): number {
    if (this.quiet === 0 || this.partitions > 1) return offset;
    const active = this.every - this.quiet;
    return Math.floor(offset / active) * this.every + (offset % active);
  }

  /** The partition quiet at event-time offset `offset`, or -1 (never with a single partition: see {@link eventOffset}). */
  quietPartitionAt(offset: number): number {
    if (this.quiet === 0 || this.partitions === 1) return -1;
    if (offset % this.every < this.every - this.quiet) return -1;
    return Math.floor(offset / this.every) % this.partitions;
  }
}
