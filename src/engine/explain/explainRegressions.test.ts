/**
 * Cases where `explain` once said something the engine then did not do, found by the agreement
 * properties (`explainAgreement.property.test.ts`) and kept as plain examples.
 */
import { describe, expect, it } from "vitest";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { EventRecord } from "../api.ts";
import { compilePattern } from "../compiledNfa.ts";
import type { CompiledNFA, KeyedNFAState } from "../index.ts";
import { describeExplanation } from "./describeExplanation.ts";

/** Feeds like the operator: advanceTime(ts) then process(event, ts). */
function feed(nfa: CompiledNFA, state: KeyedNFAState, event: EventRecord, ts: number): void {
  nfa.advanceTime(state, ts);
  nfa.process(state, event, ts);
}

describe("explain regressions", () => {
  it("a pending notFollowedBy match the skip strategy prunes after the window is a completed match", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("s0", AfterMatchSkip.skipPastLastEvent())
        .where("name == 'a'")
        .followedBy("s1")
        .where("name == 'b'")
        .notFollowedBy("s2")
        .where("name == 'c'")
        .within(5)
        .build(),
    );
    const state = nfa.createState();
    feed(nfa, state, { name: "a", i: 0 }, 0);
    feed(nfa, state, { name: "a", i: 1 }, 0);
    feed(nfa, state, { name: "b", i: 2 }, 1);
    const expl = nfa.explain(state, { name: "a", i: 3 }, 10);
    // Both runs' windows pass: each is released as a match; the first one emitted prunes the other.
    expect(expl.runs.filter((r) => r.outcome === "matched-by-window")).toHaveLength(2);
    expect(expl.matches).toHaveLength(1);
    expect(expl.pruned.map((p) => [p.startTimestamp, p.completed])).toEqual([[0, true]]);
    expect(describeExplanation(expl)).toContain(
      "The after-match skip strategy SKIP_PAST_LAST_EVENT discards the completed match that started at t=0.",
    );
  });

  it("names the partial matches the partial-match cap drops", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("s0").where("name == 'a'").followedByAny("s1").where("name == 'b'").build(),
      { maxPartialMatches: 1 },
    );
    const state = nfa.createState();
    feed(nfa, state, { name: "a", i: 0 }, 1);
    const expl = nfa.explain(state, { name: "a", i: 1 }, 2);
    expect(expl.runs.map((r) => r.outcome)).toEqual(["ignored", "started"]);
    // The run that started later goes beyond the cap of one.
    expect(expl.capped.map((c) => [c.stage, c.startTimestamp])).toEqual([["s1", 2]]);
    expect(describeExplanation(expl)).toContain(
      "The key now holds more partial matches than its cap allows: the partial match waiting in 's1' that started at t=2 is dropped.",
    );
    feed(nfa, state, { name: "a", i: 1 }, 2);
    expect(nfa.inspect(state).map((v) => v.startTimestamp)).toEqual([1]);
  });

  it("a run that completes on the event its notFollowedBy forbids completes (the NOT only discards the rest)", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("s0")
        .where("name == 'a'")
        .notFollowedBy("s1")
        .where("name == 'b'")
        .followedBy("s2")
        .where("name == 'b' || name == 'c'")
        .build(),
    );
    const state = nfa.createState();
    feed(nfa, state, { name: "a", i: 0 }, 1);
    const expl = nfa.explain(state, { name: "b", i: 1 }, 2);
    expect(expl.runs[0]?.outcome).toBe("completed");
    expect(expl.matches).toHaveLength(1);
    expect(describeExplanation(expl)[0]).toBe(
      "The partial match waiting in 's2' (started at t=1, with 's0') completes the pattern with this event — condition `name == 'b' || name == 'c'` of 's2' is true. Its other branches are discarded: NOT stage 's1' sees a forbidden event.",
    );
  });

  it("a completion names only the TAKE that completed, not one whose branch the NOT discarded", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("s0")
        .where("name == 'a'")
        .notFollowedBy("s1")
        .where("name == 'b'")
        .followedBy("s2")
        .where("name == 'b'")
        .optional()
        .followedBy("s3")
        .where("name == 'b'")
        .build(),
    );
    const state = nfa.createState();
    feed(nfa, state, { name: "a", i: 0 }, 1);
    const expl = nfa.explain(state, { name: "b", i: 1 }, 2);
    // 's2' takes the event too, but that branch stops at 's1'; only 's3' completes the match.
    expect(
      expl.runs[0]?.transitions.some((t) => t.action === "take" && t.from === "s2" && t.result === true),
    ).toBe(true);
    expect(describeExplanation(expl)[0]).toBe(
      "The partial match waiting in 's2' (started at t=1, with 's0') completes the pattern with this event — condition `name == 'b'` of 's3' is true. Its other branches are discarded: NOT stage 's1' sees a forbidden event.",
    );
  });

  it("a notNext at the end completes without taking the event", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("s0").where("name == 'a'").notNext("s1").where("name == 'b'").build(),
    );
    const state = nfa.createState();
    feed(nfa, state, { name: "a", i: 0 }, 1);
    const expl = nfa.explain(state, { name: "c", i: 1 }, 2);
    expect(expl.matches.map((m) => m.map((s) => [s.stage, s.events.length]))).toEqual([[["s0", 1]]]);
    expect(describeExplanation(expl)[0]).toBe(
      "The partial match waiting in 's1' (started at t=1, with 's0') completes the pattern without taking this event: NOT stage 's1' does not forbid it — condition `name == 'b'` of 's1' is false.",
    );
  });

  it("strict contiguity names every stage the next event could have matched", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("s0")
        .where("name == 'a'")
        .oneOrMore()
        .consecutive()
        .next("s1")
        .where("name == 'c'")
        .build(),
    );
    const state = nfa.createState();
    feed(nfa, state, { name: "a", i: 0 }, 1);
    const expl = nfa.explain(state, { name: "b", i: 1 }, 2);
    expect(describeExplanation(expl)[0]).toBe(
      "The partial match waiting in 's0' (started at t=1, with 's0') is dropped: strict contiguity needs the very next event to match 's0' or 's1', but condition `name == 'a'` of 's0' is false; condition `name == 'c'` of 's1' is false.",
    );
  });
  it("reports no timeouts when the NFA was compiled not to handle them", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("s0").where("name == 'a'").followedBy("s1").where("name == 'b'").within(5).build(),
      { handleTimeout: false },
    );
    const state = nfa.createState();
    feed(nfa, state, { name: "a" }, 1);
    const expl = nfa.explain(state, { name: "c" }, 10);
    expect(expl.timedOut).toEqual([]);
    expect(nfa.advanceTime(state, 10).timedOut).toEqual([]);
  });
});
