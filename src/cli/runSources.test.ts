/**
 * `cep-studio run` with per-partition watermarks (`--partitions`, `--partition-field`),
 * periodic emission (`--watermark-interval`) and idleness (`--idle-timeout`), and configs keyed
 * by an event field in `--broadcast`.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportRule } from "../formats/dynamicCep/index.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { parseOutput, runInProcess, summarize, writeTempFiles } from "./testing/cliTestSupport.ts";

/** `a` followedBy `b` (by `kind`) within `windowMs`. */
function rule(windowMs: number): string {
  const pattern = PatternBuilder.begin("a")
    .where("kind == 'a'")
    .followedBy("b")
    .where("kind == 'b'")
    .within(windowMs)
    .build();
  return JSON.stringify(exportRule({ id: "r", version: 1, pattern, function: null }));
}

const lines = (events: ReadonlyArray<Record<string, unknown>>): string =>
  events.map((e) => JSON.stringify(e)).join("\n");

describe("source partitions and watermark strategies", () => {
  // Partition 1 reads one early event, then nothing: its watermark holds every subtask back.
  const events = lines([
    { u: "x", kind: "a", t: 1000, p: 0 },
    { u: "y", kind: "z", t: 1001, p: 1 },
    { u: "x", kind: "b", t: 1100, p: 0 },
    { u: "x", kind: "z", t: 5000, p: 0 },
    { u: "x", kind: "z", t: 9000, p: 0 },
    { u: "x", kind: "a", t: 3000, p: 0 },
  ]);
  const base = (...extra: string[]): string[] => {
    const dir = writeTempFiles({ "r.json": rule(10_000) });
    return [
      "run",
      "--pattern",
      path.join(dir, "r.json"),
      "--events",
      "-",
      "--key",
      "u",
      "--time",
      "t",
      ...extra,
    ];
  };

  it("takes the minimum over partitions: a silent partition holds the watermark, so nothing is late", async () => {
    const run = await runInProcess(
      base("--partitions", "2", "--partition-field", "p", "--no-final-watermark"),
      events,
    );
    expect(run.stderr).toBe("");
    // Partition 1's watermark stays at 1000: the match (released at watermark ≥ 1100) never comes.
    expect(run.stdout).toBe("");
    // One partition: the watermark follows partition 0 alone, the match comes and t=3000 is late.
    const single = await runInProcess(base("--no-final-watermark"), events);
    expect(summarize(single.stdout, "t")).toEqual(["match x a=1000 b=1100", "late x 3000"]);
  });

  it("an idle partition stops holding the watermark back (withIdleness on the simulated clock)", async () => {
    const run = await runInProcess(
      base("--partitions", "2", "--partition-field", "p", "--idle-timeout", "2000", "--no-final-watermark"),
      events,
    );
    expect(run.stderr).toBe("");
    // Partition 1 goes idle once event time (the simulated clock) has moved on > 2 s without it.
    expect(summarize(run.stdout, "t")).toEqual(["match x a=1000 b=1100", "late x 3000"]);
  });

  it("round-robin partitions without a field; the end of input is +∞ from every partition", async () => {
    const run = await runInProcess(base("--partitions", "3"), events);
    expect(run.stderr).toBe("");
    // Round-robin spreads x's events over three partitions, whose minimum stays far behind
    // t=9000: the straggler at t=3000 is on time, and the end's +∞ times its run out.
    const records = parseOutput(run.stdout);
    expect(records.map((r) => r.type)).toEqual(["match", "timeout"]);
    expect(summarize(run.stdout, "t")[1]).toBe("timeout x @13000 a=3000");
  });

  it("periodic emission: watermarks only at interval ticks of the simulated clock", async () => {
    const input = lines([
      { u: "x", kind: "a", t: 1000 },
      { u: "x", kind: "b", t: 1050 },
      { u: "x", kind: "z", t: 1150 },
      { u: "x", kind: "b", t: 1120 },
    ]);
    // After every event: the watermark reaches 1149 before t=1120 arrives, so it is late.
    const each = await runInProcess(base("--no-final-watermark"), input);
    expect(summarize(each.stdout, "t")).toEqual(["match x a=1000 b=1050", "late x 1120"]);
    // Every 500 ms: no tick between t=1000 and t=1150 (the next is at 1500), so nothing is
    // released or late before the end, and the end (no final watermark) releases nothing.
    const periodic = await runInProcess(base("--watermark-interval", "500", "--no-final-watermark"), input);
    expect(periodic.stderr).toBe("");
    expect(periodic.stdout).toBe("");
    const ended = await runInProcess(base("--watermark-interval", "500"), input);
    // The end's +∞ releases everything in timestamp order; t=1120 was never late.
    expect(summarize(ended.stdout, "t")).toEqual(["match x a=1000 b=1050"]);
  });

  it("reports bad partition values as rows and bad flags as usage errors", async () => {
    const bad = lines([
      { u: "x", kind: "a", t: 1, p: 2 },
      { u: "x", kind: "a", t: 2 },
      { u: "x", kind: "a", t: 3, p: "1" },
    ]);
    const run = await runInProcess(base("--partitions", "2", "--partition-field", "p"), bad);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "<stdin>:1: partition field 'p' must be a whole number from 0 to 1 (got 2)",
      "<stdin>:2: no value for partition field 'p'",
    ]);
    // One partition still checks its field: 0 is the only partition (as the simulator reads it).
    const single = await runInProcess(base("--partitions", "1", "--partition-field", "p"), bad);
    expect(single.stderr).toContain(
      "<stdin>:1: partition field 'p' must be a whole number from 0 to 0 (got 2)",
    );
    const usage = await runInProcess(
      ["run", "--pattern", "r.json", "--events", "-", "--partition-field", "p", "--idle-timeout", "0"],
      "",
    );
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--idle-timeout takes a whole number from 1 up, not '0'");
    expect(usage.stderr).toContain("--partition-field needs --partitions N");
    expect(usage.stderr).toContain("--partition-field needs --time FIELD (it only applies to event time)");
    const explicit = await runInProcess(base("--watermarks", "explicit", "--partitions", "2"), "");
    expect(explicit.stderr).toContain(
      "--partitions and --watermarks explicit exclude each other (it needs generated watermarks)",
    );
  });
});

describe("--broadcast configs keyed by an event field", () => {
  it("a condition reads the config of the event's channel, else the global config", async () => {
    const pattern = PatternBuilder.begin("big").where("price > config.highValueThreshold").build();
    const dir = writeTempFiles({
      "r.json": JSON.stringify(exportRule({ id: "hv", version: 1, pattern, function: null })),
      "b.jsonl": [
        '{"at":0,"config":{"highValueThreshold":100}}',
        '{"at":0,"config":{"highValueThreshold":10},"keyBy":"channel","value":"APP"}',
        '{"at":3,"config":{"highValueThreshold":500},"keyBy":"channel","value":"APP"}',
      ].join("\n"),
    });
    const input = lines([
      { i: 0, channel: "APP", price: 50 },
      { i: 1, channel: "WEB", price: 50 },
      { i: 2, channel: "WEB", price: 150 },
      { i: 3, channel: "APP", price: 150 },
      { i: 4, price: 150 },
    ]);
    const run = await runInProcess(
      [
        "run",
        "--pattern",
        path.join(dir, "r.json"),
        "--events",
        "-",
        "--broadcast",
        path.join(dir, "b.jsonl"),
      ],
      input,
    );
    expect(run.stderr).toBe("");
    expect(summarize(run.stdout, "i")).toEqual(["match null big=0", "match null big=2", "match null big=4"]);
  });

  it("rejects keyBy without a value, and keyBy on other records", async () => {
    const dir = writeTempFiles({
      "b.jsonl": [
        '{"at":0,"config":{},"keyBy":"channel"}',
        '{"at":1,"remove":"r","keyBy":"c","value":"x"}',
      ].join("\n"),
    });
    const file = path.join(dir, "b.jsonl");
    const run = await runInProcess(["run", "--events", "-", "--broadcast", file], "");
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `${file}:1: "value" must be the text, number or boolean the field "channel" has`,
      `${file}:2: "keyBy" and "value" only go with "config"`,
    ]);
  });
});
