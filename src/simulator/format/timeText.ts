/**
 * How the simulator writes times and counts: event-time instants in UTC (the seed data and
 * REES46 are UTC), durations in the largest fitting unit, numbers with thin grouping. Pure.
 */

/** `2020-01-01 00:01:03.000`, `−∞ (no watermark yet)`, `+∞ (end of input)`. */
export function instantText(ms: number | null): string {
  if (ms === null || ms === Number.NEGATIVE_INFINITY) return "−∞ (none yet)";
  if (ms === Number.POSITIVE_INFINITY) return "+∞ (end of input)";
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** The time of day part only (`00:01:03.000`), for axis labels close together. */
export function clockText(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  return date.toISOString().slice(11, 23);
}

const UNITS: readonly [number, string][] = [
  [86_400_000, "d"],
  [3_600_000, "h"],
  [60_000, "min"],
  [1_000, "s"],
  [1, "ms"],
];

/** `5 min`, `1.5 s`, `250 ms`, `0 ms`. */
export function durationText(ms: number): string {
  const abs = Math.abs(ms);
  for (const [size, unit] of UNITS) {
    if (abs >= size || size === 1) {
      const value = ms / size;
      const rounded = Number.isInteger(value) ? value : Number(value.toFixed(value >= 10 ? 0 : 1));
      return `${rounded} ${unit}`;
    }
  }
  return `${ms} ms`;
}

/** `1 234 567`: grouped by spaces, read the same in every locale. */
export function countText(n: number): string {
  return n.toLocaleString("en-US").replaceAll(",", " ");
}

/** `1 match`, `3 matches`. */
export function plural(n: number, one: string, many: string): string {
  return `${countText(n)} ${n === 1 ? one : many}`;
}
