/**
 * The worker protocol end to end through a fake port: requests go into the host's handler as
 * structured clones, responses come back as clones, timers and the clock are simulated.
 */
import { describe, expect, it } from "vitest";
import {
  scenarioCsv,
  scenarioRuleJson,
  SEED_CONFIG,
  seedBindings,
} from "../session/testing/sessionTestSupport.ts";
import { fakeWorker, lastSummary, loadScenario } from "./testing/fakeWorker.ts";
import { SUMMARY_INTERVAL_MS } from "./workerHost.ts";

describe("worker protocol", () => {
  it("loads text in chunks with progress, plays to the end and posts the final summary", () => {
    const worker = fakeWorker();
    loadScenario(worker, 2);
    const progress = worker.posted.filter((m) => m.type === "progress").at(-1);
    expect(progress).toMatchObject({ type: "progress", progress: { events: 3, done: true, format: "csv" } });
    const play = worker.send({ type: "play" });
    expect(worker.reply(play)).toMatchObject({ type: "summary", summary: { state: "playing" } });
    expect(worker.runTimers()).toBeGreaterThan(0);
    const final = lastSummary(worker.posted);
    expect(final.replyTo).toBeNull();
    expect(final.summary).toMatchObject({ state: "finished", counts: { matches: 1, timeouts: 1 } });
    expect(final.summary.newest.matches[0]?.key).toBe("590404850");
    expect(final.summary.newest.timeouts[0]?.key).toBe("517014550");
  });

  it("answers step, stepToWatermark, query and reset with their results", () => {
    const worker = fakeWorker();
    loadScenario(worker, 1);
    const step = worker.send({ type: "step" });
    expect(worker.reply(step)).toMatchObject({ summary: { position: { processedEvents: 1 } } });
    worker.send({ type: "step" });
    const toWatermark = worker.send({ type: "stepToWatermark" });
    expect(worker.reply(toWatermark)).toMatchObject({ summary: { counts: { matches: 1 } } });
    const query = worker.send({ type: "query", kind: "matches", from: 0, count: 10 });
    const result = worker.reply(query);
    expect(result).toMatchObject({ type: "queryResult", result: { kind: "matches", total: 1 } });
    const reset = worker.send({ type: "reset" });
    expect(worker.reply(reset)).toMatchObject({ summary: { state: "paused", position: { items: 0 } } });
  });

  it("seeks back and forward to exact positions; the run then ends as a straight one", () => {
    const worker = fakeWorker();
    loadScenario(worker, 2);
    worker.send({ type: "play" });
    worker.runTimers();
    const straight = lastSummary(worker.posted).summary;
    const back = worker.send({ type: "seek", position: 1 });
    expect(worker.reply(back)).toMatchObject({
      summary: { state: "paused", position: { items: 1, ended: false }, counts: { matches: 0, timeouts: 0 } },
    });
    const forward = worker.send({ type: "seek", position: 3 });
    expect(worker.reply(forward)).toMatchObject({ summary: { position: { items: 3 } } });
    worker.send({ type: "play" });
    worker.runTimers();
    const final = lastSummary(worker.posted).summary;
    expect(final.counts).toEqual(straight.counts);
    expect(final.newest.matches).toEqual(straight.newest.matches);
    const bad = worker.send({ type: "seek", position: -2 });
    expect(worker.reply(bad)).toMatchObject({ type: "error" });
  });

  it("reports bad rules with every problem and keeps the run; applyRuleSet keeps the position", () => {
    const worker = fakeWorker();
    // Before rules arrive the run has none: it answers, and finds nothing.
    const early = worker.send({ type: "summary" });
    expect(worker.reply(early)).toMatchObject({ type: "summary", summary: { activeRules: [] } });
    loadScenario(worker, 1);
    worker.send({ type: "step" });
    worker.send({ type: "step" });
    const bad = worker.send({
      type: "applyRuleSet",
      rules: { id: "1", version: 2, pattern: 42, function: null },
    });
    const error = worker.reply(bad);
    expect(error.type).toBe("error");
    expect(error.type === "error" && error.problems.length).toBeGreaterThan(0);
    const apply = worker.send({ type: "applyRuleSet", rules: scenarioRuleJson(1), bindings: seedBindings() });
    expect(worker.reply(apply)).toMatchObject({
      summary: { position: { processedEvents: 2 }, state: "paused" },
    });
  });

  it("posts at most one summary per interval while playing", () => {
    const worker = fakeWorker();
    loadScenario(worker, 5);
    worker.send({ type: "speed", eventsPerSecond: 40 });
    worker.send({ type: "play" });
    worker.runTimers(1);
    const times = worker.posted.flatMap((m, i) =>
      m.type === "summary" && m.replyTo === null && m.summary.state === "playing"
        ? [worker.postedAt[i] ?? 0]
        : [],
    );
    expect(times.length).toBeGreaterThan(1);
    // Slices run about every 17 ms; summaries while playing come no closer than the interval.
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(SUMMARY_INTERVAL_MS);
    expect(lastSummary(worker.posted).summary.state).toBe("finished");
  });

  it("pauses a playing run; queued slices then do nothing", () => {
    const worker = fakeWorker();
    loadScenario(worker, 5);
    worker.send({ type: "speed", eventsPerSecond: 100 });
    worker.send({ type: "play" });
    worker.runTimers(5, 3);
    const pause = worker.send({ type: "pause" });
    const paused = worker.reply(pause);
    expect(paused).toMatchObject({ summary: { state: "paused" } });
    const count = worker.posted.length;
    worker.runTimers();
    expect(worker.posted.length).toBe(count);
  });
});

describe("worker protocol: byte chunks and queries", () => {
  it("decodes byte chunks split inside UTF-8 characters exactly as the whole text", () => {
    const text = scenarioCsv(2).replace(/apple/g, "äpplé 📱");
    const bytes = new TextEncoder().encode(text);
    const viaBytes = fakeWorker();
    viaBytes.send({ type: "configure", config: SEED_CONFIG });
    viaBytes.send({ type: "beginEvents", fileName: "scenario2.events.csv", totalBytes: bytes.length });
    // 7-byte chunks cut through the 2-byte "ä"/"ü" and the 4-byte emoji.
    for (let i = 0; i < bytes.length; i += 7) {
      const chunk = bytes.slice(i, i + 7);
      viaBytes.send({ type: "eventsChunk", bytes: chunk.buffer });
    }
    const end = viaBytes.send({ type: "endEvents" });
    expect(viaBytes.reply(end)).toMatchObject({
      progress: { events: 3, problems: 0, done: true, bytes: bytes.length, totalBytes: bytes.length },
    });
    viaBytes.send({ type: "loadRules", rules: scenarioRuleJson(2), bindings: seedBindings() });
    viaBytes.send({ type: "play" });
    viaBytes.runTimers();
    const summary = lastSummary(viaBytes.posted).summary;
    expect(summary.counts.matches).toBe(1);
    const brands = summary.newest.matches[0]?.stages.flatMap((s) => s.events.map((e) => e.fields.brand));
    expect(brands).toContain("äpplé 📱");
  });

  it("answers partialMatches, explain, broadcastState, inputEvents and metrics", () => {
    const worker = fakeWorker();
    loadScenario(worker, 1);
    worker.send({ type: "step" });
    const stepped = worker.send({ type: "step" });
    expect(worker.reply(stepped)).toMatchObject({
      summary: { stageCounts: { "1": { second_view: 1 } }, watermarks: { subtasks: [expect.any(Number)] } },
    });
    const partial = worker.reply(worker.send({ type: "partialMatches", key: "519698804" }));
    expect(partial).toMatchObject({
      type: "partialMatchesResult",
      result: { subtask: 0, rules: [{ ruleId: "1", partialMatches: [{ stage: "second_view" }] }] },
    });
    worker.send({ type: "play" });
    worker.runTimers();
    const byLine = worker.reply(worker.send({ type: "explain", line: 3, ruleId: "1" }));
    expect(byLine).toMatchObject({
      type: "explainResult",
      result: { position: 1, outcome: { type: "explained" } },
    });
    const byPosition = worker.reply(worker.send({ type: "explain", position: 1, ruleId: "1" }));
    expect(
      byPosition.type === "explainResult" && byLine.type === "explainResult" && byPosition.result,
    ).toEqual(byLine.type === "explainResult" && byLine.result);
    const noLine = worker.reply(worker.send({ type: "explain", line: 99, ruleId: "1" }));
    expect(noLine).toMatchObject({ type: "error", message: "no input item was read from line 99" });
    const broadcast = worker.reply(worker.send({ type: "broadcastState" }));
    expect(broadcast).toMatchObject({
      type: "broadcastStateResult",
      result: [{ subtask: 0, rules: [{ id: "1", version: 1 }], config: null, keyedConfigs: [] }],
    });
    const input = worker.reply(
      worker.send({
        type: "inputEvents",
        from: 1,
        count: 2,
        filter: { key: "519698804" },
        typeField: "eventType",
      }),
    );
    expect(input).toMatchObject({
      type: "inputEventsResult",
      result: {
        total: 4,
        rows: [
          { position: 1, index: 1, line: 3, key: "519698804", type: "view", late: false },
          { position: 2, index: 2, line: 4, key: "519698804", type: "view", late: false },
        ],
      },
    });
    const metrics = worker.reply(worker.send({ type: "metrics" }));
    expect(metrics.type).toBe("metricsResult");
    if (metrics.type !== "metricsResult") return;
    expect(metrics.result.samples.length).toBeGreaterThan(1);
    expect(metrics.result.samples.at(-1)).toMatchObject({ position: 4, events: 4, late: 0 });
  });
});
