/**
 * RunSession's broadcast stream (`loadBroadcast`): records interleaved with the input exactly
 * as the CLI's `--broadcast` (a rule update mid-stream, removals, configs), loaded mid-run by
 * replaying to the same position, the timeline every summary reports, problems naming the record
 * and JSON path, `at` re-read when the settings change, explain and replayed queries with rule
 * versions the broadcast added.
 */
import { describe, expect, it } from "vitest";
import { exportRule } from "../../formats/dynamicCep/index.ts";
import type { EventData } from "../../formats/events/index.ts";
import type { Rule } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { RuleSetError } from "./ruleSetLoader.ts";
import { RunSession, type RunSessionOptions } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import type { RunConfig } from "./sessionTypes.ts";

const KINDS = ["a", "a", "b", "a", "c", "a", "c"];
const EVENTS: EventData[] = KINDS.map((kind, i) => ({ u: "u1", kind, i, t: 1000 * i }));
const BY_POSITION: RunConfig = { key: "u", time: null, clock: null, parallelism: 1 };
const BY_TIME: RunConfig = {
  key: "u",
  time: { field: "t", watermarks: { type: "bounded", delay: 0 }, finalWatermark: true },
  clock: null,
  parallelism: 2,
};

function rule(id: string, version: number, second: string): Rule {
  const pattern = PatternBuilder.begin("a")
    .where("kind == 'a'")
    .followedBy(second)
    .where(`kind == '${second}'`);
  return { id, version, pattern: pattern.build(), function: null };
}

/** A rule record as the CLI's `--broadcast` file has it. */
function ruleRecord(at: unknown, r: Rule): unknown {
  return { at, rule: exportRule(r) };
}

function session(extra: Partial<RunSessionOptions> = {}): RunSession {
  return new RunSession({
    rules: [rule("r", 1, "b")],
    config: BY_POSITION,
    input: SessionInput.fromEvents(EVENTS),
    ...extra,
  });
}

function playToEnd(s: RunSession): void {
  s.play();
  for (let i = 0; i < 100 && s.state === "playing"; i++) s.tick(16);
}

function stepTo(s: RunSession, position: number): void {
  while (s.summary().position.items < position) s.step();
}

/** The matches as `vVERSION a=I b|c=I`. */
function matches(s: RunSession): string[] {
  return s.query("matches", 0, 100).records.map((m) => {
    const stages = m.stages.map((st) => `${st.stage}=${st.events.map((e) => String(e.fields.i)).join("|")}`);
    return `v${m.version} ${stages.join(" ")}`;
  });
}

const UPDATE = [ruleRecord(4, rule("r", 2, "c"))];

describe("RunSession broadcast stream", () => {
  it("updates a rule mid-stream as the CLI does: the old version's partial matches are dropped", () => {
    const s = session({ broadcast: UPDATE });
    playToEnd(s);
    expect(matches(s)).toEqual(["v1 a=0 b=2", "v1 a=1 b=2", "v2 a=5 c=6"]);
    expect(s.query("ruleDropped", 0, 10).records).toEqual([
      { type: "rule-dropped", seq: 0, ruleId: "r", version: 1, partialMatches: 1 },
    ]);
    const { broadcast, activeRules } = s.summary();
    expect(activeRules).toEqual([{ id: "r", version: 2 }]);
    expect(broadcast).toEqual({
      records: [
        {
          index: 0,
          at: 4,
          kind: "rule",
          ruleId: "r",
          version: 2,
          configKey: null,
          state: "applied",
          taken: { position: 4, time: 4 },
          rejected: null,
        },
      ],
      rules: [
        {
          ruleId: "r",
          changes: [
            { version: 1, record: null, position: 0, time: null },
            { version: 2, record: 0, position: 4, time: 4 },
          ],
        },
      ],
    });
  });

  it("loads records mid-run by replaying to the same position, as a run that had them from the start", () => {
    const s = session();
    stepTo(s, 5);
    s.loadBroadcast(UPDATE);
    const straight = session({ broadcast: UPDATE });
    stepTo(straight, 5);
    expect(s.summary()).toMatchObject({ state: "paused", position: { items: 5 } });
    expect(s.summary().counts).toEqual(straight.summary().counts);
    expect(s.broadcastTimeline()).toEqual(straight.broadcastTimeline());
    playToEnd(s);
    expect(matches(s)).toEqual(["v1 a=0 b=2", "v1 a=1 b=2", "v2 a=5 c=6"]);
    s.loadBroadcast([]);
    expect(s.summary().broadcast.records).toEqual([]);
    expect(matches(s)).toEqual(["v1 a=0 b=2", "v1 a=1 b=2"]);
  });

  it("reports pending, applied and rejected records, removals and configs", () => {
    const s = session({
      broadcast: [
        { at: 1, config: { limit: 3 } },
        { at: 2, rule: exportRule(rule("r", 1, "c")) },
        { at: 3, config: { limit: 9 }, keyBy: "kind", value: "a" },
        { at: 3, remove: "r" },
        { at: 6, remove: "r" },
      ],
    });
    stepTo(s, 5);
    const { broadcast, warnings, activeRules } = s.summary();
    expect(activeRules).toEqual([]);
    expect(broadcast.records.map((r) => [r.kind, r.state, r.taken?.position ?? null])).toEqual([
      ["config", "applied", 1],
      ["rule", "rejected", 2],
      ["config", "applied", 3],
      ["remove", "applied", 3],
      ["remove", "pending", null],
    ]);
    expect(broadcast.records[2]?.configKey).toEqual({ keyBy: "kind", value: "a" });
    expect(broadcast.records[1]?.rejected).toBe(
      "rule 'r' version 1 rejected: version 1 is active (an update needs a higher version)",
    );
    expect(warnings).toContainEqual({
      kind: "broadcast-rejected",
      message:
        "records[1]: rule 'r' version 1 rejected: version 1 is active (an update needs a higher version)",
    });
    expect(broadcast.rules).toEqual([
      {
        ruleId: "r",
        changes: [
          { version: 1, record: null, position: 0, time: null },
          { version: null, record: 3, position: 3, time: 3 },
        ],
      },
    ]);
    expect(s.broadcastState()).toEqual([
      {
        subtask: 0,
        rules: [],
        config: { limit: 3 },
        keyedConfigs: [{ keyBy: "kind", value: "a", config: { limit: 9 } }],
        processorState: null,
      },
    ]);
    playToEnd(s);
    // The last removal comes when the rule is already gone.
    expect(s.summary().broadcast.records[4]).toMatchObject({ state: "rejected", taken: { position: 6 } });
  });

  it("applies records after the last event at the end of input, before the final watermark", () => {
    const s = session({ config: BY_TIME, broadcast: [{ at: 1_000_000, remove: "r" }] });
    playToEnd(s);
    expect(s.summary().broadcast.records[0]).toMatchObject({
      state: "applied",
      taken: { position: EVENTS.length, time: null },
    });
    expect(s.query("ruleDropped", 0, 1).records[0]).toMatchObject({ ruleId: "r", version: 1 });
  });

  it("names the record and JSON path of every problem and leaves the session as it was", () => {
    const s = session({ broadcast: UPDATE });
    stepTo(s, 3);
    const before = s.summary();
    let problems: readonly string[] = [];
    try {
      s.loadBroadcast([
        { at: 0, config: {} },
        { at: "soon", remove: "r" },
        { at: 1, rule: exportRule(rule("r", 2, "c")), extra: true },
        { at: 2, rule: { ...(exportRule(rule("r", 3, "c")) as object), pattern: { name: "p" } } },
      ]);
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError);
      problems = (error as RuleSetError).problems;
    }
    expect(problems[0]).toBe(
      'records[1].at: "at" must be an event position (a whole number ≥ 0) when the run has neither event time nor a clock field',
    );
    expect(problems[1]).toBe(
      'records[2]: a broadcast record has "at" and exactly one of "rule", "remove", "config" (unknown field "extra")',
    );
    expect(problems.slice(2).every((p) => p.startsWith("records[3].rule.pattern"))).toBe(true);
    expect(problems.length).toBeGreaterThan(2);
    expect(() => {
      s.loadBroadcast({ at: 0 });
    }).toThrow(/records: the broadcast stream must be a list/);
    const after = s.summary();
    expect(after.position).toEqual(before.position);
    expect(after.broadcast).toEqual(before.broadcast);
    expect(s.broadcastRecords).toBe(UPDATE);
  });

  it("reads `at` by the settings: a date-time needs event time, and configure re-reads it", () => {
    const records = [{ at: new Date(3000).toISOString(), remove: "r" }];
    expect(() => session({ broadcast: records })).toThrow(RuleSetError);
    const s = session({ config: BY_TIME, broadcast: records });
    playToEnd(s);
    expect(s.summary().broadcast.records[0]).toMatchObject({ at: 3000, taken: { position: 3, time: 3000 } });
    expect(() => {
      s.configure(BY_POSITION);
    }).toThrow(/records\[0\]\.at/);
    expect(s.runConfig).toBe(BY_TIME);
    s.loadBroadcast([{ at: 2000, remove: "r" }]);
    expect(s.summary().broadcast.records[0]).toMatchObject({ taken: { position: 2, time: 2000 } });
    // Now a position past the 7 events: the ended run took it at the end of input.
    s.configure(BY_POSITION);
    expect(s.summary().broadcast.records[0]).toMatchObject({
      at: 2000,
      state: "applied",
      taken: { position: EVENTS.length, time: null },
    });
    s.seek(6);
    expect(s.summary().broadcast.records[0]).toMatchObject({ state: "pending", taken: null });
  });

  it("explains events under a version the broadcast added, and replays records no longer kept", () => {
    const s = session({ broadcast: UPDATE, keep: 1 });
    playToEnd(s);
    const explained = s.explain({ position: 6, ruleId: "r" });
    expect(explained.outcome).toMatchObject({ type: "explained", version: 2 });
    expect(s.query("matches", 0, 3).records.map((m) => m.version)).toEqual([1, 1, 2]);
  });
});
