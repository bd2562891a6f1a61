import { describe, expect, it } from "vitest";
import type { MetricsSample } from "../../runtime/session/index.ts";
import { chartColumns, latestValue } from "./metricsData.ts";

function sample(position: number, partialMatches: number, watermarkLag: number | null = null): MetricsSample {
  return {
    at: position * 10,
    position,
    events: position,
    eventsPerSecond: position === 0 ? null : 1000,
    partialMatches,
    stateBytes: partialMatches * 400,
    keysWithState: partialMatches,
    watermark: null,
    watermarkLag,
    late: 0,
  };
}

const series = (samples: MetricsSample[]) => ({ intervalMs: 50, samples, stateBytesMethod: "estimate" });

describe("chartColumns", () => {
  it("puts each measure in a column against the input position", () => {
    const columns = chartColumns(series([sample(0, 0), sample(5, 2, 100), sample(9, 3, 50)]));
    expect(columns.x).toEqual([0, 5, 9]);
    expect(columns.values.partialMatches).toEqual([0, 2, 3]);
    expect(columns.values.stateBytes).toEqual([0, 800, 1200]);
    expect(columns.values.eventsPerSecond).toEqual([null, 1000, 1000]);
    expect(columns.values.watermarkLag).toEqual([null, 100, 50]);
  });

  it("plots only the pass after a seek backward, so x stays ascending", () => {
    const columns = chartColumns(series([sample(0, 0), sample(50, 4), sample(10, 1), sample(20, 2)]));
    expect(columns.x).toEqual([10, 20]);
  });

  it("reads the newest known value of a measure", () => {
    const columns = chartColumns(series([sample(1, 1, 30), sample(2, 2, null)]));
    expect(latestValue(columns, "watermarkLag")).toBe(30);
    expect(latestValue(chartColumns(series([])), "partialMatches")).toBeNull();
  });
});
