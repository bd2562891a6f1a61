import { describe, expect, it } from "vitest";
import { WatermarkValve } from "./watermarkValve.ts";

describe("WatermarkValve (StatusWatermarkValve, active partitions)", () => {
  it("emits the minimum over partitions, only when it advances", () => {
    const valve = new WatermarkValve(3);
    expect(valve.input(10, 0)).toBeNull();
    expect(valve.input(5, 1)).toBeNull();
    expect(valve.input(7, 2)).toBe(5);
    expect(valve.input(4, 1)).toBeNull(); // a channel never goes back
    expect(valve.input(20, 1)).toBe(7);
    expect(valve.input(30, 2)).toBe(10);
    expect(valve.current).toBe(10);
  });

  it("passes a single partition's watermarks straight through", () => {
    const valve = new WatermarkValve();
    expect(valve.input(1)).toBe(1);
    expect(valve.input(1)).toBeNull();
    expect(valve.input(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects an unknown partition and a bad partition count", () => {
    expect(() => new WatermarkValve(2).input(1, 2)).toThrow(/outside 0\.\.1/);
    expect(() => new WatermarkValve(0)).toThrow(RangeError);
  });
});

describe("WatermarkValve idleness (StatusWatermarkValve)", () => {
  it("leaves an idle partition out of the minimum and ignores its watermarks", () => {
    const valve = new WatermarkValve(3);
    valve.input(10, 0);
    valve.input(5, 1);
    expect(valve.input(7, 2)).toBe(5);
    expect(valve.inputWatermarkStatus("idle", 1)).toEqual({ watermark: 7, status: null });
    expect(valve.input(50, 1)).toBeNull(); // idle: ignored
    expect(valve.snapshot().channels[1]).toBe(5);
    expect(valve.input(12, 2)).toBe(10);
  });

  it("realigns a partition that turns active only once it caught up", () => {
    const valve = new WatermarkValve(2);
    valve.input(10, 0);
    valve.input(20, 1);
    valve.inputWatermarkStatus("idle", 0);
    expect(valve.current).toBe(20);
    expect(valve.inputWatermarkStatus("active", 0)).toEqual({ watermark: null, status: null });
    expect(valve.input(15, 0)).toBeNull(); // behind 20: not aligned, does not pull the minimum back
    expect(valve.input(30, 1)).toBe(30);
    expect(valve.input(25, 0)).toBeNull(); // still behind 30
    expect(valve.input(40, 0)).toBeNull(); // aligned now; min(40, 30) = 30, no advance
    expect(valve.input(50, 1)).toBe(40);
  });

  it("goes idle with its last partition, flushing the largest watermark, and active again", () => {
    const valve = new WatermarkValve(2);
    valve.input(10, 0);
    valve.input(20, 1);
    expect(valve.inputWatermarkStatus("idle", 1)).toEqual({ watermark: null, status: null });
    expect(valve.inputWatermarkStatus("idle", 0)).toEqual({ watermark: 20, status: "idle" });
    expect(valve.status).toBe("idle");
    expect(valve.inputWatermarkStatus("idle", 0)).toEqual({ watermark: null, status: null });
    expect(valve.inputWatermarkStatus("active", 1)).toEqual({ watermark: null, status: "active" });
    expect(valve.input(25, 1)).toBe(25);
  });

  it("restores statuses, and snapshots taken before idleness existed", () => {
    const valve = new WatermarkValve(2);
    valve.input(3, 0);
    valve.inputWatermarkStatus("idle", 1);
    const copy = new WatermarkValve(2);
    copy.restore(valve.snapshot());
    expect(copy.statusOf(1)).toBe("idle");
    expect(copy.input(4, 0)).toBe(4);
    const old = new WatermarkValve(2);
    old.restore({ channels: [1, 2], combined: 1 });
    expect(old.statusOf(0)).toBe("active");
    expect(old.input(5, 0)).toBe(2);
  });
});
