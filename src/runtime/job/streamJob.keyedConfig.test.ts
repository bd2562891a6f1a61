/**
 * StreamJob broadcast configs keyed by an event field (seed 000's per-channel config, for CEP
 * conditions), their copies in every subtask and in snapshots, and watermark statuses per
 * source partition (an idle partition stops holding the subtasks back).
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { JobOutput } from "./jobTypes.ts";
import { StreamJob } from "./streamJob.ts";
import { at, ev, jobRule } from "./testing/jobTestSupport.ts";

const highValue = jobRule("hv", 1, PatternBuilder.begin("big").where("price > config.highValueThreshold"));

const broadcast = [
  at(0, { type: "config", config: { highValueThreshold: 100 } }),
  at(0, { type: "config", config: { highValueThreshold: 10 }, key: { field: "channel", value: "APP" } }),
  at(2, { type: "config", config: { highValueThreshold: 500 }, key: { field: "channel", value: "APP" } }),
];

function job(outputs: JobOutput[], parallelism = 2): StreamJob {
  return new StreamJob({
    logic: { type: "cep", rules: [highValue] },
    timeCharacteristic: "eventTime",
    parallelism,
    broadcast,
    output: (o) => outputs.push(o),
  });
}

const matchedPrices = (outputs: readonly JobOutput[]): unknown[] =>
  outputs.flatMap((o) => (o.type === "match" ? [o.match.get("big")?.[0]?.price] : []));

describe("keyed broadcast configs", () => {
  it("a condition reads the config of the event's field value, else the global one", () => {
    const outputs: JobOutput[] = [];
    const j = job(outputs);
    j.processElement(ev("u1", "x", 0, { channel: "APP", price: 50 }), "u1", 0);
    j.processElement(ev("u2", "x", 1, { channel: "WEB", price: 50 }), "u2", 1);
    j.processElement(ev("u3", "x", 1, { channel: "WEB", price: 150 }), "u3", 1);
    j.processElement(ev("u1", "x", 2, { channel: "APP", price: 150 }), "u1", 2);
    j.processElement(ev("u4", "x", 3, { price: 150 }), "u4", 3);
    j.processWatermark(Number.POSITIVE_INFINITY);
    expect(matchedPrices(outputs)).toEqual([50, 150, 150]);
    expect(outputs.filter((o) => o.type === "match").map((o) => o.type === "match" && o.key)).toEqual([
      "u1",
      "u3",
      "u4",
    ]);
  });

  it("every subtask shows the same copy; snapshots keep keyed configs", () => {
    const outputs: JobOutput[] = [];
    const j = job(outputs);
    j.processElement(ev("u1", "x", 5, { channel: "APP", price: 400 }), "u1", 5);
    const expected = {
      rules: [{ id: "hv", version: 1 }],
      config: { highValueThreshold: 100 },
      keyedConfigs: [{ keyBy: "channel", value: "APP", config: { highValueThreshold: 500 } }],
      processorState: null,
    };
    expect(j.broadcastState()).toEqual([
      { subtask: 0, ...expected },
      { subtask: 1, ...expected },
    ]);
    const restoredOutputs: JobOutput[] = [];
    const restored = StreamJob.restore(j.snapshot(), {
      logic: { type: "cep", rules: [highValue] },
      timeCharacteristic: "eventTime",
      parallelism: 2,
      broadcast,
      output: (o) => restoredOutputs.push(o),
    });
    expect(restored.broadcastState()).toEqual(j.broadcastState());
    // The buffered element keeps the config it arrived under (APP: 500), so 400 does not match.
    restored.processElement(ev("u5", "x", 6, { channel: "APP", price: 600 }), "u5", 6);
    restored.processWatermark(Number.POSITIVE_INFINITY);
    expect(matchedPrices(restoredOutputs)).toEqual([600]);
  });
});

describe("watermark statuses per source partition", () => {
  it("an idle partition leaves the minimum; all idle flushes the largest; active again counts once caught up", () => {
    const j = new StreamJob({
      logic: { type: "cep", rules: [highValue] },
      timeCharacteristic: "eventTime",
      parallelism: 2,
      sourcePartitions: 3,
      output: () => undefined,
    });
    j.processWatermark(10, 0);
    j.processWatermark(20, 1);
    j.processWatermark(5, 2);
    expect(j.currentWatermark).toBe(5);
    j.processWatermarkStatus("idle", 2);
    expect(j.currentWatermark).toBe(10);
    expect(j.subtaskWatermarks()).toEqual([10, 10]);
    expect(j.partitionWatermarks()).toEqual([
      { watermark: 10, status: "active" },
      { watermark: 20, status: "active" },
      { watermark: 5, status: "idle" },
    ]);
    j.processWatermarkStatus("idle", 0);
    j.processWatermarkStatus("idle", 1);
    expect(j.currentWatermark).toBe(20);
    j.processWatermarkStatus("active", 2);
    j.processWatermark(15, 2); // behind the valve: not aligned, holds nothing back
    expect(j.currentWatermark).toBe(20);
    j.processWatermark(30, 2);
    expect(j.subtaskWatermarks()).toEqual([30, 30]);
  });
});
