/**
 * A session running a built-in keyed-broadcast processor instead of CEP rules (the CLI's
 * `--processor`): seed 000's article result through the session, results as an output list,
 * the key's keyed state in `partialMatches`, the processor's broadcast records and their
 * problems, switching back to the rules, and two-action's evaluator state.
 */
import { describe, expect, it } from "vitest";
import { RuleSetError } from "./ruleSetLoader.ts";
import { RunSession } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import { scenarioCsv, scenarioRule, SEED_CONFIG, seedBindings } from "./testing/sessionTestSupport.ts";
import {
  APP_CONFIG,
  ARTICLE_RESULT,
  BY_POSITION,
  generatedInput,
  SAMPLE_EVENTS,
  SAMPLE_USER,
} from "./testing/processorData.ts";

function purchasePath(records: readonly unknown[] = [{ at: 0, config: APP_CONFIG }]): RunSession {
  return new RunSession({
    rules: [],
    processor: "purchase-path",
    broadcast: records,
    config: BY_POSITION,
    input: SessionInput.fromEvents(SAMPLE_EVENTS),
  });
}

function stepTimes(s: RunSession, n: number): void {
  for (let i = 0; i < n; i++) s.step();
}

describe("RunSession running a processor", () => {
  it("reproduces seed 000's article result as a `results` record, counted in the summary", () => {
    const s = purchasePath();
    s.play();
    while (s.state === "playing") s.tick(16);
    const summary = s.summary();
    expect(summary.processor).toBe("purchase-path");
    expect(summary.activeRules).toEqual([]);
    expect(summary.counts.results).toBe(1);
    expect(summary.counts.matches).toBe(0);
    const { records, total } = s.query("results", 0, 10);
    expect(total).toBe(1);
    expect(records).toEqual([
      { type: "result", seq: 0, key: SAMPLE_USER, subtask: 0, line: 9, result: ARTICLE_RESULT },
    ]);
    // Field order as the article prints it.
    expect(Object.keys(records[0]?.result ?? {})).toEqual([
      "userId",
      "channel",
      "purchasePathLength",
      "eventTypeCounts",
    ]);
    expect(summary.newest.results).toEqual(records);
    expect(summary.broadcast.records).toEqual([
      {
        index: 0,
        at: 0,
        kind: "config",
        ruleId: null,
        version: null,
        configKey: { keyBy: "channel", value: "APP" },
        state: "applied",
        taken: { position: 0, time: 0 },
        rejected: null,
      },
    ]);
  });

  it("shows the key's purchase path, then nothing once the purchase cleared it", () => {
    const s = purchasePath();
    stepTimes(s, 8);
    const before = s.partialMatches(SAMPLE_USER);
    expect(before.rules).toEqual([]);
    expect(before.processor?.view).toEqual({
      processor: "purchase-path",
      paths: [
        {
          channel: "APP",
          length: 8,
          eventTypeCounts: { ADD_TO_CART: 1, VIEW_PRODUCT: 7 },
          events: SAMPLE_EVENTS.slice(0, 8).map((e) => ({ eventType: e.eventType, eventTime: e.eventTime })),
          config: APP_CONFIG,
          defaultConfig: false,
        },
      ],
    });
    expect(before.processor?.state).toMatchObject({ userEventContainerState: { type: "map" } });
    s.step();
    const after = s.partialMatches(SAMPLE_USER);
    expect(after.processor).toEqual({
      processor: "purchase-path",
      view: { processor: "purchase-path", paths: [] },
      state: null,
    });
  });

  it("without a config for the channel, evaluates against the original's default config", () => {
    const s = purchasePath([]);
    stepTimes(s, 1);
    const path = s.partialMatches(SAMPLE_USER).processor?.view;
    expect(path?.processor === "purchase-path" && path.paths[0]?.defaultConfig).toBe(true);
  });

  it("reads broadcast records as the processor's and names the problems", () => {
    const s = purchasePath();
    expect(() => {
      s.loadBroadcast([{ at: 0, rule: { id: "1" } }]);
    }).toThrow(RuleSetError);
    const refused = (): unknown => {
      try {
        s.loadBroadcast([
          { at: 0, config: { channel: "APP" } },
          { at: 1, remove: "1" },
        ]);
        return null;
      } catch (error) {
        return error;
      }
    };
    expect(refused()).toMatchObject({
      problems: [
        'records[0]: config: field "registerDate" must be text, got nothing (the field is missing)',
        'records[1]: a broadcast record has "at" and exactly one of "config" (unknown field "remove")',
      ],
    });
    expect(() => {
      s.loadProcessor("purchase-paths");
    }).toThrow(/no built-in processor/);
    // Refused requests change nothing.
    expect(s.processor).toBe("purchase-path");
    expect(s.broadcastRecords).toEqual([{ at: 0, config: APP_CONFIG }]);
  });

  it("switches between the rules and a processor, replaying to the same position", () => {
    const s = new RunSession({
      rules: [scenarioRule(1)],
      bindings: seedBindings(),
      config: SEED_CONFIG,
      input: inputOf(scenarioCsv(1)),
    });
    s.play();
    while (s.state === "playing") s.tick(16);
    const cep = s.summary();
    expect(cep.counts.matches).toBeGreaterThan(0);
    // Scenario 1's REES46-like rows are no seed 000 events: the source skips them, naming the field.
    s.loadProcessor("purchase-path");
    const processing = s.summary();
    expect(processing.processor).toBe("purchase-path");
    expect(processing.position.items).toBe(cep.position.items);
    expect(processing.counts.matches).toBe(0);
    expect(processing.problems[0]).toMatch(/field "channel"/);
    expect(() => s.explain({ position: 0, ruleId: "1" })).toThrow(/purchase-path processor/);
    s.loadProcessor(null);
    const back = s.summary();
    expect(back.processor).toBeNull();
    expect(back.counts).toEqual(cep.counts);
  });

  it("runs seed 001's evaluator and shows what it waits for", () => {
    const actions = [
      { userId: 1001, action: "login" },
      { userId: 1001, action: "logout" },
      { userId: 1002, action: "add-to-cart" },
      { userId: 1002, action: "login" },
    ];
    const s = new RunSession({
      rules: [],
      processor: "two-action",
      broadcast: [{ at: 0, pattern: { firstAction: "login", secondAction: "logout" } }],
      config: BY_POSITION,
      input: SessionInput.fromEvents(actions),
    });
    stepTimes(s, 4);
    expect(s.query("results", 0, 10).records.map((r) => r.result)).toEqual([
      { userId: "1001", pattern: { firstAction: "login", secondAction: "logout" } },
    ]);
    expect(s.partialMatches("1002").processor?.view).toEqual({
      processor: "two-action",
      lastAction: "login",
      pattern: { firstAction: "login", secondAction: "logout" },
      completesWith: "logout",
    });
    expect(s.broadcastState()[0]?.processorState).toEqual({
      patterns: [[null, { firstAction: "login", secondAction: "logout" }]],
    });
  });

  it("runs generated seed 000 data keyed by user over parallel subtasks", () => {
    const s = new RunSession({
      rules: [],
      processor: "purchase-path",
      broadcast: [{ at: 0, config: APP_CONFIG }],
      config: { ...BY_POSITION, parallelism: 3 },
      input: generatedInput("seed000", 7, 40, 2000),
    });
    s.play();
    while (s.state === "playing") s.tick(16);
    const summary = s.summary();
    expect(summary.counts.problems).toBe(0);
    expect(summary.counts.results).toBeGreaterThan(5);
    const results = s.query("results", 0, summary.counts.results).records;
    for (const r of results) {
      expect(r.key).toBe(r.result.userId);
      expect(s.partialMatches(r.key).subtask).toBe(r.subtask);
    }
  });
});

function inputOf(csv: string): SessionInput {
  const input = SessionInput.fromText({ fileName: "events.csv" });
  input.push(csv);
  input.end();
  return input;
}
