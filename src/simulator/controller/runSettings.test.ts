import { describe, expect, it } from "vitest";
import { DEFAULT_RUN_SETTINGS, runConfigOf, SPEED_STEPS, speedLabel, speedStepIndex } from "./runSettings.ts";

const mapping = { key: "userId", time: "eventTime", type: "eventType" };

describe("runConfigOf", () => {
  it("runs in event time with bounded out-of-orderness and a final watermark", () => {
    const config = runConfigOf({ ...DEFAULT_RUN_SETTINGS, outOfOrdernessMs: 5000, parallelism: 4 }, mapping);
    expect(config).toEqual({
      key: "userId",
      time: {
        field: "eventTime",
        watermarks: { type: "bounded", delay: 5000, intervalMs: null, idleTimeoutMs: null },
        finalWatermark: true,
        partitions: 1,
        partitionField: null,
      },
      clock: null,
      parallelism: 4,
    });
  });

  it("passes the watermark interval, idleness and source partitions on", () => {
    const config = runConfigOf(
      { ...DEFAULT_RUN_SETTINGS, watermarkIntervalMs: 200, idleTimeoutMs: 60_000 },
      mapping,
      { count: 4, field: "partition" },
    );
    expect(config.time).toMatchObject({
      watermarks: { type: "bounded", delay: 0, intervalMs: 200, idleTimeoutMs: 60_000 },
      partitions: 4,
      partitionField: "partition",
    });
  });

  it("uses the time field as the processing-time clock", () => {
    const config = runConfigOf({ ...DEFAULT_RUN_SETTINGS, timeMode: "processing" }, mapping);
    expect(config.time).toBeNull();
    expect(config.clock).toBe("eventTime");
  });

  it("falls back to arrival order when the data has no time field", () => {
    const config = runConfigOf(DEFAULT_RUN_SETTINGS, { ...mapping, time: null });
    expect(config.time).toBeNull();
    expect(config.clock).toBeNull();
  });
});

describe("speed steps", () => {
  it("finds the nearest step and ends with as fast as possible", () => {
    expect(SPEED_STEPS.at(-1)).toBeNull();
    expect(speedStepIndex(null)).toBe(SPEED_STEPS.length - 1);
    expect(SPEED_STEPS[speedStepIndex(2)]).toBe(2);
    expect(SPEED_STEPS[speedStepIndex(900)]).toBe(1000);
    expect(SPEED_STEPS[speedStepIndex(0.6)]).toBe(0.5);
  });

  it("says the speed in words", () => {
    expect(speedLabel(1)).toBe("1 event/s");
    expect(speedLabel(10000)).toBe("10 000 events/s");
    expect(speedLabel(null)).toBe("as fast as possible");
  });
});
