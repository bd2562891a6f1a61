import { describe, expect, it } from "vitest";
import { Clickstream, type ClickstreamOptions, type RawClick } from "./clickstream.ts";
import { drawDelay } from "./disorder.ts";
import { Xoshiro128 } from "./prng.ts";

function raws(options: ClickstreamOptions): RawClick[] {
  return [...new Clickstream(options).raw()];
}

const BASE = { seed: 21, users: 5_000, events: 50_000, timeResolutionMs: 1 } as const;

describe("out-of-orderness distributions", () => {
  it("keeps both distributions within the bound; exponential holds most events close to it", () => {
    const random = new Xoshiro128(1);
    const uniform = Array.from({ length: 20_000 }, () => drawDelay(random, 1_000, "uniform"));
    const exponential = Array.from({ length: 20_000 }, () => drawDelay(random, 1_000, "exponential"));
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const delays of [uniform, exponential]) {
      expect(Math.min(...delays)).toBe(0);
      expect(Math.max(...delays)).toBeLessThanOrEqual(1_000);
      expect(delays.every(Number.isInteger)).toBe(true);
    }
    expect(mean(uniform)).toBeCloseTo(500, -2);
    // Mean max/4 before the cut at max: a bit less after it.
    expect(mean(exponential)).toBeGreaterThan(200);
    expect(mean(exponential)).toBeLessThan(250);
    expect(Math.max(...exponential)).toBeGreaterThan(900);
  });

  it("never makes an event late for the bounded watermark with exponential delays either", () => {
    let maxTimestamp = Number.NEGATIVE_INFINITY;
    let late = 0;
    let behind = 0;
    for (const raw of raws({ ...BASE, maxOutOfOrdernessMs: 3_000, outOfOrderness: "exponential" })) {
      if (raw.timestamp <= maxTimestamp - 3_000 - 1) late++;
      if (raw.timestamp < maxTimestamp) behind++;
      maxTimestamp = Math.max(maxTimestamp, raw.timestamp);
    }
    expect(late).toBe(0);
    expect(behind).toBeGreaterThan(1_000);
  });
});

describe("source partitions", () => {
  it("tags every event of a user with one partition, spreading users evenly", () => {
    const events = raws({ ...BASE, partitions: 4 });
    const partitionOf = new Map<number, number>();
    const counts = [0, 0, 0, 0];
    for (const raw of events) {
      expect(partitionOf.get(raw.user) ?? raw.partition).toBe(raw.partition);
      partitionOf.set(raw.user, raw.partition);
    }
    for (const partition of partitionOf.values()) counts[partition] = (counts[partition] ?? 0) + 1;
    for (const count of counts) expect(count / partitionOf.size).toBeCloseTo(0.25, 1);
    expect(raws({ ...BASE, events: 1_000 }).every((raw) => raw.partition === 0)).toBe(true);
  });

  it("does not change the events, only tags them", () => {
    const strip = (raw: RawClick): RawClick => ({ ...raw, partition: 0 });
    expect(raws({ ...BASE, events: 5_000, partitions: 3 }).map(strip)).toEqual(
      raws({ ...BASE, events: 5_000 }).map(strip),
    );
  });
});

describe("idle periods", () => {
  const idle = { idleEveryMs: 60_000, idleForMs: 20_000, eventsPerSecond: 100 } as const;

  it("with one partition, leaves a gap in event time in the last idleForMs of every cycle", () => {
    const events = raws({ ...BASE, events: 30_000, ...idle });
    const start = events[0]?.timestamp ?? 0;
    for (const raw of events) expect((raw.timestamp - start) % 60_000).toBeLessThan(40_000);
    // The same events, spread over more event time: 299.99 s of activity = 7 cycles of 40 s
    // active + 20 s quiet, then 19.99 s.
    expect((events.at(-1)?.timestamp ?? 0) - start).toBe(7 * 60_000 + 19_990);
  });

  it("with several partitions, quiets one partition at a time, whose sessions resume after", () => {
    const events = raws({ ...BASE, events: 30_000, partitions: 3, ...idle });
    const start = events[0]?.timestamp ?? 0;
    const byPartitionInQuiet = [0, 0, 0];
    let quietEvents = 0;
    for (const raw of events) {
      const offset = raw.timestamp - start;
      if (offset % 60_000 < 40_000) continue;
      quietEvents++;
      const quiet = Math.floor(offset / 60_000) % 3;
      if (raw.partition === quiet) byPartitionInQuiet[quiet] = (byPartitionInQuiet[quiet] ?? 0) + 1;
    }
    expect(quietEvents).toBeGreaterThan(5_000);
    expect(byPartitionInQuiet).toEqual([0, 0, 0]);
    // Event time keeps its rate: 30 000 events at 100/s.
    expect((events.at(-1)?.timestamp ?? 0) - start).toBe(299_990);
  });

  it("rejects an idle stretch as long as the cycle", () => {
    expect(() => new Clickstream({ idleEveryMs: 1_000, idleForMs: 1_000 })).toThrow(/idleForMs/);
    expect(() => new Clickstream({ idleForMs: 1_000 })).toThrow(/idleForMs needs idleEveryMs/);
    expect(() => new Clickstream({ partitions: 0 })).toThrow(/partitions must be a whole number ≥ 1/);
  });
});
