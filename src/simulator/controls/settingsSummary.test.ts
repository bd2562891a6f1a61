import { describe, expect, it } from "vitest";
import { DEFAULT_RUN_SETTINGS } from "../controller/runSettings.ts";
import { settingsSummary, watermarkSummary } from "./settingsSummary.ts";

describe("settingsSummary", () => {
  it("names the out-of-orderness and the parallelism, and nothing else at the defaults", () => {
    expect(settingsSummary(DEFAULT_RUN_SETTINGS, true)).toBe("0 ms behind · 1 subtask");
    expect(settingsSummary(DEFAULT_RUN_SETTINGS, false)).toBe("1 subtask");
  });

  it("names the max parallelism, key type and final watermark only when not the default", () => {
    const changed = {
      ...DEFAULT_RUN_SETTINGS,
      parallelism: 4,
      maxParallelism: 4096,
      keyType: "Long",
      finalWatermark: false,
    } as const;
    expect(settingsSummary(changed, true)).toBe(
      "0 ms behind · no final watermark · 4 subtasks · 4 096 key groups · Long keys",
    );
    // The final watermark is an event-time setting: processing time does not mention it.
    expect(settingsSummary(changed, false)).toBe("4 subtasks · 4 096 key groups · Long keys");
  });

  it("names a partial-match cap other than the default, in the singular for one", () => {
    expect(settingsSummary({ ...DEFAULT_RUN_SETTINGS, maxPartialMatches: 2500 }, false)).toBe(
      "1 subtask · ≤ 2 500 partial matches per key",
    );
    expect(settingsSummary({ ...DEFAULT_RUN_SETTINGS, maxPartialMatches: 1 }, false)).toBe(
      "1 subtask · ≤ 1 partial match per key",
    );
    expect(settingsSummary({ ...DEFAULT_RUN_SETTINGS, maxPartialMatches: 10_000 }, false)).toBe("1 subtask");
  });
});

describe("watermarkSummary", () => {
  it("says when the end of input is no final watermark", () => {
    expect(watermarkSummary(DEFAULT_RUN_SETTINGS)).toBe("0 ms behind · every event");
    expect(
      watermarkSummary({ ...DEFAULT_RUN_SETTINGS, watermarkIntervalMs: 200, finalWatermark: false }),
    ).toBe("0 ms behind · every 200 ms · no final watermark");
  });
});
