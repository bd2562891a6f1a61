import { describe, expect, it } from "vitest";
import { fpsStats, latencyStats, percentile, totalBlockingMs, worst } from "./uiStats.ts";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted order

  it("picks the smallest sample with p % at or below it", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([7, 3, 5], 50)).toBe(5);
  });

  it("is NaN without samples and leaves its input unsorted", () => {
    expect(percentile([], 50)).toBeNaN();
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe("latency and frame statistics", () => {
  it("reports worst, p99 and median", () => {
    const samples = [...Array.from({ length: 99 }, () => 4), 120];
    expect(latencyStats(samples)).toEqual({ count: 100, worstMs: 120, p99Ms: 4, medianMs: 4 });
    expect(worst([])).toBe(0);
  });

  it("turns frame gaps into median and p5 frame rates", () => {
    // 95 frames at 60 Hz and 5 slow ones of 50 ms over 95 × 16.67 + 250 ms.
    const gaps = [...Array.from({ length: 95 }, () => 1000 / 60), 50, 50, 50, 50, 50];
    const stats = fpsStats(gaps, 95 * (1000 / 60) + 250);
    expect(stats.frames).toBe(100);
    expect(stats.medianFps).toBeCloseTo(60, 6);
    expect(stats.p5Fps).toBeCloseTo(60, 6);
    expect(stats.longestFrameMs).toBe(50);
    expect(stats.meanFps).toBeCloseTo(100 / 1.8333, 2);
    const slow = fpsStats([...gaps, 50], 2000);
    expect(slow.p5Fps).toBe(20);
  });

  it("sums the blocking part of long tasks", () => {
    expect(totalBlockingMs([30, 60, 250])).toBe(210);
  });
});
