/**
 * The metrics series as the Metrics tab plots it: one x axis (input items processed) and one column
 * per plotted measure, in uPlot's aligned-columns shape. Pure.
 */
import type { MetricsSample, MetricsSeries } from "../../runtime/session/index.ts";

/** A measure the tab plots. */
export interface Measure {
  readonly id: "eventsPerSecond" | "partialMatches" | "stateBytes" | "watermarkLag";
  readonly label: string;
  readonly unit: string;
  readonly color: string;
}

export const MEASURES: readonly Measure[] = [
  { id: "eventsPerSecond", label: "Events per second", unit: "events/s", color: "#2f6fde" },
  { id: "partialMatches", label: "Live partial matches", unit: "partial matches", color: "#7b5cd6" },
  { id: "stateBytes", label: "Keyed NFA state (estimated)", unit: "bytes", color: "#0f8b8d" },
  {
    id: "watermarkLag",
    label: "Watermark lag (newest event time − watermark)",
    unit: "ms",
    color: "#b26a00",
  },
];

/** x (input items processed) and each measure's values; null where a sample has none. */
export interface ChartColumns {
  readonly x: readonly number[];
  readonly values: Readonly<Record<Measure["id"], readonly (number | null)[]>>;
}

/**
 * The samples of the current pass over the input — a seek backward starts a new pass, and uPlot
 * needs an ascending x, so only the samples after the last step back are plotted — as columns.
 */
export function chartColumns(series: MetricsSeries): ChartColumns {
  const samples = currentPass(series.samples);
  const column = (read: (s: MetricsSample) => number | null) => samples.map(read);
  return {
    x: samples.map((s) => s.position),
    values: {
      eventsPerSecond: column((s) => s.eventsPerSecond),
      partialMatches: column((s) => s.partialMatches),
      stateBytes: column((s) => s.stateBytes),
      watermarkLag: column((s) => s.watermarkLag),
    },
  };
}

function currentPass(samples: readonly MetricsSample[]): readonly MetricsSample[] {
  let start = 0;
  for (let i = 1; i < samples.length; i++) {
    const previous = samples[i - 1];
    const sample = samples[i];
    if (previous !== undefined && sample !== undefined && sample.position < previous.position) start = i;
  }
  return start === 0 ? samples : samples.slice(start);
}

/** The newest value of a measure (for the readout beside its plot), or null. */
export function latestValue(columns: ChartColumns, id: Measure["id"]): number | null {
  const values = columns.values[id];
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}
