import { describe, expect, it } from "vitest";
import { WatermarkValve, type WatermarkStatus } from "../job/watermarkValve.ts";
import { SourceWatermarks, WatermarkStrategy, type SourceWatermarksTarget } from "./watermarkStrategy.ts";

/**
 * A downstream subtask's input: a valve over the source's partitions, logging what it emits
 * (combined watermarks and its own status changes), as a `StreamJob` would pass them on.
 */
function recorder(partitions = 1): {
  log: Array<number | WatermarkStatus>;
  valve: WatermarkValve;
  target: SourceWatermarksTarget;
} {
  const log: Array<number | WatermarkStatus> = [];
  const valve = new WatermarkValve(partitions);
  return {
    log,
    valve,
    target: {
      processWatermark: (w, p) => {
        const combined = valve.input(w, p);
        if (combined !== null) log.push(combined);
      },
      processWatermarkStatus: (s, p) => {
        const out = valve.inputWatermarkStatus(s, p);
        if (out.watermark !== null) log.push(out.watermark);
        if (out.status !== null) log.push(out.status);
      },
    },
  };
}

describe("SourceWatermarks (WatermarkStrategy per source partition)", () => {
  it("keeps a watermark per partition and emits the minimum across them", () => {
    const { log, valve, target } = recorder(2);
    const source = new SourceWatermarks(WatermarkStrategy.forBoundedOutOfOrderness(10), {
      partitions: 2,
      target,
    });
    source.onEvent(100, 0);
    expect(log).toEqual([]); // partition 1 has no watermark yet
    source.onEvent(50, 1);
    expect(log).toEqual([39]); // min(89, 39)
    source.onEvent(200, 1);
    expect(log).toEqual([39, 89]); // now partition 0 holds it back
    source.onEvent(90, 0); // does not advance partition 0
    expect(log).toEqual([39, 89]);
    expect(valve.snapshot().channels).toEqual([89, 189]);
  });

  it("monotonous timestamps trail the newest timestamp by 1 ms", () => {
    const { log, target } = recorder();
    const source = new SourceWatermarks(WatermarkStrategy.forMonotonousTimestamps(), { target });
    source.onEvent(5);
    source.onEvent(7);
    expect(log).toEqual([4, 6]);
  });

  it("an idle partition no longer holds the watermark back, and counts again once it produces", () => {
    const { log, valve, target } = recorder(2);
    const strategy = WatermarkStrategy.forBoundedOutOfOrderness(0).withIdleness(1000);
    const source = new SourceWatermarks(strategy, { partitions: 2, autoWatermarkIntervalMs: 200, target });
    source.onEvent(1000, 0);
    source.onEvent(500, 1);
    source.advanceProcessingTime(200);
    expect(log).toEqual([499]);
    // Partition 1 falls silent; partition 0 keeps producing.
    for (let t = 400; t <= 1400; t += 200) {
      source.onEvent(1000 + t, 0);
      source.advanceProcessingTime(t);
    }
    // The countdown started at t=400 (first round without events): 1400 − 400 = 1000, not > 1000.
    expect(source.isIdle(1)).toBe(false);
    expect(log).toEqual([499]);
    source.onEvent(2600, 0);
    source.advanceProcessingTime(1600);
    expect(source.isIdle(1)).toBe(true);
    expect(log).toEqual([499, 2599]); // partition 0's watermark alone
    expect(valve.status).toBe("active");
    // Partition 1 produces again: active on its next watermark, aligned once it caught up.
    source.onEvent(800, 1);
    source.advanceProcessingTime(1800);
    expect(source.isIdle(1)).toBe(false);
    expect(valve.statusOf(1)).toBe("active");
    expect(log).toEqual([499, 2599]); // 799 is behind the valve: not aligned, not holding back
    source.onEvent(2700, 0);
    source.onEvent(3000, 1);
    source.advanceProcessingTime(2000);
    expect(log).toEqual([499, 2599, 2699]); // aligned again: min(2699, 2999)
  });

  it("all partitions idle makes the source idle, flushing the largest watermark", () => {
    const { log, target } = recorder(2);
    const strategy = WatermarkStrategy.forBoundedOutOfOrderness(0).withIdleness(100);
    const source = new SourceWatermarks(strategy, { partitions: 2, autoWatermarkIntervalMs: 100, target });
    source.onEvent(50, 0);
    source.onEvent(80, 1);
    source.advanceProcessingTime(1000);
    expect(log).toEqual([49, 79, "idle"]);
    source.onEvent(90, 0);
    source.advanceProcessingTime(1100);
    expect(log).toEqual([49, 79, "idle", "active", 89]);
  });

  it("periodic emission is deterministic: the same clock steps give the same watermarks", () => {
    const run = (
      steps: readonly number[],
      split = false,
    ): { log: Array<number | WatermarkStatus>; idle: boolean } => {
      const { log, target } = recorder(3);
      const strategy = WatermarkStrategy.forBoundedOutOfOrderness(5).withIdleness(300);
      const source = new SourceWatermarks(strategy, {
        partitions: 3,
        autoWatermarkIntervalMs: 100,
        target,
      });
      let clock = 0;
      for (let i = 0; i < 60; i++) {
        // Partition 2 falls silent after record 20 (its records go to partition 1).
        source.onEvent(i * 37, i % 3 === 2 && i > 20 ? 1 : i % 3);
        const step = steps[i % steps.length] as number;
        if (split) source.advanceProcessingTime(clock + Math.floor(step / 3));
        clock += step;
        source.advanceProcessingTime(clock);
      }
      return { log, idle: source.isIdle(2) };
    };
    const a = run([30, 70, 150]);
    expect(run([30, 70, 150])).toEqual(a);
    expect(a.idle).toBe(true);
    // Once partition 2 is idle the watermark follows partitions 0 and 1: partition 0's last.
    expect(a.log.at(-1)).toBe(57 * 37 - 5 - 1);
    // The clock reaching a record's time in one step or in several emits the same.
    expect(run([30, 70, 150], true)).toEqual(a);
    // Watermarks only come on ticks: nothing before the clock reaches the first 100 ms.
    const { log, target } = recorder();
    const source = new SourceWatermarks(WatermarkStrategy.forMonotonousTimestamps(), {
      autoWatermarkIntervalMs: 100,
      target,
    });
    source.onEvent(10);
    source.advanceProcessingTime(99);
    expect(log).toEqual([]);
    source.onEvent(20);
    source.advanceProcessingTime(350); // ticks at 100, 200, 300: one watermark, then no advance
    expect(log).toEqual([19]);
    expect(source.currentProcessingTime).toBe(350);
  });

  it("rejects bad settings", () => {
    expect(() => WatermarkStrategy.forBoundedOutOfOrderness(-1)).toThrow(RangeError);
    expect(() => WatermarkStrategy.forMonotonousTimestamps().withIdleness(0)).toThrow(/greater than zero/);
    const strategy = WatermarkStrategy.forMonotonousTimestamps();
    const target = { processWatermark: () => undefined, processWatermarkStatus: () => undefined };
    expect(() => new SourceWatermarks(strategy, { autoWatermarkIntervalMs: 0, target })).toThrow(/interval/);
    expect(() => {
      new SourceWatermarks(strategy, { target }).onEvent(1, 1);
    }).toThrow(/outside 0\.\.0/);
    const source = new SourceWatermarks(strategy, { target });
    source.advanceProcessingTime(5);
    expect(() => {
      source.advanceProcessingTime(4);
    }).toThrow(/cannot go back/);
  });
});

describe("SourceWatermarks snapshots", () => {
  it("a source restored from a snapshot emits what the original goes on to emit", () => {
    const strategy = WatermarkStrategy.forBoundedOutOfOrderness(3).withIdleness(250);
    const feed = (source: SourceWatermarks, from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        // Partition 1 falls silent from record 10 to 30.
        const partition = i >= 10 && i < 30 ? 0 : i % 2;
        source.onEvent(i * 40, partition);
        source.advanceProcessingTime(i * 40);
      }
    };
    const straight = recorder(2);
    const original = new SourceWatermarks(strategy, {
      partitions: 2,
      autoWatermarkIntervalMs: 100,
      target: straight.target,
    });
    feed(original, 0, 25);
    const saved = structuredClone(original.snapshot());
    const valveSaved = straight.valve.snapshot();
    const logged = straight.log.length;
    feed(original, 25, 50);
    original.finish();

    const resumed = recorder(2);
    resumed.valve.restore(valveSaved);
    const copy = new SourceWatermarks(strategy, {
      partitions: 2,
      autoWatermarkIntervalMs: 100,
      target: resumed.target,
    });
    copy.restore(saved);
    // Taken while partition 1 was idle: the copy knows it.
    expect(saved.outputs[1]?.isIdle).toBe(true);
    expect(copy.isIdle(1)).toBe(true);
    feed(copy, 25, 50);
    copy.finish();
    expect(resumed.log).toEqual(straight.log.slice(logged));
    expect(straight.log.at(-1)).toBe(Number.POSITIVE_INFINITY);
  });
});
