import { describe, expect, it } from "vitest";
import { isJavaKeyType } from "../../runtime/javaHashCode.ts";
import { seedScenarios } from "../../scenarios/seedScenarios.ts";
import { importRulesAndBindings, RunSession, SessionInput } from "../../runtime/session/index.ts";
import { createDefaultDocument } from "../../document/defaultDocument.ts";
import { DEFAULT_MAX_PARTIAL_MATCHES } from "../../engine/index.ts";
import { PatternBuilder } from "../../model/index.ts";
import { runRuleSetOf } from "./runRuleSet.ts";
import {
  DEFAULT_RUN_SETTINGS,
  isPartialMatchCap,
  maxParallelismRange,
  runConfigOf,
  SPEED_STEPS,
  speedLabel,
  speedStepIndex,
  type RunSettings,
} from "./runSettings.ts";

const mapping = { key: "userId", time: "eventTime", type: "eventType" };

/**
 * Where scenario 1's user 519698804 goes with 4 subtasks: Flink's KeyGroupRangeAssignment
 * (keyGroups.ts, checked against Java in keyGroups.test.ts) of `"519698804".hashCode()` or
 * `519698804L.hashCode()`.
 */
const OWNERS = {
  default: { subtask: 3, keyGroup: 102 },
  maxParallelism256: { subtask: 1, keyGroup: 102 },
  long: { subtask: 1, keyGroup: 35 },
};

/** Scenario 1's clickstream under the default document's enabled rules, run to its end with `settings`. */
function runScenario1(settings: Partial<RunSettings>): RunSession {
  const scenario = seedScenarios[0];
  if (scenario === undefined) throw new Error("no seed scenario");
  const input = SessionInput.fromText({ fileName: "scenario1.events.csv" });
  input.push(scenario.eventsCsv);
  input.end();
  const ruleSet = runRuleSetOf(createDefaultDocument());
  const { rules, bindings } = importRulesAndBindings(ruleSet.rules, ruleSet.bindings);
  const config = runConfigOf({ ...DEFAULT_RUN_SETTINGS, ...settings }, mapping);
  const session = new RunSession({ rules, bindings, config, input });
  session.setSpeed(null);
  session.play();
  while (session.state === "playing") session.tick(0);
  return session;
}

describe("runConfigOf", () => {
  it("runs in event time with bounded out-of-orderness and a final watermark", () => {
    const config = runConfigOf({ ...DEFAULT_RUN_SETTINGS, outOfOrdernessMs: 5000, parallelism: 4 }, mapping);
    expect(config).toEqual({
      key: "userId",
      time: {
        field: "eventTime",
        watermarks: { type: "bounded", delay: 5000, intervalMs: null, idleTimeoutMs: null },
        finalWatermark: true,
        partitions: 1,
        partitionField: null,
      },
      clock: null,
      parallelism: 4,
      maxParallelism: 128,
      keyType: "String",
      maxPartialMatches: 10_000,
    });
  });

  it("passes the max parallelism, key type and no final watermark on", () => {
    const config = runConfigOf(
      { ...DEFAULT_RUN_SETTINGS, maxParallelism: 4096, keyType: "Long", finalWatermark: false },
      mapping,
    );
    expect(config).toMatchObject({ maxParallelism: 4096, keyType: "Long", time: { finalWatermark: false } });
  });

  it("passes the partial-match cap on", () => {
    expect(runConfigOf({ ...DEFAULT_RUN_SETTINGS, maxPartialMatches: 7 }, mapping).maxPartialMatches).toBe(7);
  });

  it("passes the watermark interval, idleness and source partitions on", () => {
    const config = runConfigOf(
      { ...DEFAULT_RUN_SETTINGS, watermarkIntervalMs: 200, idleTimeoutMs: 60_000 },
      mapping,
      { count: 4, field: "partition" },
    );
    expect(config.time).toMatchObject({
      watermarks: { type: "bounded", delay: 0, intervalMs: 200, idleTimeoutMs: 60_000 },
      partitions: 4,
      partitionField: "partition",
    });
  });

  it("uses the time field as the processing-time clock", () => {
    const config = runConfigOf({ ...DEFAULT_RUN_SETTINGS, timeMode: "processing" }, mapping);
    expect(config.time).toBeNull();
    expect(config.clock).toBe("eventTime");
  });

  it("falls back to arrival order when the data has no time field", () => {
    const config = runConfigOf(DEFAULT_RUN_SETTINGS, { ...mapping, time: null });
    expect(config.time).toBeNull();
    expect(config.clock).toBeNull();
  });
});

describe("the settings change the run", () => {
  const key = "519698804";

  it("the max parallelism and the key type move a key to another key group and subtask", () => {
    const owner = (settings: Partial<RunSettings>) => {
      const { subtask, keyGroup } = runScenario1({ parallelism: 4, ...settings }).partialMatches(key);
      return { subtask, keyGroup };
    };
    expect(owner({})).toEqual(OWNERS.default);
    expect(owner({ maxParallelism: 256 })).toEqual(OWNERS.maxParallelism256);
    expect(owner({ keyType: "Long" })).toEqual(OWNERS.long);
  });

  it("without the final watermark the end of input leaves the last event buffered and its match open", () => {
    const ended = runScenario1({}).partialMatches(key);
    const open = runScenario1({ finalWatermark: false }).partialMatches(key);
    const count = (r: typeof ended) => r.rules.reduce((n, rule) => n + rule.partialMatches.length, 0);
    const buffered = (r: typeof ended) => r.rules[0]?.buffered.length ?? 0;
    expect([count(ended), buffered(ended)]).toEqual([0, 0]);
    expect(count(open)).toBeGreaterThan(0);
    expect(buffered(open)).toBe(1);
  });
});

describe("the partial-match cap", () => {
  /** `view followedByAny view.oneOrMore().allowCombinations() followedBy purchase`: runs double per view. */
  const combinations = {
    id: "combinations",
    version: 1,
    function: "f",
    pattern: PatternBuilder.begin("first")
      .where("eventType == 'view'")
      .followedByAny("more")
      .where("eventType == 'view'")
      .oneOrMore()
      .allowCombinations()
      .followedBy("buy")
      .where("eventType == 'purchase'")
      .build(),
  };

  /** One user's 8 views and a purchase, run to the end with the cap `cap`. */
  function run(cap: number) {
    const rows = Array.from({ length: 8 }, (_, i) => `u1,view,${i + 1}`);
    const input = SessionInput.fromText({ fileName: "views.csv" });
    input.push(["userId,eventType,eventTime", ...rows, "u1,purchase,9", ""].join("\n"));
    input.end();
    const config = runConfigOf({ ...DEFAULT_RUN_SETTINGS, maxPartialMatches: cap }, mapping);
    const session = new RunSession({ rules: [combinations], bindings: {}, config, input });
    session.setSpeed(null);
    session.play();
    while (session.state === "playing") session.tick(0);
    return session.summary();
  }

  it("is the engine's (and the CLI's) by default", () => {
    expect(DEFAULT_RUN_SETTINGS.maxPartialMatches).toBe(DEFAULT_MAX_PARTIAL_MATCHES);
  });

  it("drops the runs started latest beyond the cap, and says so once", () => {
    const capped = run(5);
    expect(capped.warnings).toEqual([
      {
        kind: "partial-match-cap",
        message:
          "rule 'combinations' (version 1): more than 5 partial matches for one key; the most recently started ones were dropped",
      },
    ]);
    const full = run(DEFAULT_RUN_SETTINGS.maxPartialMatches);
    expect(full.warnings).toEqual([]);
    expect(capped.counts.matches).toBeLessThan(full.counts.matches);
  });
});

describe("setting bounds", () => {
  it("takes no fewer key groups than subtasks, up to Flink's 32768", () => {
    expect(maxParallelismRange(1)).toEqual({ min: 1, max: 32768 });
    expect(maxParallelismRange(16)).toEqual({ min: 16, max: 32768 });
  });

  it("takes a partial-match cap of 1 or more, as the CLI's --max-partial-matches", () => {
    expect([1, 10_000, Number.MAX_SAFE_INTEGER].every(isPartialMatchCap)).toBe(true);
    expect([0, -3, 2.5, 1e300, Number.NaN].some(isPartialMatchCap)).toBe(false);
  });

  it("knows the CLI's key types, spelt as Java spells them", () => {
    expect(["String", "Long", "Integer", "Boolean", "Double"].every(isJavaKeyType)).toBe(true);
    expect(isJavaKeyType("long")).toBe(false);
    expect(isJavaKeyType("BigInteger")).toBe(false);
  });
});

describe("speed steps", () => {
  it("finds the nearest step and ends with as fast as possible", () => {
    expect(SPEED_STEPS.at(-1)).toBeNull();
    expect(speedStepIndex(null)).toBe(SPEED_STEPS.length - 1);
    expect(SPEED_STEPS[speedStepIndex(2)]).toBe(2);
    expect(SPEED_STEPS[speedStepIndex(900)]).toBe(1000);
    expect(SPEED_STEPS[speedStepIndex(0.6)]).toBe(0.5);
  });

  it("says the speed in words", () => {
    expect(speedLabel(1)).toBe("1 event/s");
    expect(speedLabel(10000)).toBe("10 000 events/s");
    expect(speedLabel(null)).toBe("as fast as possible");
  });
});
