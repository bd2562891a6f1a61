/**
 * `cep-studio run`, in process, against Flink's `NFATestHarness` on random rules of every family
 * the engine's property tests generate (linear, quantified with until / greedy / per-repetition
 * windows, NOT, NOT around loops, groups; every skip strategy; both window types) and random
 * keyed streams in timestamp order with ties. The CLI's whole path is under test: the rule file
 * (dynamic-CEP JSON), the JSON Lines reader, `--key`, the clock or the watermarks, the keyed
 * operator and the output lines. The reference (`testing/harnessReference.ts`) feeds one harness
 * per (rule, key) as Flink's `CepOperator` feeds its NFA and writes the contract's lines; per
 * rule and key the CLI must print exactly those lines, in that order.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { exportGraphSpec, exportRuleSet, type JsonValue } from "../formats/dynamicCep/index.ts";
import type { GraphNode } from "../model/pattern.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { hasPatternErrors, validatePattern } from "../model/validate.ts";
import { timerDelaysOf } from "../engine/operator/timerDelays.ts";
import { ev, type TestEvent } from "../engine/testing/nfaTestHarness.ts";
import {
  groupChainPatternArb,
  notBeforeOptionalArb,
  notLoopPatternArb,
  withChainSkip,
} from "../engine/properties/chainArbs.ts";
import { buildChainPattern } from "../engine/properties/chainPattern.ts";
import {
  buildLinearPattern,
  linearPatternArb,
  skipArb,
  streamArb,
} from "../engine/properties/linearPattern.ts";
import { buildNotPattern, notPatternArb } from "../engine/properties/notPattern.ts";
import {
  buildQuantifiedPattern,
  focusedPatternArb,
  greedyStageArb,
  untilStageArb,
  windowedPatternArb,
  type QuantifiedPattern,
} from "../engine/properties/quantifiedPattern.ts";
import {
  cliLinesByRuleAndKey,
  eventTimeReference,
  processingTimeReference,
  type KeyOf,
  type LinesByRuleAndKey,
  type ReferenceRule,
} from "./testing/harnessReference.ts";
import { runInProcess, summarize } from "./testing/cliTestSupport.ts";

const dir = mkdtempSync(path.join(tmpdir(), "cep-studio-cli-vs-harness-"));
let runs = 0;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const quantified = (patterns: fc.Arbitrary<QuantifiedPattern>): fc.Arbitrary<GraphNode> =>
  patterns.chain((p) => skipArb(p.stages.length).map((skip) => buildQuantifiedPattern(p, skip)));

/** One rule of any family, with any skip strategy it admits; only patterns Flink accepts. */
const graphArb: fc.Arbitrary<GraphNode> = fc
  .oneof(
    linearPatternArb().chain((p) => skipArb(p.stages.length).map((skip) => buildLinearPattern(p, skip))),
    quantified(windowedPatternArb),
    quantified(focusedPatternArb(untilStageArb)),
    quantified(focusedPatternArb(greedyStageArb)),
    notPatternArb.map(buildNotPattern),
    ...[notLoopPatternArb, groupChainPatternArb, notBeforeOptionalArb].map((patterns) =>
      withChainSkip(patterns).map(({ pattern, skip }) => buildChainPattern(pattern, skip)),
    ),
  )
  .filter((graph) => !hasPatternErrors(validatePattern(graph)));

/** 1–3 rules run side by side, as a rule-set file (ids r0…, versions 1…). */
const rulesArb: fc.Arbitrary<ReferenceRule[]> = fc
  .array(graphArb, { minLength: 1, maxLength: 3 })
  .map((graphs) => graphs.map((graph, i) => ({ id: `r${i}`, version: i + 1, graph })));

const TAGS = ["x", "é", 'a"b', "tab\there"] as const;

/** Flink's test `Event(id, name, price)` plus `ts`, `key` and a text field, as read from JSON Lines. */
function eventsArb(keys: readonly string[], numericKeys = false): fc.Arbitrary<TestEvent[]> {
  return streamArb({ maxLength: 16, keys, maxGap: 2 }).map((stream) =>
    stream.map((e) => {
      // `--key` prints 7 and "7" alike, as the string "7".
      const key = numericKeys ? Number(e.key) : e.key;
      return ev(e.i, e.name, (e.i % 4) * 1.25, { ts: e.ts, key, tag: TAGS[e.i % 4] });
    }),
  );
}

const byKey: KeyOf = (event) => String(event.key);
const noKey: KeyOf = () => null;
const timeOf = (event: TestEvent): number => Number(event.ts);

/** The rule-set file's JSON for `rules`. */
const ruleSetJson = (rules: readonly ReferenceRule[]): JsonValue =>
  exportRuleSet(rules.map((r) => ({ id: r.id, version: r.version, pattern: r.graph, function: null })));

/** `cep-studio run --pattern <json> --events - …flags` over `events`; its lines by rule and key. */
async function runCli(
  json: JsonValue,
  events: readonly TestEvent[],
  flags: readonly string[],
): Promise<LinesByRuleAndKey> {
  // A file per run: a run still going after its test timed out cannot change another's rules.
  const patternFile = path.join(dir, `rules-${runs++}.json`);
  writeFileSync(patternFile, JSON.stringify(json));
  const stdin = events.map((e) => JSON.stringify(e)).join("\n");
  const run = await runInProcess(["run", "--pattern", patternFile, "--events", "-", ...flags], stdin);
  expect(run.status, run.stderr).toBe(0);
  return cliLinesByRuleAndKey(run.stdout);
}

/**
 * Each group's lines as a sorted multiset, timeouts without their timestamp: Flink's
 * `NFA.advanceTime(t)` stamps a timeout `previous + times window` when that deadline passed by t,
 * else `first + within`, so a call at an earlier watermark may stamp the same partial match
 * with its `within` deadline where `advanceTime(+∞)` stamps the later times-window one.
 */
const sorted = (lines: LinesByRuleAndKey): LinesByRuleAndKey =>
  Object.fromEntries(
    Object.entries(lines).map(([group, l]) => [
      group,
      l.map((line) => line.replace(/,"timestamp":\d+,/, ",")).sort(),
    ]),
  );

/** Only the groups (`"<rule> <key>"`) `keep` accepts. */
function only(lines: LinesByRuleAndKey, keep: (group: string) => boolean): LinesByRuleAndKey {
  return Object.fromEntries(Object.entries(lines).filter(([group]) => keep(group)));
}

/** Only the groups of the rules `keep` accepts. */
const ofRules = (lines: LinesByRuleAndKey, keep: (id: string) => boolean): LinesByRuleAndKey =>
  only(lines, (group) => keep(group.split(" ")[0] ?? ""));

// Generous: the machine is shared, and each run goes through the whole CLI.
describe("cep-studio run against NFATestHarness", { timeout: 60_000 }, () => {
  it("--clock ts without --key: exactly the harness fed advanceTime(ts) then process(event, ts)", async () => {
    await fc.assert(
      fc.asyncProperty(graphArb, eventsArb(["k"]), async (graph, events) => {
        const rule: ReferenceRule = { id: "1", version: 1, graph };
        const expected = processingTimeReference([rule], events, {
          clockOf: timeOf,
          keyOf: noKey,
          timers: false,
        });
        expect(await runCli(exportGraphSpec(graph), events, ["--clock", "ts"])).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("--clock ts --key key: per rule and key, the harness at the clock, with the operator's timers", async () => {
    await fc.assert(
      fc.asyncProperty(rulesArb, eventsArb(["k1", "k2", "k3"]), async (rules, events) => {
        const expected = processingTimeReference(rules, events, {
          clockOf: timeOf,
          keyOf: byKey,
          timers: true,
        });
        expect(await runCli(ruleSetJson(rules), events, ["--clock", "ts", "--key", "key"])).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("no time flag: the clock is the 0-based position", async () => {
    await fc.assert(
      fc.asyncProperty(rulesArb, eventsArb(["1", "2"], true), async (rules, events) => {
        const expected = processingTimeReference(rules, events, {
          clockOf: (_, position) => position,
          keyOf: byKey,
          timers: true,
        });
        expect(await runCli(ruleSetJson(rules), events, ["--key", "key"])).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it("--time ts: the harness fed at each watermark as CepOperator.onEventTime does, then +∞", async () => {
    const feedArb = fc.record({ delay: fc.constantFrom(0, 0, 0, 2), finalWatermark: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(rulesArb, eventsArb(["k1", "k2", "k3"]), feedArb, async (rules, events, feed) => {
        const flags = ["--time", "ts", "--key", "key", "--out-of-orderness", String(feed.delay)];
        if (!feed.finalWatermark) flags.push("--no-final-watermark");
        const actual = await runCli(ruleSetJson(rules), events, flags);
        expect(actual).toEqual(eventTimeReference(rules, events, { timeOf, keyOf: byKey, ...feed }));
        if (!feed.finalWatermark) return;
        // What Flink's harness gives fed the same events and then advanceTime(+∞): exactly that
        // for rules without a window (no advanceTime can emit anything before the end), and the
        // same multiset under NO_SKIP (a watermark's advanceTime(W) only emits earlier; with
        // a skip strategy, what a timeout releases early may prune differently).
        const harness = processingTimeReference(rules, events, {
          clockOf: timeOf,
          keyOf: byKey,
          timers: false,
          finalTime: Number.POSITIVE_INFINITY,
        });
        // Equal timestamps are left out of the second: the harness calls advanceTime(ts) before
        // each element, the operator once per timestamp (see the pinned example below).
        const rule = (id: string) => rules.find((r) => r.id === id)?.graph;
        const unwindowed = (id: string) => timerDelaysOf(rule(id) as GraphNode).length === 0;
        expect(ofRules(actual, unwindowed)).toEqual(ofRules(harness, unwindowed));
        const tied = new Set(
          events
            .filter((e, i) => events.some((o, j) => j < i && o.key === e.key && o.ts === e.ts))
            .map(byKey),
        );
        const noSkip = (group: string) => {
          const [id = "", key = ""] = group.split(" ");
          return rule(id)?.afterMatchStrategy.type === "NO_SKIP" && !tied.has(JSON.parse(key) as string);
        };
        expect(sorted(only(actual, noSkip))).toEqual(sorted(only(harness, noSkip)));
      }),
      { numRuns: 80 },
    );
  });
});

describe("equal timestamps", () => {
  // a, notNext b, followedByAny a, within 1 ms PREVIOUS_AND_CURRENT; a#0@0 a#1@1 a#2@1. Taking
  // a#1, the run holding a#0 also proceeds past the notNext into s2's ignore loop without taking
  // anything, so it waits in s2 (whose window is checked) with previous timestamp 0.
  const graph = PatternBuilder.begin("s0")
    .where("name == 'a'")
    .notNext("s1")
    .where("name == 'b'")
    .followedByAny("s2")
    .where("name == 'a'")
    .within(1, "PREVIOUS_AND_CURRENT")
    .build();
  const events = [ev(0, "a", 0, { ts: 0 }), ev(1, "a", 0, { ts: 1 }), ev(2, "a", 0, { ts: 1 })];
  const stdin = events.map((e) => JSON.stringify(e)).join("\n");
  const pattern = path.join(dir, "equal-timestamps.json");
  writeFileSync(pattern, JSON.stringify(exportGraphSpec(graph)));

  it("--clock feeds as NFATestHarness: advanceTime(1) again before a#2 times that run out", async () => {
    const run = await runInProcess(["run", "--pattern", pattern, "--events", "-", "--clock", "ts"], stdin);
    expect(summarize(run.stdout, "id")).toEqual([
      "match null s0=0 s2=1",
      "timeout null @1 s0=0",
      "match null s0=1 s2=2",
    ]);
  });

  it("--time feeds as CepOperator.onEventTime: one advanceTime(1), then a#1 and a#2, so a#2 joins a#0", async () => {
    const run = await runInProcess(["run", "--pattern", pattern, "--events", "-", "--time", "ts"], stdin);
    expect(summarize(run.stdout, "id")).toEqual([
      "match null s0=0 s2=1",
      "match null s0=0 s2=2",
      "match null s0=1 s2=2",
      "timeout null @1 s0=0",
      "timeout null @2 s0=1",
      // (a#2's own run still waits at the notNext, which has no window: it never times out.)
    ]);
  });
});

describe("processing-time timers of another key", () => {
  // Flink's CepOperator registers a processing-time timer only in processEvent, when
  // `nfa.getWindowTime() > 0 && nfaState.isNewStartPartialMatch()`, at `ts + windowTime + 1`;
  // getWindowTime() is the FIRST_AND_LAST window (NFACompiler), 0 for a PREVIOUS_AND_CURRENT one.
  // So k2's element at 10 cannot time out k1's partial match: per key, the CLI prints what the
  // key's harness gives, which is nothing.
  it("a PREVIOUS_AND_CURRENT window sets no timer: k1's a@0 does not time out at k2's clock 10", async () => {
    const graph = PatternBuilder.begin("a")
      .where("name == 'a'")
      .followedBy("b")
      .where("name == 'b'")
      .within(5, "PREVIOUS_AND_CURRENT")
      .build();
    const pattern = path.join(dir, "previous-and-current.json");
    writeFileSync(pattern, JSON.stringify(exportGraphSpec(graph)));
    const stdin = ['{"name":"a","t":0,"k":"k1"}', '{"name":"x","t":10,"k":"k2"}'].join("\n");
    const run = await runInProcess(
      ["run", "--pattern", pattern, "--events", "-", "--clock", "t", "--key", "k"],
      stdin,
    );
    expect(run.stdout).toBe("");
  });
});
