import { describe, expect, it } from "vitest";
import { WatermarkValve } from "./watermarkValve.ts";

describe("WatermarkValve (StatusWatermarkValve without idleness)", () => {
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
