/**
 * Every Learn card's claims, checked through the engine: the plan a card loads is run by a
 * `RunSession` exactly as the worker runs it, and the counts its text states must come out.
 */
import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../../document/defaultDocument.ts";
import { removeRule } from "../../document/edits/ruleEdits.ts";
import { cardPlan } from "./cardPlan.ts";
import { cardSession, outputsAtEnd } from "./testing/cardRun.ts";
import { conceptCards } from "./conceptCards.ts";
import { learnCards } from "./learnCards.ts";
import { scenarioCards } from "./scenarioCards.ts";

const doc = createDefaultDocument();

function planOf(id: string) {
  const card = learnCards.find((c) => c.id === id);
  if (card === undefined) throw new Error(`no card ${id}`);
  const plan = cardPlan(card, doc);
  if (plan === null) throw new Error(`card ${id} has no plan`);
  return { card, plan };
}

describe("Learn cards", () => {
  it("lists the five seed scenarios and the core concepts, with unique ids", () => {
    expect(learnCards.map((c) => c.id)).toEqual([
      ...scenarioCards.map((c) => c.id),
      ...conceptCards.map((c) => c.id),
      "broadcast",
    ]);
    expect(new Set(learnCards.map((c) => c.id)).size).toBe(learnCards.length);
    expect(scenarioCards).toHaveLength(5);
  });

  it("every card sets what its counts assume, whatever the user set before (final watermark, String keys)", () => {
    for (const card of learnCards) {
      expect(planOf(card.id).plan.settings).toMatchObject({ finalWatermark: true, keyType: "String" });
    }
  });

  for (const card of learnCards) {
    it(`${card.id}: the run gives what the card says`, () => {
      const { plan } = planOf(card.id);
      expect(outputsAtEnd(cardSession(plan))).toEqual(card.expected);
      for (const id of Object.keys(card.expected.rules)) expect(card.ruleLabels[id]).toBeDefined();
    });
    if (card.experiment !== undefined) {
      const experiment = card.experiment;
      it(`${card.id}: the suggested experiment gives what the card says`, () => {
        const { plan } = planOf(card.id);
        expect(outputsAtEnd(cardSession(plan, experiment.settings))).toEqual(experiment.expected);
      });
    }
  }

  it("watermarks: after the second event the watermark is 10:00:09.999, so the third is late", () => {
    const session = cardSession(planOf("watermarks").plan);
    session.step();
    session.step();
    expect(session.summary().watermark).toBe(Date.parse("2020-01-01T10:00:09.999Z"));
    session.step();
    expect(session.summary().counts.late).toBe(1);
  });

  it("timeouts: u2's timeout appears when u3's view moves the watermark, timed out at 10:31:00", () => {
    const session = cardSession(planOf("timeouts").plan);
    for (let i = 0; i < 3; i++) session.step();
    expect(session.summary().counts.timeouts).toBe(0);
    session.step();
    const summary = session.summary();
    expect(summary.position.ended).toBe(false);
    expect(summary.newest.timeouts.map((t) => [t.key, t.timestamp])).toEqual([
      ["u2", Date.parse("2020-01-01T10:31:00Z")],
    ]);
  });

  it("scenario 2: the abandoned cart times out at 01:31:01", () => {
    const session = cardSession(planOf("scenario2").plan);
    outputsAtEnd(session);
    const timeouts = session.query("timeouts", 0, 1).records;
    expect(timeouts.map((t) => [t.key, t.timestamp])).toEqual([
      ["517014550", Date.parse("2020-01-01T01:31:01Z")],
    ]);
  });

  it("a scenario card enables only its rule and makes it active", () => {
    const { plan } = planOf("scenario3");
    expect(plan.doc.rules.filter((r) => r.enabled).map((r) => r.rule.id)).toEqual(["3"]);
    expect(plan.doc.activeRuleKey).toBe("r3");
  });

  it("a scenario card brings its rule back when the document lost it", () => {
    const card = scenarioCards[1];
    if (card === undefined) throw new Error("no card");
    const plan = cardPlan(card, removeRule(doc, "r2"));
    const enabled = plan?.doc.rules.filter((r) => r.enabled) ?? [];
    expect(enabled).toHaveLength(1);
    expect(enabled[0]?.rule.id).toBe("2");
    expect(plan === null ? [] : outputsAtEnd(cardSession(plan)).rules).toEqual({
      "2": { matches: 1, timeouts: 1 },
    });
  });

  it("a concept card replaces the document's rules with its own, keeping the bindings", () => {
    const { plan } = planOf("contiguity");
    expect(plan.doc.rules.map((r) => r.rule.id)).toEqual(["1", "2", "3"]);
    expect(plan.doc.bindings).toBe(doc.bindings);
  });
});

describe("broadcast rule updates card", () => {
  it("switches to version 2 before the 10:04 cart and reports version 1's dropped partial match", () => {
    const session = cardSession(planOf("broadcast").plan);
    for (let i = 0; i < 4; i++) session.step();
    expect(session.summary().activeRules).toEqual([{ id: "1", version: 1 }]);
    session.step();
    const { activeRules, broadcast, counts } = session.summary();
    expect(activeRules).toEqual([{ id: "1", version: 2 }]);
    // Input item 4 is the 10:04:00 cart: the record applied before it.
    expect(broadcast.records.map((r) => [r.state, r.taken])).toEqual([
      ["applied", { position: 4, time: Date.parse("2020-01-01T10:04:00Z") }],
    ]);
    expect(counts.ruleDropped).toBe(1);
    expect(session.query("ruleDropped", 0, 10).records).toEqual([
      { type: "rule-dropped", seq: 0, ruleId: "1", version: 1, partialMatches: 1 },
    ]);
  });

  it("gives one match per version, and nothing for u2's cart or u3's purchase", () => {
    const session = cardSession(planOf("broadcast").plan);
    outputsAtEnd(session);
    const matches = session
      .query("matches", 0, 10)
      .records.map((m) => [
        m.version,
        m.key,
        m.stages.map((s) => `${s.stage}@${s.events.map((e) => e.line).join("|")}`).join(" "),
      ]);
    expect(matches).toEqual([
      [1, "u1", "view@2 cart@4"],
      [2, "u1", "view@8 purchase@9"],
    ]);
  });
});
