/**
 * The Flink CEP semantics that are easy to get wrong (docs/flink-cep-semantics.md), checked
 * through the harness the ported Flink suites use. Each test names the Flink test it mirrors.
 */
import { describe, expect, it } from "vitest";
import { AfterMatchSkip, PatternBuilder } from "../model/patternBuilder.ts";
import { compilePattern } from "./index.ts";
import { NFATestHarness, comparePatterns, ev, feedNFA, type TestInput } from "./testing/nfaTestHarness.ts";

describe("NFA semantics", () => {
  it("testEagerZeroOrMore: followedBy loops never skip a matching event", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const a3 = ev(43, "a", 2.0);
    const b = ev(44, "b", 3.0);
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .followedBy("end")
      .where("name == 'b'");
    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [a3, 4],
      [b, 5],
    ];
    comparePatterns(feedNFA(pattern, input), [
      [c, a1, a2, a3, b],
      [c, a1, a2, b],
      [c, a1, b],
      [c, b],
    ]);
  });

  it("testMultipleTakesVersionCollision: 20 matches, not 32", () => {
    const start = ev(40, "c", 1.0);
    const middles = [2, 3, 4, 5, 6].map((price) => ev(41, "a", price));
    const end = ev(44, "b", 5.0);
    const input: TestInput = [[start, 1], ...middles.map((m, i) => [m, i + 3] as const), [end, 10]];
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle1")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .followedBy("middle2")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .followedBy("end")
      .where("name == 'b'");
    expect(feedNFA(pattern, input)).toHaveLength(20);
  });

  it("testWindowBorders: the window is [first, first + N)", () => {
    const a = ev(1, "a", 0);
    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .followedBy("end")
      .where("name == 'b'")
      .within(2);
    const harness = NFATestHarness.forPattern(pattern);
    expect(
      harness.feedRecords([
        [a, 1],
        [ev(2, "b", 0), 3],
      ]),
    ).toEqual([]);
    expect(harness.timedOut).toHaveLength(1);
    expect(harness.timedOut[0]?.timestamp).toBe(3);

    const inWindow = NFATestHarness.forPattern(pattern);
    expect(
      inWindow.feedRecords([
        [a, 1],
        [ev(2, "b", 0), 2],
      ]),
    ).toHaveLength(1);
  });

  it("reports timeouts at first + window, with the partial match", () => {
    const a = ev(1, "a", 0);
    const b = ev(2, "b", 0);
    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .followedBy("middle")
      .where("name == 'b'")
      .followedBy("end")
      .where("name == 'c'")
      .within(10);
    const harness = NFATestHarness.forPattern(pattern);
    harness.feedRecords([
      [a, 1],
      [b, 5],
    ]);
    const { timedOut } = harness.advanceTime(100);
    expect(timedOut).toEqual([
      {
        match: new Map([
          ["start", [a]],
          ["middle", [b]],
        ]),
        timestamp: 11,
      },
    ]);
    expect(harness.compiled.isEmpty(harness.nfaState)).toBe(true);
    expect(harness.nfaState.liveNodes).toBe(0);
  });

  it("PREVIOUS_AND_CURRENT binds to the declaring stage and times out at prev + window", () => {
    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .followedBy("middle")
      .where("name == 'b'")
      .followedBy("end")
      .where("name == 'c'")
      .within(3, "PREVIOUS_AND_CURRENT");
    const a = ev(1, "a", 0);
    const b = ev(2, "b", 0);
    const harness = NFATestHarness.forPattern(pattern);
    // Waiting for `middle` is not windowed: b arrives long after a.
    harness.feedRecords([
      [a, 1],
      [b, 50],
    ]);
    expect(harness.timedOut).toEqual([]);
    // Waiting for `end` is: 53 - 50 >= 3.
    expect(harness.feedRecord(ev(3, "c", 0), 53)).toEqual([]);
    expect(harness.timedOut.map((t) => t.timestamp)).toEqual([53]);
  });

  it("notFollowedBy at the end is released only by advanceTime after the window", () => {
    const a = ev(1, "a", 0);
    const pattern = PatternBuilder.begin("a")
      .where("name == 'a'")
      .notFollowedBy("b")
      .where("name == 'b'")
      .within(5);
    const harness = NFATestHarness.forPattern(pattern);
    expect(
      harness.feedRecords([
        [a, 1],
        [ev(2, "x", 0), 3],
      ]),
    ).toEqual([]);
    expect(harness.advanceTime(5).matches).toEqual([]);
    expect(harness.advanceTime(6).matches).toEqual([new Map([["a", [a]]])]);

    const blocked = NFATestHarness.forPattern(pattern);
    blocked.feedRecords([
      [a, 1],
      [ev(3, "b", 0), 2],
    ]);
    expect(blocked.advanceTime(10).matches).toEqual([]);
  });

  it("notNext at the end completes on the next event that is not forbidden", () => {
    const a = ev(1, "a", 0);
    const pattern = PatternBuilder.begin("a").where("name == 'a'").notNext("b").where("name == 'b'");
    expect(feedNFA(pattern, [[a, 1]])).toEqual([]);
    expect(
      feedNFA(pattern, [
        [a, 1],
        [ev(2, "c", 0), 2],
      ]),
    ).toEqual([[a]]);
    expect(
      feedNFA(pattern, [
        [a, 1],
        [ev(2, "b", 0), 2],
      ]),
    ).toEqual([]);
  });

  it("until stops the loop and the next stage may take the until event", () => {
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .until("price > 3.0")
      .followedBy("end")
      .where("name == 'a'");
    const c = ev(1, "c", 0);
    const a1 = ev(2, "a", 1);
    const a2 = ev(3, "a", 5);
    comparePatterns(
      feedNFA(pattern, [
        [c, 1],
        [a1, 2],
        [a2, 3],
      ]),
      [[c, a1, a2]],
    );
  });

  it("greedy blocks the loop's proceed while the event still fits the loop", () => {
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .greedy()
      .followedBy("end")
      .where("name == 'a' || name == 'd'");
    const c = ev(1, "c", 0);
    const a1 = ev(2, "a", 0);
    const a2 = ev(3, "a", 0);
    const d = ev(4, "d", 0);
    comparePatterns(
      feedNFA(pattern, [
        [c, 1],
        [a1, 2],
        [a2, 3],
        [d, 4],
      ]),
      [[c, a1, a2, d]],
    );
  });
});

describe("after-match skip strategies", () => {
  const a1 = ev(1, "a", 0);
  const a2 = ev(2, "a", 0);
  const a3 = ev(3, "a", 0);
  const b = ev(4, "b", 0);
  const input: TestInput = [
    [a1, 1],
    [a2, 2],
    [a3, 3],
    [b, 4],
  ];
  const run = (skip: ReturnType<typeof AfterMatchSkip.noSkip>) =>
    NFATestHarness.forPattern(
      PatternBuilder.begin("a", skip).where("name == 'a'").oneOrMore().followedBy("b").where("name == 'b'"),
    ).feedRecords(input);

  it("NO_SKIP emits every match", () => {
    expect(run(AfterMatchSkip.noSkip())).toHaveLength(6);
  });

  it("SKIP_TO_NEXT drops matches starting with the same event", () => {
    comparePatterns(run(AfterMatchSkip.skipToNext()), [
      [a1, a2, a3, b],
      [a2, a3, b],
      [a3, b],
    ]);
  });

  it("SKIP_PAST_LAST_EVENT drops everything that started before the match ended", () => {
    expect(run(AfterMatchSkip.skipPastLastEvent())).toEqual([[a1, a2, a3, b]]);
  });

  it("SKIP_TO_FIRST / SKIP_TO_LAST keep matches starting at the first / last event of the stage", () => {
    comparePatterns(run(AfterMatchSkip.skipToFirst("a")), [
      [a1, a2, a3, b],
      [a1, a2, b],
      [a1, b],
    ]);
    comparePatterns(run(AfterMatchSkip.skipToLast("a")), [
      [a1, a2, a3, b],
      [a3, b],
    ]);
  });
});

describe("partial-match cap", () => {
  it("drops the newest runs beyond the cap and warns once", () => {
    const warnings: string[] = [];
    const pattern = PatternBuilder.begin("a").where("name == 'a'").followedByAny("b").where("name == 'b'");
    const nfa = compilePattern(pattern.build(), {
      maxPartialMatches: 3,
      onWarning: (w) => warnings.push(w.kind),
    });
    const state = nfa.createState();
    for (let i = 0; i < 10; i++) nfa.process(state, ev(i, "a", 0), i);
    expect(state.partialMatches.filter((cs) => cs.startEventId !== null)).toHaveLength(3);
    expect(warnings).toEqual(["partial-match-cap"]);
    const matches = nfa.process(state, ev(99, "b", 0), 20);
    expect(matches.map((m) => m.get("a")?.[0]?.["id"])).toEqual([0, 1, 2]);
    // Only the three surviving runs still hold their `a` events; the dropped ones were released.
    expect(state.liveNodes).toBe(3);
  });
});

describe("handleTimeout", () => {
  it("false drops timed-out partial matches without reporting them", () => {
    const pattern = PatternBuilder.begin("a")
      .where("name == 'a'")
      .followedBy("b")
      .where("name == 'b'")
      .within(5);
    const nfa = compilePattern(pattern.build(), { handleTimeout: false });
    const state = nfa.createState();
    nfa.process(state, ev(1, "a", 0), 1);
    expect(nfa.advanceTime(state, 100).timedOut).toEqual([]);
    expect(nfa.isEmpty(state)).toBe(true);
    expect(state.liveNodes).toBe(0);
  });
});
