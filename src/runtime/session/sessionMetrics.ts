/**
 * A session's metrics over time and its stage counts, both from one {@link scanState} pass.
 *
 * Cost bound: a pass is O(live partial matches). It runs only when the run moved since the last
 * one (an input item, or the end of input: its final watermark gets a sample of its own at the
 * last position), and while playing at most once per {@link METRICS_INTERVAL_MS} (the worker's summary
 * interval) and never more often than keeps passes under {@link SCAN_SHARE} of the time: a pass
 * that took C ms waits at least C / SCAN_SHARE ms for the next. Paused runs (a step, a seek)
 * always get a fresh pass. Samples are kept up to {@link MAX_SAMPLES}; beyond, every other one is
 * dropped and the sampling stride doubles, so a long run keeps its whole history at a coarser grain.
 */
import type { StreamJob } from "../job/index.ts";
import type { MetricsSample, MetricsSeries } from "./queryTypes.ts";
import { scanState, STATE_BYTES_METHOD, type StateScan } from "./stateScan.ts";

/** Least host time between two passes while playing (the worker's summary interval). */
export const METRICS_INTERVAL_MS = 50;
/** Most samples kept. */
export const MAX_SAMPLES = 1000;
/** Most share of the run's time the passes may take. */
const SCAN_SHARE = 0.1;

/** What a sample reads from the run besides the state pass. */
export interface RunReading {
  readonly items: number;
  /** Whether the end of input was processed (the final watermark moves state without an item). */
  readonly ended: boolean;
  readonly events: number;
  readonly eventsPerSecond: number | null;
  readonly watermark: number;
  readonly maxEventTime: number;
  readonly eventTime: boolean;
  readonly late: number;
}

/** See the module comment. */
export class SessionMetrics {
  private samples: MetricsSample[] = [];
  private stride = 1;
  private sinceSample = 0;
  private scan: StateScan | null = null;
  private scannedAt = -1;
  private scannedEnded = false;
  private lastPass = Number.NEGATIVE_INFINITY;
  private lastCost = 0;

  constructor(private readonly clock: (() => number) | undefined) {}

  /** Forgets everything (a new run from the start). */
  reset(): void {
    this.samples = [];
    this.stride = 1;
    this.sinceSample = 0;
    this.scan = null;
    this.scannedAt = -1;
    this.scannedEnded = false;
    this.lastPass = Number.NEGATIVE_INFINITY;
  }

  /** The latest pass over `job`, refreshed (and sampled) when due; see the module comment. */
  refresh(job: StreamJob, reading: RunReading, playing: boolean): StateScan {
    const clock = this.clock;
    const now = clock?.() ?? null;
    const moved = reading.items !== this.scannedAt || reading.ended !== this.scannedEnded;
    const due =
      this.scan === null ||
      (moved &&
        (!playing ||
          now === null ||
          now - this.lastPass >= Math.max(METRICS_INTERVAL_MS, this.lastCost / SCAN_SHARE)));
    if (!due && this.scan !== null) return this.scan;
    const scan = scanState(job);
    if (now !== null && clock !== undefined) {
      this.lastCost = clock() - now;
      this.lastPass = now;
    }
    this.scan = scan;
    this.scannedAt = reading.items;
    this.scannedEnded = reading.ended;
    this.record(scan, reading, now);
    return scan;
  }

  series(): MetricsSeries {
    return {
      intervalMs: METRICS_INTERVAL_MS * this.stride,
      samples: this.samples.slice(),
      stateBytesMethod: STATE_BYTES_METHOD,
    };
  }

  private record(scan: StateScan, reading: RunReading, now: number | null): void {
    if (++this.sinceSample < this.stride && this.samples.length > 0) return;
    this.sinceSample = 0;
    const { watermark, maxEventTime } = reading;
    const finite = Number.isFinite(watermark);
    const known = watermark !== Number.NEGATIVE_INFINITY;
    this.samples.push({
      at: now,
      position: reading.items,
      events: reading.events,
      eventsPerSecond: reading.eventsPerSecond,
      partialMatches: scan.partialMatches,
      stateBytes: scan.stateBytes,
      keysWithState: scan.keysWithState,
      watermark: known ? watermark : null,
      watermarkLag:
        reading.eventTime && finite && Number.isFinite(maxEventTime) ? maxEventTime - watermark : null,
      late: reading.late,
    });
    if (this.samples.length > MAX_SAMPLES) {
      this.samples = this.samples.filter((_, i) => i % 2 === 1);
      this.stride *= 2;
    }
  }
}
