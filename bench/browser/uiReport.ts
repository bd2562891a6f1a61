/**
 * The UI benchmark's output: one JSON line per measurement (`{"bench":"browser-ui","metric":…}`)
 * and a table for people. Pure (tested in `uiReport.test.ts`).
 */
import type { FrameProbeResult, LoadProbeResult, TimedEvent } from "./uiProbeApi.ts";
import { fpsStats, latencyStats, totalBlockingMs, worst } from "./uiStats.ts";

/** Goals from the simulator issue. */
const INPUT_GOAL_MS = 100;
const FPS_GOAL = 55;

/** Where and when the numbers were taken. */
export interface BenchEnvironment {
  readonly browser: string;
  readonly node: string;
  readonly cpus: number;
  /** 1-minute load average when the phase started and ended. */
  readonly loadAvgStart: number;
  readonly loadAvgEnd: number;
  readonly date: string;
}

export interface LoadRecordInput {
  readonly bytes: number;
  readonly events: number;
  readonly command: string;
  readonly probe: LoadProbeResult;
  /** The same input to the idle page just before the load. */
  readonly baseline: LoadProbeResult;
}

export interface TimelineRecordInput {
  readonly events: number;
  readonly command: string;
  readonly idle: FrameProbeResult;
  readonly busy: FrameProbeResult;
  readonly matches: number | null;
  readonly timeouts: number | null;
}

const MB = 1_000_000;

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Key events: the driver's input that Event Timing reports reliably. (It leaves out pointer
 * moves, and the pointer boundary events those cause — pointerover/out — came with durations of
 * seconds while keys at the same moments took 24 ms and the main thread never stalled: unusable.)
 */
const KEY_EVENTS = new Set(["keydown", "keyup"]);

/** The slowest Event Timing duration of the driver's keys, ms (0: none reached 16 ms). */
function keyEventTiming(entries: readonly TimedEvent[]): number {
  return round(worst(entries.filter((e) => KEY_EVENTS.has(e.name)).map((e) => e.durationMs)));
}

/** The load phase's JSON record. */
export function loadRecord(input: LoadRecordInput, env: BenchEnvironment): Record<string, unknown> {
  const { probe } = input;
  const seconds = probe.elapsedMs / 1000;
  const toFrame = latencyStats(probe.inputToFrameMs);
  const ticks = latencyStats(probe.tickLateMs);
  const worstMs = Math.max(toFrame.worstMs, ticks.worstMs);
  return {
    bench: "browser-ui",
    metric: "load-input-latency",
    loaded: probe.done,
    bytes: input.bytes,
    events: input.events,
    loadSeconds: round(seconds, 2),
    mbPerSec: round(input.bytes / MB / seconds, 2),
    inputs: toFrame.count,
    worstInputMs: round(toFrame.worstMs),
    p99InputMs: round(toFrame.p99Ms),
    medianInputMs: round(toFrame.medianMs),
    worstInputDelayMs: round(worst(probe.inputDelayMs)),
    ticks: ticks.count,
    worstTickLateMs: round(ticks.worstMs),
    p99TickLateMs: round(ticks.p99Ms),
    longTasks: probe.longTasksMs.length,
    longestTaskMs: round(worst(probe.longTasksMs)),
    totalBlockingMs: round(totalBlockingMs(probe.longTasksMs)),
    keyEventTimingWorstMs: keyEventTiming(probe.eventTiming),
    idleWorstInputMs: round(worst(input.baseline.inputToFrameMs)),
    idleWorstTickLateMs: round(worst(input.baseline.tickLateMs)),
    idleKeyEventTimingWorstMs: keyEventTiming(input.baseline.eventTiming),
    goalMs: INPUT_GOAL_MS,
    goalMet: probe.done && worstMs <= INPUT_GOAL_MS,
    data: input.command,
    ...env,
  };
}

/** The timeline phase's JSON record. */
export function timelineRecord(input: TimelineRecordInput, env: BenchEnvironment): Record<string, unknown> {
  const busy = fpsStats(input.busy.frameIntervalsMs, input.busy.elapsedMs);
  const idle = fpsStats(input.idle.frameIntervalsMs, input.idle.elapsedMs);
  const seconds = input.busy.elapsedMs / 1000;
  return {
    bench: "browser-ui",
    metric: "timeline-fps",
    events: input.events,
    matches: input.matches,
    timeouts: input.timeouts,
    seconds: round(seconds, 2),
    frames: busy.frames,
    medianFps: round(busy.medianFps),
    p5Fps: round(busy.p5Fps),
    meanFps: round(busy.meanFps),
    longestFrameMs: round(busy.longestFrameMs),
    redraws: input.busy.redraws,
    redrawsPerSec: round(input.busy.redraws / seconds),
    inputs: input.busy.inputs,
    longTasks: input.busy.longTasksMs.length,
    longestTaskMs: round(worst(input.busy.longTasksMs)),
    idleMedianFps: round(idle.medianFps),
    goalFps: FPS_GOAL,
    goalMet: busy.p5Fps >= FPS_GOAL,
    data: input.command,
    ...env,
  };
}

const num = (value: unknown): string =>
  typeof value === "number" ? value.toLocaleString("en-US").replaceAll(",", " ") : String(value);

/** A Markdown table of the records, for people. */
export function uiTable(records: readonly Record<string, unknown>[]): string {
  const rows: string[][] = [];
  for (const r of records) {
    if (r.metric === "load-input-latency") {
      const mb = typeof r.bytes === "number" ? round(r.bytes / MB) : "?";
      rows.push(
        [
          `load ${num(mb)} MB CSV (${num(r.events)} events)`,
          "time, rate",
          `${num(r.loadSeconds)} s, ${num(r.mbPerSec)} MB/s`,
          "—",
        ],
        [
          "",
          "input → next frame: worst / p99 / median",
          `${num(r.worstInputMs)} / ${num(r.p99InputMs)} / ${num(r.medianInputMs)} ms (${num(r.inputs)} inputs)`,
          `≤ ${num(r.goalMs)} ms`,
        ],
        [
          "",
          "main thread busy (16 ms timer late): worst / p99",
          `${num(r.worstTickLateMs)} / ${num(r.p99TickLateMs)} ms`,
          `≤ ${num(r.goalMs)} ms`,
        ],
        [
          "",
          "long tasks: count / longest / blocking",
          `${num(r.longTasks)} / ${num(r.longestTaskMs)} ms / ${num(r.totalBlockingMs)} ms`,
          "—",
        ],
        ["", "idle page, same input: worst input → next frame", `${num(r.idleWorstInputMs)} ms`, "—"],
        [
          "",
          "Event Timing (to presentation), keys: load / idle",
          `${num(r.keyEventTimingWorstMs)} / ${num(r.idleKeyEventTimingWorstMs)} ms`,
          "—",
        ],
      );
    } else if (r.metric === "timeline-fps") {
      rows.push(
        [
          `timeline, ${num(r.events)} events, pan + zoom ${num(r.seconds)} s`,
          "fps: median / p5 / mean",
          `${num(r.medianFps)} / ${num(r.p5Fps)} / ${num(r.meanFps)}`,
          `≥ ${num(r.goalFps)}`,
        ],
        ["", "redraws / s, longest frame", `${num(r.redrawsPerSec)}, ${num(r.longestFrameMs)} ms`, "—"],
      );
    }
  }
  const header = ["run", "measure", "value", "goal"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}
