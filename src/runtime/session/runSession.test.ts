/**
 * RunSession: play, pause, step, reset and rules applied mid-run replay to the same position
 * with identical outputs; engine errors stop the run with their context; output lists stay
 * bounded while counts stay exact, and older records come back by replay.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { Rule } from "../../model/pattern.ts";
import { RuleSetError } from "./ruleSetLoader.ts";
import { RunSession, type RunSessionOptions } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import type { MatchView, RunSummary } from "./sessionTypes.ts";
import { scenarioCsv, scenarioRule, SEED_CONFIG, seedBindings } from "./testing/sessionTestSupport.ts";

function csvInput(n: number, chunkSize = 1 << 16): SessionInput {
  const input = SessionInput.fromText({ fileName: `scenario${n}.events.csv` });
  const text = scenarioCsv(n);
  for (let i = 0; i < text.length; i += chunkSize) input.push(text.slice(i, i + chunkSize));
  input.end();
  return input;
}

function session(n: number, extra: Partial<RunSessionOptions> = {}): RunSession {
  return new RunSession({
    rules: [scenarioRule(n)],
    bindings: seedBindings(),
    config: SEED_CONFIG,
    input: csvInput(n),
    ...extra,
  });
}

/** `match r1v1 KEY stage=line|line …` (timeouts with their time). */
function describeMatch(m: MatchView): string {
  const stages = m.stages.map((s) => `${s.stage}=${s.events.map((e) => String(e.line)).join("|")}`);
  const when = m.type === "timeout" ? ` @${m.timestamp}` : "";
  return `${m.type} r${m.ruleId}v${m.version} ${String(m.key)}${when} ${stages.join(" ")}`;
}

function outputs(s: RunSession): string[] {
  const all = (kind: "matches" | "timeouts") => s.query(kind, 0, Number.MAX_SAFE_INTEGER).records;
  return [...all("matches"), ...all("timeouts")].map(describeMatch);
}

function playToEnd(s: RunSession, maxEvents?: number): RunSummary {
  s.play();
  for (let i = 0; i < 10_000 && s.state === "playing"; i++)
    s.tick(16, maxEvents === undefined ? {} : { maxEvents });
  return s.summary();
}

describe("RunSession", () => {
  it("plays scenario 2 to the end: one match, one abandoned cart, a +∞ watermark", () => {
    const summary = playToEnd(session(2));
    expect(summary.state).toBe("finished");
    expect(summary.counts).toEqual({
      matches: 1,
      timeouts: 1,
      late: 0,
      ruleDropped: 0,
      stateExpired: 0,
      results: 0,
      problems: 0,
    });
    expect(summary.newest.matches.map((m) => m.key)).toEqual(["590404850"]);
    expect(summary.newest.timeouts.map((m) => m.key)).toEqual(["517014550"]);
    expect(summary.watermark).toBe(Number.POSITIVE_INFINITY);
    expect(summary.position).toMatchObject({
      processedEvents: 3,
      totalEvents: 3,
      inputDone: true,
      ended: true,
    });
    expect(summary.error).toBeNull();
    // Ids stay exact: the 19-digit category id is text.
    expect(summary.newest.matches[0]?.stages[0]?.events[0]?.fields.categoryId).toBe("2232732093077520756");
  });

  it("steps event by event, then to the next watermark, then through the end of input", () => {
    const s = session(1);
    s.step();
    let summary = s.summary();
    expect(summary.state).toBe("paused");
    expect(summary.position.processedEvents).toBe(1);
    expect(summary.changedKeys).toEqual({ count: 1, listed: ["519698804"] });
    expect(s.summary().changedKeys.count).toBe(0);
    s.step();
    expect(s.summary().counts.matches).toBe(0); // buffered until the watermark passes it
    s.stepToWatermark();
    summary = s.summary();
    expect(summary.position.processedEvents).toBe(3);
    expect(summary.counts.matches).toBe(1);
    while (s.state === "paused") s.step();
    summary = s.summary();
    expect(summary.state).toBe("finished");
    expect(outputs(s)).toEqual(
      outputs(
        (() => {
          const f = session(1);
          playToEnd(f);
          return f;
        })(),
      ),
    );
  });

  it("gives the same outputs however play is sliced", () => {
    const whole = session(1);
    playToEnd(whole);
    for (const slice of [1, 2, 3]) {
      const sliced = session(1);
      playToEnd(sliced, slice);
      expect(outputs(sliced)).toEqual(outputs(whole));
    }
    expect(outputs(whole)).toHaveLength(4);
  });

  it("pauses and resumes; reset returns to the start with the same input", () => {
    const s = session(1);
    s.play();
    s.tick(16, { maxEvents: 2 });
    s.pause();
    expect(s.tick(16)).toBe(0);
    expect(s.summary().position.processedEvents).toBe(2);
    s.reset();
    expect(s.summary()).toMatchObject({
      state: "paused",
      position: { processedEvents: 0, items: 0 },
      watermark: null,
    });
    expect(playToEnd(s).counts.matches).toBe(3);
  });

  it("applies a rule set by replaying to the same position, with identical outputs", () => {
    const reference = session(1);
    playToEnd(reference);
    const s = session(1);
    s.step();
    s.step();
    s.step();
    const before = s.summary();
    s.applyRuleSet([scenarioRule(1)]);
    const after = s.summary();
    expect(after.position).toEqual(before.position);
    expect(after.counts).toEqual(before.counts);
    expect(after.watermark).toEqual(before.watermark);
    playToEnd(s);
    expect(outputs(s)).toEqual(outputs(reference));
    // A finished run stays finished after new rules (same position: the end).
    s.applyRuleSet([{ ...scenarioRule(1), version: 2 }]);
    expect(s.state).toBe("finished");
    expect(outputs(s)).toEqual(outputs(reference).map((o) => o.replace("v1 ", "v2 ")));
  });

  it("rejects a rule set that does not compile and keeps running the old one", () => {
    const s = session(2);
    s.step();
    const broken: Rule = {
      id: "x",
      version: 1,
      pattern: PatternBuilder.begin("a").where("(").build(),
      function: null,
    };
    expect(() => {
      s.applyRuleSet([broken]);
    }).toThrow(RuleSetError);
    expect(s.summary()).toMatchObject({ state: "paused", activeRules: [{ id: "1", version: 1 }] });
    expect(s.summary().position.processedEvents).toBe(1);
  });

  it("stops on an engine error with its rule, stage, key and line; new rules leave the error", () => {
    const failing: Rule = {
      id: "bad",
      version: 3,
      pattern: PatternBuilder.begin("a").where("eventType > 5").followedBy("b").where("true").build(),
      function: null,
    };
    const s = new RunSession({ rules: [failing], config: SEED_CONFIG, input: csvInput(2) });
    const summary = playToEnd(s);
    expect(summary.state).toBe("error");
    expect(summary.error).toMatchObject({ ruleId: "bad", version: 3, stage: "a", key: "517014550", line: 2 });
    expect(summary.error?.message).toContain("could not compare");
    s.play();
    s.step();
    expect(s.state).toBe("error");
    s.applyRuleSet([scenarioRule(2)], seedBindings());
    // Line 2 failed when line 3's watermark released it; the replay stops after line 3 too.
    expect(s.summary()).toMatchObject({ state: "paused", error: null, position: { processedEvents: 2 } });
    expect(playToEnd(s).counts).toMatchObject({ matches: 1, timeouts: 1 });
  });

  it("keeps the newest records, counts all, and replays older ranges on demand", () => {
    const full = session(1);
    playToEnd(full);
    const s = session(1, { keep: 2, summaryListSize: 5 });
    const summary = playToEnd(s);
    expect(summary.counts.matches).toBe(3);
    expect(summary.newest.matches.map((m) => m.seq)).toEqual([1, 2]);
    expect(s.query("matches", 0, 2)).toEqual(full.query("matches", 0, 2));
    expect(s.query("matches", 0, 10).records.map((m) => m.seq)).toEqual([0, 1, 2]);
    expect(s.query("matches", 5, 10)).toEqual({ total: 3, listTotal: 3, records: [] });
  });

  it("turns the partial-match cap into a warning naming the rule", () => {
    const summary = playToEnd(session(5, { config: { ...SEED_CONFIG, maxPartialMatches: 2 } }));
    expect(summary.warnings).toEqual([
      {
        kind: "partial-match-cap",
        message: expect.stringMatching(/^rule '1' \(version 1\): more than 2 partial matches/) as unknown,
      },
    ]);
    expect(playToEnd(session(5)).warnings).toEqual([]);
  });

  it("counts bad rows and reports them with their line", () => {
    const input = SessionInput.fromText({ fileName: "e.csv" });
    input.push(`${scenarioCsv(2).trimEnd()}\nnot-a-time,cart,1,2,x,y,3,42,z\n`);
    input.end();
    const s = new RunSession({
      rules: [scenarioRule(2)],
      bindings: seedBindings(),
      config: SEED_CONFIG,
      input,
    });
    const summary = playToEnd(s);
    expect(summary.counts.problems).toBe(1);
    expect(summary.problems).toEqual([expect.stringMatching(/^e\.csv:5: /)]);
    expect(summary.counts.matches).toBe(1);
  });

  it("plays at a set speed, and waits for input still loading", () => {
    const input = SessionInput.fromText({ fileName: "e.csv" });
    const text = scenarioCsv(1);
    const cut = text.indexOf("\n", text.indexOf("\n") + 1) + 1; // header + first row
    input.push(text.slice(0, cut));
    const s = new RunSession({
      rules: [scenarioRule(1)],
      bindings: seedBindings(),
      config: SEED_CONFIG,
      input,
    });
    s.setSpeed(10);
    s.play();
    expect(s.tick(50)).toBe(0);
    expect(s.tick(50)).toBe(1);
    expect(s.tick(1000)).toBe(0); // nothing more loaded yet
    expect(s.state).toBe("playing");
    input.push(text.slice(cut));
    input.end();
    s.setSpeed(null);
    s.tick(16);
    expect(s.summary()).toMatchObject({ state: "finished", counts: { matches: 3 } });
  });
});
