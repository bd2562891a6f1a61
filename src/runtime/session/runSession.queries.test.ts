/**
 * RunSession queries against real runs: a key's partial matches (stage, events, window time
 * left, buffered elements), `explain` (explained, waiting for the watermark, late, skipped, not an
 * event), every subtask's broadcast state, stage counts in summaries, and the metrics series.
 */
import { describe, expect, it } from "vitest";
import type { EventData } from "../../formats/events/index.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { RunSession } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import type { RunConfig } from "./sessionTypes.ts";
import { scenarioSession, scenarioRule, SEED_CONFIG, seedBindings } from "./testing/sessionTestSupport.ts";

const USER = "519698804";
const MINUTE = 60_000;
const T0 = Date.parse("2020-01-01T00:01:00Z");

function scenario1(config: RunConfig = SEED_CONFIG, clock?: () => number): RunSession {
  return scenarioSession(1, { config, ...(clock === undefined ? {} : { clock }) });
}

/** Scenario 1's rule (two views in a row within 5 min) over ready events. */
function overEvents(events: readonly EventData[], config: RunConfig = SEED_CONFIG): RunSession {
  return new RunSession({
    rules: [scenarioRule(1)],
    bindings: seedBindings(),
    config,
    input: SessionInput.fromEvents(events),
  });
}

const view = (userId: string, second: number): EventData => ({
  eventType: "view",
  userId,
  eventTime: T0 + second * 1000,
});

describe("partialMatches", () => {
  it("shows the key's run stage by stage with its events, window time left, and buffered elements", () => {
    const s = scenario1();
    s.step();
    const first = s.partialMatches(USER);
    expect(first).toMatchObject({ key: USER, subtask: 0, time: { kind: "eventTime", now: T0 - 1 } });
    // Nothing reached the NFA yet: the element waits for the watermark to pass 00:01:00.
    expect(first.rules).toEqual([
      expect.objectContaining({ ruleId: "1", version: 1, windowMs: 5 * MINUTE, partialMatches: [] }),
    ]);
    expect(first.rules[0]?.buffered.map((b) => b.event.line)).toEqual([2]);
    s.step();
    const second = s.partialMatches(USER);
    const run = second.rules[0]?.partialMatches[0];
    expect(second.rules[0]?.partialMatches).toHaveLength(1);
    expect(run).toMatchObject({
      stage: "second_view",
      startTimestamp: T0,
      completed: false,
      windowEndsAt: T0 + 5 * MINUTE,
      // The watermark is 00:01:02.999 (the second event at 00:01:03, no out-of-orderness).
      timeLeft: 5 * MINUTE - 3000 + 1,
    });
    expect(run?.events.map((e) => [e.stage, e.event.line, e.timestamp])).toEqual([["first_view", 2, T0]]);
    expect(second.rules[0]?.buffered.map((b) => b.event.line)).toEqual([3]);
    // A key never seen holds nothing, and still names its subtask and key group.
    const other = s.partialMatches("42");
    expect(other.rules[0]?.partialMatches).toEqual([]);
    expect(other.keyGroup).toBeGreaterThanOrEqual(0);
  });

  it("summaries carry stage counts over every key; they follow the run", () => {
    const s = scenario1();
    s.step();
    s.step();
    expect(s.summary().stageCounts).toEqual({ "1": { first_view: 0, second_view: 1 } });
    s.play();
    while (s.state === "playing") s.tick(16);
    // The +∞ watermark ended every run.
    expect(s.summary().stageCounts).toEqual({ "1": { first_view: 0, second_view: 0 } });
  });

  it("summaries and metrics after the end of input show the final watermark's flush", () => {
    const s = scenario1();
    for (let i = 0; i < 4; i++) {
      s.step();
      s.summary();
    }
    expect(s.summary().stageCounts).toEqual({ "1": { first_view: 0, second_view: 1 } });
    // The end of input is no item: only the +∞ watermark, which times the last run out.
    s.step();
    expect(s.state).toBe("finished");
    expect(s.summary().stageCounts).toEqual({ "1": { first_view: 0, second_view: 0 } });
    const samples = s.metricsSeries().samples;
    expect(samples.slice(-2).map((m) => [m.position, m.partialMatches])).toEqual([
      [4, 1],
      [4, 0],
    ]);
  });

  it("counts stages of any name under any rule id, Object.prototype's names included", () => {
    const pattern = PatternBuilder.begin("toString")
      .where("eventType == 'view'")
      .next("constructor")
      .where("eventType == 'view'")
      .build();
    const s = new RunSession({
      rules: [{ id: "__proto__", version: 1, pattern, function: null }],
      bindings: {},
      config: SEED_CONFIG,
      input: SessionInput.fromEvents([view("u1", 0), view("u1", 1), view("u2", 2)]),
    });
    s.step();
    s.step();
    s.step();
    const counts = s.summary().stageCounts;
    expect(Object.keys(counts)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
    const rule = Object.getOwnPropertyDescriptor(counts, "__proto__")?.value as Record<string, number>;
    expect(Object.entries(rule)).toEqual([
      ["toString", 0],
      ["constructor", 1],
    ]);
    // Nothing leaked onto the shared prototype.
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe("explain", () => {
  it("explains an event against the key's state just before the NFA processed it", () => {
    const s = scenario1();
    s.play();
    while (s.state === "playing") s.tick(16);
    const result = s.explain({ position: 1, ruleId: "1" });
    expect(result).toMatchObject({ position: 1, line: 3, key: USER, subtask: 0, timestamp: T0 + 3000 });
    expect(result.outcome.type).toBe("explained");
    if (result.outcome.type !== "explained") return;
    const { explanation } = result.outcome;
    expect(explanation.matches).toHaveLength(1);
    expect(explanation.runs.map((r) => [r.kind, r.stage, r.outcome])).toContainEqual([
      "partial",
      "second_view",
      "completed",
    ]);
    // The session's own run is untouched.
    expect(s.summary().position.items).toBe(4);
  });

  it("tells apart waiting for the watermark, late, skipped and not-an-event items", () => {
    const waiting = scenario1();
    waiting.step();
    waiting.step();
    expect(waiting.explain({ position: 1, ruleId: "1" }).outcome).toEqual({
      type: "waiting",
      watermark: T0 + 3000 - 1,
    });

    const s = overEvents([view("u", 10), view("u", 20), view("u", 5), { eventType: "view", eventTime: T0 }]);
    s.play();
    while (s.state === "playing") s.tick(16);
    expect(s.explain({ position: 2, ruleId: "1" }).outcome).toEqual({ type: "late", watermark: T0 + 19_999 });
    expect(s.explain({ position: 3, ruleId: "1" }).outcome).toEqual({
      type: "skipped",
      reason: "no value for key field 'userId'",
    });
    expect(() => s.explain({ position: 9, ruleId: "1" })).toThrow(/no input item at position 9/);

    const text = SessionInput.fromText({ fileName: "bad.csv" });
    text.push("eventTime,eventType,userId\n2020-01-01 00:00:00,view\n");
    text.end();
    s.loadInput(text);
    expect(s.explain({ position: 0, ruleId: "1" }).outcome).toEqual({
      type: "not-an-event",
      item: "problem",
    });
  });

  it("names the input's file in its problems, and explains a skipped row whatever the file is called", () => {
    const s = overEvents([view("u", 1)]);
    const text = SessionInput.fromText({ fileName: "clicks: day 1.csv" });
    text.push("eventTime,eventType,userId\nnot-a-time,view,u\n");
    text.end();
    s.loadInput(text);
    s.play();
    while (s.state === "playing") s.tick(16);
    const reason = /^time field 'eventTime' is not a date-time/;
    expect(s.summary().problems).toEqual([
      expect.stringMatching(/^clicks: day 1\.csv:2: time field 'eventTime'/),
    ]);
    const outcome = s.explain({ position: 0, ruleId: "1" }).outcome;
    expect(outcome).toEqual({ type: "skipped", reason: expect.stringMatching(reason) as unknown });
  });

  it("a rule that was not running when the event was processed", () => {
    const s = overEvents([view("u", 1), view("u", 2)]);
    s.play();
    while (s.state === "playing") s.tick(16);
    expect(s.explain({ position: 1, ruleId: "nope" }).outcome).toEqual({ type: "rule-not-running" });
  });
});

describe("broadcastState and watermarks per partition", () => {
  it("every subtask holds an identical copy of the broadcast state", () => {
    const s = scenario1({ ...SEED_CONFIG, parallelism: 3 });
    const state = s.broadcastState();
    expect(state.map((b) => b.subtask)).toEqual([0, 1, 2]);
    for (const copy of state)
      expect(copy).toEqual({
        subtask: copy.subtask,
        rules: [{ id: "1", version: 1 }],
        config: null,
        keyedConfigs: [],
        processorState: null,
      });
  });

  it("partitions: the minimum holds the watermark until the silent partition goes idle", () => {
    const events: EventData[] = [
      { ...view("a", 0), p: 0 },
      { ...view("b", 1), p: 1 },
      ...Array.from({ length: 8 }, (_, i) => ({ ...view("a", 10 * (i + 1)), p: 0 })),
    ];
    const base = SEED_CONFIG.time;
    if (base === null) throw new Error("the seed config runs in event time");
    const config = (idleTimeoutMs: number | null): RunConfig => ({
      ...SEED_CONFIG,
      time: {
        ...base,
        finalWatermark: false,
        partitions: 2,
        partitionField: "p",
        watermarks: { type: "bounded", delay: 0, idleTimeoutMs },
      },
    });
    const held = overEvents(events, config(null));
    held.play();
    while (held.state === "playing") held.tick(16);
    expect(held.summary().watermarks.partitions).toEqual([
      { watermark: T0 + 79_999, status: "active" },
      { watermark: T0 + 999, status: "active" },
    ]);
    expect(held.summary().watermark).toBe(T0 + 999);

    const idle = overEvents(events, config(30_000));
    idle.play();
    while (idle.state === "playing") idle.tick(16);
    const summary = idle.summary();
    expect(summary.watermarks.partitions[1]?.status).toBe("idle");
    expect(summary.watermark).toBe(T0 + 79_999);
    expect(summary.watermarks.subtasks).toEqual([T0 + 79_999]);
    // Seeking restores the partitions' generators and idleness: the same watermarks come back.
    idle.seek(5);
    idle.seek(10);
    expect(idle.summary().watermarks).toEqual(summary.watermarks);
    expect(() => {
      idle.configure({ ...config(null), time: { ...base, watermarks: { type: "explicit" }, partitions: 2 } });
    }).toThrow(/explicit/);
  });
});

describe("metrics", () => {
  it("samples events, partial matches, state bytes, watermark lag and late counts over the run", () => {
    let now = 0;
    const events = [view("u", 1), view("v", 2), view("u", 0), view("w", 3)];
    const s = new RunSession({
      rules: [scenarioRule(1)],
      bindings: seedBindings(),
      config: SEED_CONFIG,
      input: SessionInput.fromEvents(events),
      clock: () => (now += 10),
    });
    for (let i = 0; i < 4; i++) {
      s.step();
      s.summary();
    }
    const { samples, stateBytesMethod } = s.metricsSeries();
    expect(stateBytesMethod).toMatch(/average size/);
    expect(samples.map((m) => [m.position, m.partialMatches, m.watermarkLag, m.late])).toEqual([
      [1, 0, 1, 0],
      [2, 1, 1, 0],
      [3, 1, 1, 1],
      [4, 2, 1, 1],
    ]);
    expect(samples[1]?.stateBytes).toBeGreaterThan(0);
    expect(samples[3]?.stateBytes).toBeGreaterThan(samples[1]?.stateBytes ?? 0);
    expect(samples[3]?.keysWithState).toBe(2);
  });
});
