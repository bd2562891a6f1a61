import { describe, expect, it } from "vitest";
import {
  fitScale,
  panBy,
  tickStep,
  ticks,
  timeAt,
  visibleRange,
  xOf,
  zoomAt,
  type TimeScale,
} from "./timeScale.ts";

const scale: TimeScale = { start: 1000, msPerPx: 10, originX: 100 };

describe("time scale", () => {
  it("maps instants to x and back", () => {
    expect(xOf(scale, 1000)).toBe(100);
    expect(xOf(scale, 2000)).toBe(200);
    expect(timeAt(scale, 200)).toBe(2000);
    expect(visibleRange(scale, 600)).toEqual({ from: 1000, to: 6000 });
  });

  it("fits a range with a margin either side", () => {
    const fitted = fitScale(0, 1000, 1100, 100);
    expect(xOf(fitted, 0)).toBeGreaterThan(100);
    expect(xOf(fitted, 1000)).toBeLessThan(1100);
    expect(xOf(fitted, 500)).toBeCloseTo(600, 5);
  });

  it("fits a single instant without dividing by zero", () => {
    const fitted = fitScale(5000, 5000, 500, 0);
    expect(Number.isFinite(fitted.msPerPx)).toBe(true);
    expect(xOf(fitted, 5000)).toBeGreaterThan(0);
  });

  it("zooms around the anchor, keeping the instant under it in place", () => {
    const anchor = 350;
    const before = timeAt(scale, anchor);
    const zoomed = zoomAt(scale, anchor, 0.5);
    expect(zoomed.msPerPx).toBe(5);
    expect(timeAt(zoomed, anchor)).toBeCloseTo(before, 9);
  });

  it("clamps zoom to sane limits", () => {
    expect(zoomAt(scale, 100, 1e-12).msPerPx).toBe(0.001);
    expect(zoomAt(scale, 100, 1e15).msPerPx).toBe(30 * 86_400_000);
  });

  it("pans: dragging right shows earlier times", () => {
    expect(panBy(scale, 50).start).toBe(500);
    expect(panBy(scale, -50).start).toBe(1500);
  });

  it("puts ticks at round multiples at least the minimum spacing apart", () => {
    expect(tickStep(scale, 90)).toBe(1000);
    const { step, times } = ticks(scale, 600, 90);
    expect(step).toBe(1000);
    expect(times).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
    const minutes = { start: Date.UTC(2020, 0, 1), msPerPx: 2000, originX: 0 };
    expect(tickStep(minutes, 90)).toBe(300_000);
  });
});
