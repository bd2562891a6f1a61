import { describe, expect, it } from "vitest";
import { createFrameBatcher } from "./frameBatcher.ts";

describe("createFrameBatcher", () => {
  it("applies only the latest value, once per frame", () => {
    const frames: (() => void)[] = [];
    const applied: number[] = [];
    const batcher = createFrameBatcher<number>(
      (v) => applied.push(v),
      (cb) => frames.push(cb),
    );
    batcher.push(1);
    batcher.push(2);
    batcher.push(3);
    expect(frames).toHaveLength(1);
    expect(applied).toEqual([]);
    frames.shift()?.();
    expect(applied).toEqual([3]);
    batcher.push(4);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(applied).toEqual([3, 4]);
  });

  it("flush applies a pending value at once and the frame then does nothing", () => {
    const frames: (() => void)[] = [];
    const applied: string[] = [];
    const batcher = createFrameBatcher<string>(
      (v) => applied.push(v),
      (cb) => frames.push(cb),
    );
    batcher.flush();
    expect(applied).toEqual([]);
    batcher.push("a");
    batcher.flush();
    expect(applied).toEqual(["a"]);
    frames.shift()?.();
    expect(applied).toEqual(["a"]);
  });
});
