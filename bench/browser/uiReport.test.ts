import { describe, expect, it } from "vitest";
import type { FrameProbeResult, LoadProbeResult } from "./uiProbeApi.ts";
import { loadRecord, timelineRecord, uiTable, type BenchEnvironment } from "./uiReport.ts";

const env: BenchEnvironment = {
  browser: "Chromium 1 headless",
  node: "v20",
  cpus: 2,
  loadAvgStart: 1.5,
  loadAvgEnd: 2,
  date: "2026-11-22T08:00:00.000Z",
};

const probe: LoadProbeResult = {
  done: true,
  elapsedMs: 10_000,
  progressSeen: true,
  positionText: "event 0 / 750 000",
  failure: null,
  inputToFrameMs: [10, 20, 30, 90],
  inputDelayMs: [1, 2, 3, 40],
  tickLateMs: [0, 0, 5, 60],
  longTasksMs: [70, 120],
  eventTiming: [
    { name: "keydown", durationMs: 24 },
    { name: "pointerout", durationMs: 300 },
  ],
};

const baseline: LoadProbeResult = {
  ...probe,
  done: false,
  inputToFrameMs: [5, 8],
  tickLateMs: [1, 2],
  longTasksMs: [],
  eventTiming: [],
};

const frames = (gapMs: number, count: number): FrameProbeResult => ({
  elapsedMs: gapMs * count,
  frameIntervalsMs: Array.from({ length: count }, () => gapMs),
  redraws: count,
  inputs: 2 * count,
  longTasksMs: [],
});

describe("UI bench records", () => {
  it("summarises a load: rate, input latency, busy stretches, goal", () => {
    const record = loadRecord(
      { bytes: 100_000_000, events: 750_000, command: "cep-studio generate", probe, baseline },
      env,
    );
    expect(record).toMatchObject({
      bench: "browser-ui",
      metric: "load-input-latency",
      loadSeconds: 10,
      mbPerSec: 10,
      inputs: 4,
      worstInputMs: 90,
      p99InputMs: 90,
      worstInputDelayMs: 40,
      worstTickLateMs: 60,
      longTasks: 2,
      longestTaskMs: 120,
      totalBlockingMs: 90,
      keyEventTimingWorstMs: 24,
      idleWorstInputMs: 8,
      idleWorstTickLateMs: 2,
      idleKeyEventTimingWorstMs: 0,
      goalMet: true,
      loadAvgStart: 1.5,
    });
    const late = loadRecord(
      { bytes: 1, events: 1, command: "", probe: { ...probe, tickLateMs: [150] }, baseline },
      env,
    );
    expect(late.goalMet).toBe(false);
    const unfinished = loadRecord(
      { bytes: 1, events: 1, command: "", probe: { ...probe, done: false }, baseline },
      env,
    );
    expect(unfinished.goalMet).toBe(false);
  });

  it("summarises the timeline's frames against 55 fps", () => {
    const record = timelineRecord(
      {
        events: 100_000,
        command: "",
        idle: frames(1000 / 60, 60),
        busy: frames(20, 250),
        matches: 3,
        timeouts: 4,
      },
      env,
    );
    expect(record).toMatchObject({
      metric: "timeline-fps",
      frames: 250,
      medianFps: 50,
      p5Fps: 50,
      meanFps: 50,
      redrawsPerSec: 50,
      idleMedianFps: 60,
      goalMet: false,
    });
  });

  it("prints a table with a row per measure", () => {
    const table = uiTable([
      loadRecord({ bytes: 100_000_000, events: 750_000, command: "", probe, baseline }, env),
      timelineRecord(
        {
          events: 100_000,
          command: "",
          idle: frames(1000 / 60, 60),
          busy: frames(1000 / 60, 300),
          matches: 3,
          timeouts: 4,
        },
        env,
      ),
    ]);
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^\| run +\| measure +\| value +\| goal +\|$/);
    expect(lines).toHaveLength(2 + 6 + 2);
    expect(table).toContain("load 100 MB CSV (750 000 events)");
    expect(table).toContain("90 / 90 / 20 ms (4 inputs)");
    expect(table).toContain("| 60 / 60 / 60");
  });
});
