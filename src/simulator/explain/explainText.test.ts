/**
 * The Explain view's sentences for real explain results: a session over scenario 1 (and
 * variants) answers `explain`, and the text must say why in plain words.
 */
import { describe, expect, it } from "vitest";
import type { EventData } from "../../formats/events/index.ts";
import { RunSession, SessionInput, type ExplainResult, type RunConfig } from "../../runtime/session/index.ts";
import { importRule } from "../../formats/dynamicCep/index.ts";
import type { Rule } from "../../model/pattern.ts";
import { seedBindings, seedScenarios } from "../../scenarios/seedScenarios.ts";
import { conditionRows, explainHeading, explainSentences } from "./explainText.ts";

/** How the app runs the seed scenarios: key `userId`, event time `eventTime`, in order, a final +∞ watermark. */
const SEED_CONFIG: RunConfig = {
  key: "userId",
  time: { field: "eventTime", watermarks: { type: "bounded", delay: 0 }, finalWatermark: true },
  clock: null,
  parallelism: 1,
};

/** Seed scenario 1's rule, as the app imports it. */
function scenario1Rule(): Rule {
  const imported = importRule(seedScenarios[0]?.ruleJson);
  if (!imported.ok) throw new Error(`seed scenario 1 does not import: ${JSON.stringify(imported.errors)}`);
  return imported.value;
}

const T0 = Date.parse("2020-01-01T00:01:00Z");

const event = (eventType: string, second: number): EventData => ({
  eventType,
  userId: "u1",
  eventTime: T0 + second * 1000,
});

function session(events: readonly EventData[], config: RunConfig = SEED_CONFIG): RunSession {
  return new RunSession({
    rules: [scenario1Rule()],
    bindings: seedBindings,
    config,
    input: SessionInput.fromEvents(events),
  });
}

function explained(s: RunSession, position: number): ExplainResult {
  return s.explain({ position, ruleId: "1" });
}

describe("explainSentences", () => {
  it("says which condition was false for an event that starts nothing", () => {
    const s = session([event("cart", 0), event("view", 1)]);
    s.step();
    s.step();
    const result = explained(s, 0);
    const text = explainSentences(result).join(" ");
    expect(text).toContain("No new partial match: 'first_view' does not take the event");
    // The seed's CLASS condition is named by its class (the binding table runs it).
    expect(text).toContain(
      "`com.alibaba.ververica.cep.demo.condition.FirstViewCondition` of 'first_view' is false",
    );
    expect(explainHeading(result)).toBe("Line 1 · key u1 · subtask 0 · 2020-01-01 00:01:00.000 · rule 1 v1");
    expect(conditionRows(result.outcome.type === "explained" ? result.outcome.explanation : never())).toEqual(
      [expect.objectContaining({ run: "start", stage: "first_view", role: "condition", result: "false" })],
    );
  });

  it("says strict contiguity broke a partial match", () => {
    const s = session([event("view", 0), event("cart", 1), event("view", 2)]);
    for (let i = 0; i < 3; i++) s.step();
    expect(explainSentences(explained(s, 1)).join(" ")).toContain(
      "is dropped: strict contiguity needs the very next event to match 'second_view'",
    );
  });

  it("says an event is waiting for the watermark", () => {
    const s = session([event("view", 0), event("view", 1)], {
      ...SEED_CONFIG,
      time: { field: "eventTime", watermarks: { type: "bounded", delay: 5000 }, finalWatermark: true },
    });
    s.step();
    expect(explainSentences(explained(s, 0))[0]).toContain(
      "waiting for the watermark: the operator buffers it until the watermark of subtask 0 (now 2020-01-01 00:00:54.999) passes its time 2020-01-01 00:01:00.000",
    );
  });

  it("says an event is late, with the watermark it was behind", () => {
    const s = session([event("view", 10), event("view", 2)]);
    s.step();
    s.step();
    expect(explainSentences(explained(s, 1))[0]).toBe(
      "The event is late: its time 2020-01-01 00:01:02.000 is at or behind the watermark of subtask 0 (2020-01-01 00:01:09.999) when it arrives, so the operator sends it to the late side output and rule 1's NFA never sees it.",
    );
  });

  it("says the source skipped a row without a key", () => {
    const s = session([{ eventType: "view", eventTime: T0 }]);
    s.step();
    expect(explainSentences(explained(s, 0))[0]).toMatch(
      /^The source skipped this row, so no operator saw it: /,
    );
  });
});

function never(): never {
  throw new Error("expected an explained outcome");
}
