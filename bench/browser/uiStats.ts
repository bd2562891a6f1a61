/** Statistics of the UI probe's raw samples (pure; tested in `uiStats.test.ts`). */

/**
 * The `p`-th percentile (0–100) by the nearest-rank method: the smallest sample with at least
 * p % of the samples at or below it. NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

/** The largest sample; 0 for none (nothing was late). */
export function worst(samples: readonly number[]): number {
  let max = 0;
  for (const sample of samples) if (sample > max) max = sample;
  return max;
}

/** Worst, p99 and median of latency samples, ms. */
export interface LatencyStats {
  readonly count: number;
  readonly worstMs: number;
  readonly p99Ms: number;
  readonly medianMs: number;
}

export function latencyStats(samples: readonly number[]): LatencyStats {
  return {
    count: samples.length,
    worstMs: worst(samples),
    p99Ms: percentile(samples, 99),
    medianMs: percentile(samples, 50),
  };
}

/** Frame rate from the gaps between animation frames. */
export interface FpsStats {
  readonly frames: number;
  /** Frames per second over the whole time. */
  readonly meanFps: number;
  /** 1000 / the median gap. */
  readonly medianFps: number;
  /** 1000 / the 95th-percentile gap: the rate the slowest 5 % of frames ran at. */
  readonly p5Fps: number;
  readonly longestFrameMs: number;
}

export function fpsStats(intervalsMs: readonly number[], elapsedMs: number): FpsStats {
  return {
    frames: intervalsMs.length,
    meanFps: elapsedMs > 0 ? intervalsMs.length / (elapsedMs / 1000) : Number.NaN,
    medianFps: 1000 / percentile(intervalsMs, 50),
    p5Fps: 1000 / percentile(intervalsMs, 95),
    longestFrameMs: worst(intervalsMs),
  };
}

/**
 * Total blocking time: the part of each long task beyond 50 ms (the time during which an input
 * would have waited longer than 50 ms), summed.
 */
export function totalBlockingMs(longTasksMs: readonly number[]): number {
  let total = 0;
  for (const duration of longTasksMs) total += Math.max(0, duration - 50);
  return total;
}
