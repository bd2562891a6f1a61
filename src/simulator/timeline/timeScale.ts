/**
 * The timeline's event-time axis: which instant each pixel shows, zooming around a point, panning,
 * and tick marks at round intervals. Pure (immutable values), so the canvas drawing and the
 * pointer handling agree and the mapping is unit-tested.
 */

/** The instant at the axis origin and the milliseconds one pixel spans. */
export interface TimeScale {
  /** Event time (epoch ms) at x = `originX`. */
  readonly start: number;
  readonly msPerPx: number;
  /** Canvas x where the axis starts (the lane labels are left of it). */
  readonly originX: number;
}

/** The least and most milliseconds a pixel can show (1 µs … 30 days). */
const MIN_MS_PER_PX = 0.001;
const MAX_MS_PER_PX = 30 * 86_400_000;

export function xOf(scale: TimeScale, time: number): number {
  return scale.originX + (time - scale.start) / scale.msPerPx;
}

export function timeAt(scale: TimeScale, x: number): number {
  return scale.start + (x - scale.originX) * scale.msPerPx;
}

/** The event-time range [from, to] visible in `width` pixels of canvas. */
export function visibleRange(scale: TimeScale, width: number): { from: number; to: number } {
  return { from: timeAt(scale, scale.originX), to: timeAt(scale, width) };
}

/** A scale showing [from, to] across the axis (with a margin of 4 % either side). */
export function fitScale(from: number, to: number, width: number, originX: number): TimeScale {
  const span = Math.max(to - from, 1);
  const usable = Math.max(width - originX, 1);
  const margin = span * 0.04;
  const msPerPx = clampMsPerPx((span + 2 * margin) / usable);
  return { start: from - margin, msPerPx, originX };
}

/** Zooms by `factor` (> 1 zooms out) keeping the instant under canvas x `anchorX` in place. */
export function zoomAt(scale: TimeScale, anchorX: number, factor: number): TimeScale {
  const anchor = timeAt(scale, anchorX);
  const msPerPx = clampMsPerPx(scale.msPerPx * factor);
  return { ...scale, msPerPx, start: anchor - (anchorX - scale.originX) * msPerPx };
}

/** Moves the view by `dx` pixels (dragging right shows earlier times). */
export function panBy(scale: TimeScale, dx: number): TimeScale {
  return { ...scale, start: scale.start - dx * scale.msPerPx };
}

function clampMsPerPx(value: number): number {
  return Math.min(MAX_MS_PER_PX, Math.max(MIN_MS_PER_PX, value));
}

/** Round tick intervals, smallest first. */
const TICK_STEPS: readonly number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
  600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
  172_800_000, 604_800_000, 2_592_000_000,
];

/** The smallest round interval whose ticks are at least `minPx` apart. */
export function tickStep(scale: TimeScale, minPx: number): number {
  const wanted = scale.msPerPx * minPx;
  return TICK_STEPS.find((step) => step >= wanted) ?? TICK_STEPS[TICK_STEPS.length - 1] ?? 1;
}

/** Tick instants (multiples of the step, in UTC) across the visible range. */
export function ticks(scale: TimeScale, width: number, minPx = 90): { step: number; times: number[] } {
  const step = tickStep(scale, minPx);
  const { from, to } = visibleRange(scale, width);
  const times: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to && times.length < 1000; t += step) times.push(t);
  return { step, times };
}
