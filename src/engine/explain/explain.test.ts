import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importRule } from "../../formats/dynamicCep/importRule.ts";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { EventRecord } from "../api.ts";
import { compilePattern, describeExplanation, type CompiledNFA, type KeyedNFAState } from "../index.ts";

const bindings = JSON.parse(
  readFileSync(new URL("../../scenarios/seed/bindings.json", import.meta.url), "utf8"),
) as Record<string, string>;

function seed(n: number): CompiledNFA {
  const json: unknown = JSON.parse(
    readFileSync(new URL(`../../scenarios/seed/scenario${String(n)}.rule.json`, import.meta.url), "utf8"),
  );
  const rule = importRule(json);
  if (!rule.ok) throw new Error("seed rule does not import");
  return compilePattern(rule.value.pattern, { bindings });
}

const MINUTE = 60_000;
const view = (productId: number, price = 100): EventRecord => ({ eventType: "view", productId, price });
const cart = (price: number): EventRecord => ({ eventType: "cart", productId: 1, price });

/** Feeds like the operator: advanceTime(ts) then process(event, ts). */
function feed(nfa: CompiledNFA, state: KeyedNFAState, event: EventRecord, ts: number): void {
  nfa.advanceTime(state, ts);
  nfa.process(state, event, ts);
}

describe("explain", () => {
  it("scenario 1: an event between two views breaks strict contiguity (next)", () => {
    const nfa = seed(1);
    const state = nfa.createState();
    feed(nfa, state, view(1), MINUTE);
    const before = nfa.inspect(state);
    const expl = nfa.explain(state, cart(50), 2 * MINUTE);
    // The state is untouched: the same run still waits, and processing goes on as if never explained.
    expect(nfa.inspect(state)).toEqual(before);

    const partial = expl.runs.find((r) => r.kind === "partial");
    expect(partial).toMatchObject({
      stage: "second_view",
      startTimestamp: MINUTE,
      outcome: "broke-contiguity",
      branches: [],
    });
    expect(partial?.transitions).toEqual([
      {
        action: "take",
        from: "second_view",
        to: "$endState$",
        toKind: "end",
        condition: "com.alibaba.ververica.cep.demo.condition.FirstViewCondition",
        result: false,
        evaluations: [
          {
            stage: "second_view",
            role: "condition",
            text: "com.alibaba.ververica.cep.demo.condition.FirstViewCondition",
            result: false,
            error: null,
          },
        ],
        afterTake: false,
      },
    ]);
    expect(expl.runs.find((r) => r.kind === "start")?.outcome).toBe("unaffected");
    expect(expl.matches).toEqual([]);
    const text = describeExplanation(expl);
    expect(text).toContain(
      "The partial match waiting in 'second_view' (started at t=60000, with 'first_view') is dropped: strict contiguity needs the very next event to match 'second_view', but condition `com.alibaba.ververica.cep.demo.condition.FirstViewCondition` of 'second_view' is false.",
    );
    expect(text).toContain(
      "No new partial match: 'first_view' does not take the event — condition `com.alibaba.ververica.cep.demo.condition.FirstViewCondition` of 'first_view' is false.",
    );
  });

  it("scenario 1: a second view completes the match and starts a new one", () => {
    const nfa = seed(1);
    const state = nfa.createState();
    feed(nfa, state, view(1), MINUTE);
    const second = view(2);
    const expl = nfa.explain(state, second, 2 * MINUTE);
    expect(expl.runs.map((r) => [r.kind, r.outcome])).toEqual([
      ["partial", "completed"],
      ["start", "started"],
    ]);
    expect(expl.matches).toEqual([
      [
        { stage: "first_view", events: [view(1)] },
        { stage: "second_view", events: [second] },
      ],
    ]);
    expect(describeExplanation(expl)).toEqual([
      "The partial match waiting in 'second_view' (started at t=60000, with 'first_view') completes the pattern with this event — condition `com.alibaba.ververica.cep.demo.condition.FirstViewCondition` of 'second_view' is true.",
      "'first_view' takes the event: a new partial match starts — condition `com.alibaba.ververica.cep.demo.condition.FirstViewCondition` of 'first_view' is true.",
      "1 match is emitted ('first_view' ×1, 'second_view' ×1).",
    ]);
    // Explaining did not feed the event: processing it now gives the same match.
    expect(nfa.process(state, second, 2 * MINUTE)).toHaveLength(1);
  });

  it("scenario 2: the window expired before the purchase", () => {
    const nfa = seed(2);
    const state = nfa.createState();
    feed(nfa, state, cart(500), MINUTE);
    const expl = nfa.explain(state, { eventType: "purchase", productId: 1, price: 500 }, 40 * MINUTE);
    expect(expl.runs[0]).toMatchObject({
      outcome: "discarded-by-window",
      stage: "purchase",
      windowEnd: 31 * MINUTE,
    });
    expect(expl.timedOut).toEqual([
      { match: [{ stage: "cart_add", events: [cart(500)] }], timestamp: 31 * MINUTE },
    ]);
    expect(expl.matches).toEqual([]);
    expect(describeExplanation(expl)[0]).toBe(
      "The partial match waiting in 'purchase' (started at t=60000, with 'cart_add') is discarded: its window ended at t=1860000, before this event; it is reported as a timeout.",
    );
  });

  it("scenario 2: a cart below the price threshold starts nothing; relaxed contiguity skips a view", () => {
    const nfa = seed(2);
    const state = nfa.createState();
    const cheap = nfa.explain(state, cart(20), MINUTE);
    expect(cheap.runs).toHaveLength(1);
    expect(cheap.runs[0]?.outcome).toBe("unaffected");
    expect(cheap.runs[0]?.transitions[0]?.evaluations[0]).toMatchObject({ stage: "cart_add", result: false });

    feed(nfa, state, cart(500), MINUTE);
    const skipped = nfa.explain(state, view(3), 2 * MINUTE);
    const run = skipped.runs.find((r) => r.kind === "partial");
    expect(run?.outcome).toBe("ignored");
    expect(run?.transitions.map((t) => [t.action, t.condition, t.result])).toEqual([
      ["take", "com.alibaba.ververica.cep.demo.condition.PurchaseCondition", false],
      ["ignore", "!(com.alibaba.ververica.cep.demo.condition.PurchaseCondition)", true],
    ]);
    expect(describeExplanation(skipped)[0]).toBe(
      "The partial match waiting in 'purchase' (started at t=60000, with 'cart_add') skips the event and keeps waiting (relaxed contiguity; condition `com.alibaba.ververica.cep.demo.condition.PurchaseCondition` of 'purchase' is false).",
    );
  });

  it("scenario 5: a purchase right after the views is stopped by the notNext stage", () => {
    const nfa = seed(5);
    const state = nfa.createState();
    for (let i = 0; i < 10; i++) feed(nfa, state, view(i), MINUTE + i);
    const expl = nfa.explain(state, { eventType: "purchase", productId: 1, price: 9 }, 2 * MINUTE);
    const stopped = expl.runs.filter((r) => r.outcome === "stopped-by-not");
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped[0]?.transitions.some((t) => t.toKind === "stop" && t.result === true)).toBe(true);
    expect(
      describeExplanation(expl).some((s) => s.includes("NOT stage 'purchase' sees a forbidden event")),
    ).toBe(true);
  });

  it("names the runs the after-match skip strategy prunes and the matches it holds back", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("s", AfterMatchSkip.skipPastLastEvent())
        .where("name == 'a'")
        .followedBy("e")
        .where("name == 'c'")
        .build(),
    );
    const state = nfa.createState();
    feed(nfa, state, { name: "a" }, 1);
    feed(nfa, state, { name: "a" }, 2);
    const expl = nfa.explain(state, { name: "c" }, 3);
    expect(expl.skipStrategy).toBe("SKIP_PAST_LAST_EVENT");
    expect(expl.matches).toHaveLength(1);
    expect(expl.pruned.map((p) => [p.startTimestamp, p.completed])).toEqual([[2, true]]);
    expect(describeExplanation(expl)).toContain(
      "The after-match skip strategy SKIP_PAST_LAST_EVENT discards the completed match that started at t=2.",
    );
  });

  it("reports a condition that throws, and where", () => {
    const nfa = compilePattern(PatternBuilder.begin("s").where("price > 1").build());
    const expl = nfa.explain(nfa.createState(), { price: "x" }, 1);
    expect(expl.error?.stage).toBe("s");
    expect(expl.runs[0]?.outcome).toBe("failed");
    expect(expl.runs[0]?.transitions[0]?.result).toBe("error");
    expect(expl.runs[0]?.transitions[0]?.evaluations[0]).toMatchObject({
      text: "price > 1",
      result: "error",
    });
  });

  it("is plain data (structuredClone keeps it)", () => {
    const nfa = seed(3);
    const state = nfa.createState();
    feed(nfa, state, view(1, 50), MINUTE);
    const expl = nfa.explain(state, view(1, 40), 2 * MINUTE);
    expect(structuredClone(expl)).toEqual(expl);
  });
});
