import { describe, expect, it } from "vitest";
import { DEFAULT_EVENTS, DEFAULT_PATHOLOGICAL_EVENTS, parseBenchArgs } from "./benchArgs.ts";
import { median } from "./matrix.ts";
import { formatTable, type RunRecord } from "./report.ts";

describe("parseBenchArgs", () => {
  it("defaults to the matrix", () => {
    const parsed = parseBenchArgs([]);
    expect(parsed).toMatchObject({
      ok: true,
      options: { workload: null, keys: null, disorder: null, events: DEFAULT_EVENTS, json: false },
    });
  });

  it("reads timeouts only where the workload asks, unless --timeouts", () => {
    expect(parseBenchArgs([])).toMatchObject({ options: { timeouts: false } });
    expect(parseBenchArgs(["--timeouts"])).toMatchObject({ ok: true, options: { timeouts: true } });
  });

  it("reads a single JSON run", () => {
    const parsed = parseBenchArgs([
      "--json",
      "--workload",
      "Q1",
      "--keys",
      "100000",
      "--events=2_000_000",
      "--disorder",
      "5000",
      "--seed",
      "3",
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      options: { json: true, workload: "Q1", keys: 100_000, events: 2_000_000, disorder: 5_000, seed: 3 },
    });
  });

  it("gives the pathological run its own default size", () => {
    expect(parseBenchArgs(["--workload", "pathological"])).toMatchObject({
      options: { events: DEFAULT_PATHOLOGICAL_EVENTS },
    });
  });

  it("repeats the matrix only", () => {
    expect(parseBenchArgs(["--repeat", "3"])).toMatchObject({ ok: true, options: { repeat: 3 } });
    expect(parseBenchArgs(["--repeat", "3", "--workload", "Q1"])).toEqual({
      ok: false,
      errors: ["--repeat applies to the matrix only (leave out --workload)"],
    });
  });

  it("reports every problem at once", () => {
    const parsed = parseBenchArgs([
      "--workload",
      "Q3",
      "--keys",
      "0",
      "--events",
      "x",
      "--json",
      "--json",
      "--frobnicate",
      "--seed",
    ]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      "--json given twice",
      "unknown argument '--frobnicate' (see --help)",
      "--seed needs a value",
      "--workload: unknown workload 'Q3' (expected one of Q1, Q2, Q4, Q6, pathological)",
      "--keys must be a whole number ≥ 1, got '0'",
      "--events must be a whole number ≥ 1, got 'x'",
    ]);
  });
});

const RECORD: RunRecord = {
  workload: "Q1",
  keys: 100_000,
  distinctKeys: 61_234,
  events: 500_000,
  disorderMs: 5_000,
  rate: 100,
  seed: 46,
  eventsPerSec: 1_234_567,
  seconds: 0.4,
  cpuEventsPerSec: 1_200_000,
  cpuSeconds: 0.41,
  floorEventsPerSec: 4_000_000,
  matches: 9_000,
  timeoutHandling: true,
  timeouts: 12,
  late: 0,
  partialMatchesPeak: 70_000,
  partialMatchesBeforeFlush: 60_000,
  keysBeforeFlush: 50_000,
  peakHeapMB: 321.4,
  baselineHeapMB: 40,
  bytesPerPartialMatch: 640,
  bytesPerKey: 1_400,
  bytesPerExtraRun: 400,
  maxPartialMatches: null,
  capWarnings: 0,
  capWarningFired: false,
  generateSeconds: 1,
  gcExposed: true,
  loadAverage: 1,
  node: "v20.20.2",
  date: "2026-11-22T00:00:00.000Z",
};

describe("formatTable", () => {
  it("lays the runs out as a Markdown table", () => {
    const lines = formatTable([RECORD]).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\| workload \| keys +\| disorder \|/);
    expect(lines[2]).toContain("| Q1 ");
    expect(lines[2]).toContain("100k");
    expect(lines[2]).toContain("5 s");
    expect(lines[2]).toContain("1 234 567");
    expect(lines[0]).toContain("| CPU events/s |");
    expect(lines[2]).toContain("1 200 000");
    expect(lines[2]).toContain("61 234");
    expect(lines[0]).toContain("| floor events/s |");
    expect(lines[2]).toContain("4 000 000");
  });
});

describe("median", () => {
  it("keeps the repeat with the median events/s and the memory figures of the repeat that measured them", () => {
    const first = { ...RECORD, eventsPerSec: 300, seed: 1 };
    const second = {
      ...RECORD,
      eventsPerSec: 100,
      seed: 2,
      bytesPerPartialMatch: null,
      bytesPerKey: null,
      bytesPerExtraRun: null,
    };
    const third = {
      ...RECORD,
      eventsPerSec: 200,
      seed: 3,
      bytesPerPartialMatch: null,
      bytesPerKey: null,
      bytesPerExtraRun: null,
    };
    expect(median([first, second, third])).toEqual({
      ...third,
      bytesPerPartialMatch: 640,
      bytesPerKey: 1_400,
      bytesPerExtraRun: 400,
      eventsPerSecRuns: [300, 100, 200],
    });
    expect(median([])).toBeNull();
  });
});
