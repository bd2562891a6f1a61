/**
 * Port of Apache Flink CEP's `NFAITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/NFAITCase.java, the
 * `WithinType` / `comparePatterns` revision), method by method, in Flink's order. This file holds
 * the methods from `testNoConditionNFA` to `testEndWithOneOrMore`; `NFAITCase.part2.test.ts` holds
 * the rest and lists the methods skipped.
 *
 * How the Java reads here:
 * - `SimpleCondition.of(value -> value.getName().equals("c"))` → `"name == 'c'"`.
 * - `new SubEvent(id, name, price, volume)` → {@link subEvent}; `.subtype(SubEvent.class)` → the
 *   {@link SUBTYPE_SUB_EVENT} condition, bound by {@link SUB_EVENT_BINDINGS}; a following `where`
 *   ANDs with it, as in Flink.
 * - Methods that drive `nfa.advanceTime` / `nfa.process` by hand with timeout handling collect the
 *   harness's timeouts / released matches instead, and compare them as sets like Flink's `HashSet`s.
 */
import { describe, expect, it } from "vitest";
import type { ConditionBindings, WindowType } from "../../model/pattern.ts";
import type { SubtypeCondition } from "../../model/condition.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import {
  comparePatterns,
  ev,
  feedNFA,
  NFATestHarness,
  type TestEvent,
  type TestInput,
} from "../testing/nfaTestHarness.ts";

/** Flink's test `SubEvent(id, name, price, volume)`, an `Event` subclass. */
function subEvent(id: number, name: string, price: number, volume: number): TestEvent {
  return ev(id, name, price, { volume, eventClass: "SubEvent" });
}

/** `subtype(SubEvent.class)`. */
const SUBTYPE_SUB_EVENT: SubtypeCondition = {
  type: "subtype",
  className: "org.apache.flink.cep.Event",
  subClassName: "SubEvent",
};

/** How CEP Studio tells a `SubEvent` from a plain `Event`. */
const SUB_EVENT_BINDINGS: ConditionBindings = { SubEvent: "eventClass == 'SubEvent'" };

/** Flink's private `ConsecutiveData` holder (NFAITCase's has a fourth middle event). */
const ConsecutiveData = {
  startEvent: ev(40, "c", 1.0),
  middleEvent1: ev(41, "a", 2.0),
  middleEvent2: ev(42, "a", 3.0),
  middleEvent3: ev(43, "a", 4.0),
  middleEvent4: ev(43, "a", 5.0),
  end: ev(44, "b", 5.0),
} as const;

type MatchMap = Map<string, TestEvent[]>;

/** A match as a `HashMap<String, List<Event>>` compares: key order ignored, event order kept. */
function matchKey(match: ReadonlyMap<string, readonly TestEvent[]>): string {
  const entries = [...match.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** A `HashSet<Map<String, List<Event>>>`: distinct matches, order-free. */
function matchSet(matches: readonly MatchMap[]): string[] {
  return [...new Set(matches.map(matchKey))].sort();
}

/** A `HashSet<Tuple2<Map<String, List<Event>>, Long>>`: distinct (match, timestamp) pairs, order-free. */
function timeoutSet(timeouts: ReadonlyArray<{ match: MatchMap; timestamp: number }>): string[] {
  return [...new Set(timeouts.map((t) => `${matchKey(t.match)}@${t.timestamp}`))].sort();
}

describe("NFAITCase", () => {
  it("testNoConditionNFA", () => {
    const a = ev(40, "a", 1.0);
    const b = ev(41, "b", 2.0);
    const c = ev(42, "c", 3.0);
    const d = ev(43, "d", 4.0);
    const e = ev(44, "e", 5.0);

    const inputEvents: TestInput = [
      [a, 1],
      [b, 2],
      [c, 3],
      [d, 4],
      [e, 5],
    ];

    const pattern = PatternBuilder.begin("start").followedBy("end");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [a, b],
      [b, c],
      [c, d],
      [d, e],
    ]);
  });

  it("testNoConditionLoopingNFA", () => {
    const a = ev(40, "a", 1.0);
    const b = ev(41, "b", 2.0);
    const c = ev(42, "c", 3.0);
    const d = ev(43, "d", 4.0);
    const e = ev(44, "e", 5.0);

    const inputEvents: TestInput = [
      [a, 1],
      [b, 2],
      [c, 3],
      [d, 4],
      [e, 5],
    ];

    const pattern = PatternBuilder.begin("start").followedBy("end").oneOrMore();

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [a, b, c, d, e],
      [a, b, c, d],
      [a, b, c],
      [a, b],
      [b, c, d, e],
      [b, c, d],
      [b, c],
      [c, d, e],
      [c, d],
      [d, e],
    ]);
  });

  it("testAnyWithNoConditionNFA", () => {
    const a = ev(40, "a", 1.0);
    const b = ev(41, "b", 2.0);
    const c = ev(42, "c", 3.0);
    const d = ev(43, "d", 4.0);
    const e = ev(44, "e", 5.0);

    const inputEvents: TestInput = [
      [a, 1],
      [b, 2],
      [c, 3],
      [d, 4],
      [e, 5],
    ];

    const pattern = PatternBuilder.begin("start").followedByAny("end");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [a, b],
      [a, c],
      [a, d],
      [a, e],
      [b, c],
      [b, d],
      [b, e],
      [c, d],
      [c, e],
      [d, e],
    ]);
  });

  it("testSimplePatternNFA", () => {
    const startEvent = ev(41, "start", 1.0);
    const middleEvent = subEvent(42, "foo", 1.0, 10.0);
    const endEvent = ev(43, "end", 1.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [ev(43, "foobar", 1.0), 2],
      [subEvent(41, "barfoo", 1.0, 5.0), 3],
      [middleEvent, 3],
      [ev(43, "start", 1.0), 4],
      [endEvent, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedBy("middle")
      .where(SUBTYPE_SUB_EVENT)
      .where("volume > 5.0")
      .followedBy("end")
      .where("name == 'end'");

    const resultingPatterns = feedNFA(pattern, inputEvents, { bindings: SUB_EVENT_BINDINGS });

    comparePatterns(resultingPatterns, [[startEvent, middleEvent, endEvent]]);
  });

  it("testStrictContinuityWithResults", () => {
    const middleEvent1 = ev(41, "a", 2.0);
    const end = ev(42, "b", 4.0);

    const inputEvents: TestInput = [
      [middleEvent1, 3],
      [end, 5],
    ];

    const pattern = PatternBuilder.begin("middle").where("name == 'a'").next("end").where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[middleEvent1, end]]);
  });

  it("testStrictContinuityNoResults", () => {
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "c", 3.0);
    const end = ev(43, "b", 4.0);

    const inputEvents: TestInput = [
      [middleEvent1, 3],
      [middleEvent2, 4],
      [end, 5],
    ];

    const pattern = PatternBuilder.begin("middle").where("name == 'a'").next("end").where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, []);
  });

  /** The NFA filters out expired elements: window between the first and the last event. */
  it("testSimplePatternWithTimeWindowNFAWithinFirstAndLast", () => {
    const startEvent = ev(2, "start", 1.0);
    const middleEvent = ev(3, "middle", 1.0);
    const endEvent = ev(5, "end", 1.0);

    const events: TestInput = [
      [ev(1, "start", 1.0), 1],
      [startEvent, 2],
      [middleEvent, 3],
      [ev(4, "foobar", 1.0), 4],
      [endEvent, 11],
      [ev(6, "end", 1.0), 13],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedBy("middle")
      .where("name == 'middle'")
      .followedBy("end")
      .where("name == 'end'")
      .within(10);

    const resultingPatterns = feedNFA(pattern, events);

    comparePatterns(resultingPatterns, [[startEvent, middleEvent, endEvent]]);
  });

  /** The NFA filters out expired elements: window between the previous and the current event. */
  it("testSimplePatternWithTimeWindowNFAWithinPreviousAndCurrent", () => {
    const startEvent1 = ev(1, "start", 1.0);
    const startEvent2 = ev(2, "start", 1.0);
    const middleEvent = ev(3, "middle", 1.0);
    const endEvent = ev(5, "end", 1.0);

    const events: TestInput = [
      [startEvent1, 1],
      [startEvent2, 2],
      [middleEvent, 3],
      [ev(4, "foobar", 1.0), 4],
      [endEvent, 11],
      [ev(6, "end", 1.0), 13],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedBy("middle")
      .where("name == 'middle'")
      .followedBy("end")
      .where("name == 'end'")
      .within(9, "PREVIOUS_AND_CURRENT");

    const resultingPatterns = feedNFA(pattern, events);

    comparePatterns(resultingPatterns, [
      [startEvent1, middleEvent, endEvent],
      [startEvent2, middleEvent, endEvent],
    ]);
  });

  /** Partial matches that time out (first-and-last window) are returned with their timeout time. */
  it("testSimplePatternWithTimeoutHandlingWithinFirstAndLast", () => {
    const events: TestInput = [
      [ev(1, "start", 1.0), 1],
      [ev(2, "start", 1.0), 2],
      [ev(3, "middle", 1.0), 3],
      [ev(4, "foobar", 1.0), 4],
      [ev(5, "end", 1.0), 11],
      [ev(6, "end", 1.0), 13],
    ];

    const timeoutPattern1: MatchMap = new Map([
      ["start", [ev(1, "start", 1.0)]],
      ["middle", [ev(3, "middle", 1.0)]],
    ]);
    const timeoutPattern2: MatchMap = new Map([
      ["start", [ev(2, "start", 1.0)]],
      ["middle", [ev(3, "middle", 1.0)]],
    ]);
    const timeoutPattern3: MatchMap = new Map([["start", [ev(1, "start", 1.0)]]]);
    const timeoutPattern4: MatchMap = new Map([["start", [ev(2, "start", 1.0)]]]);

    const expectedTimeoutPatterns = [
      { match: timeoutPattern1, timestamp: 11 },
      { match: timeoutPattern2, timestamp: 12 },
      { match: timeoutPattern3, timestamp: 11 },
      { match: timeoutPattern4, timestamp: 12 },
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedByAny("middle")
      .where("name == 'middle'")
      .followedByAny("end")
      .where("name == 'end'")
      .within(10);

    const harness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = harness.feedRecords(events);

    expect(resultingPatterns).toHaveLength(1);
    expect(timeoutSet(harness.timedOut)).toHaveLength(expectedTimeoutPatterns.length);
    expect(timeoutSet(harness.timedOut)).toEqual(timeoutSet(expectedTimeoutPatterns));
  });

  /** Partial matches that time out (previous-and-current window) are returned with their timeout time. */
  it("testSimplePatternWithTimeoutHandlingWithinPreviousAndCurrent", () => {
    const events: TestInput = [
      [ev(1, "start", 1.0), 1],
      [ev(2, "start", 1.0), 2],
      [ev(3, "middle", 1.0), 3],
      [ev(4, "foobar", 1.0), 4],
      [ev(5, "end", 1.0), 11],
      [ev(6, "end", 1.0), 13],
    ];

    const timeoutPattern1: MatchMap = new Map([
      ["start", [ev(1, "start", 1.0)]],
      ["middle", [ev(3, "middle", 1.0)]],
    ]);
    const timeoutPattern2: MatchMap = new Map([
      ["start", [ev(2, "start", 1.0)]],
      ["middle", [ev(3, "middle", 1.0)]],
    ]);

    const expectedTimeoutPatterns = [
      { match: timeoutPattern1, timestamp: 13 },
      { match: timeoutPattern2, timestamp: 13 },
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedByAny("middle")
      .where("name == 'middle'")
      .followedByAny("end")
      .where("name == 'end'")
      .within(10, "PREVIOUS_AND_CURRENT");

    const harness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = harness.feedRecords(events);

    expect(resultingPatterns).toHaveLength(2);
    expect(timeoutSet(harness.timedOut)).toHaveLength(expectedTimeoutPatterns.length);
    expect(timeoutSet(harness.timedOut)).toEqual(timeoutSet(expectedTimeoutPatterns));
  });

  /** Flink's private `testPendingStateMatches(WithinType)`: `notFollowedBy` at the end, released by `advanceTime`. */
  function testPendingStateMatches(withinType: WindowType): void {
    const events: TestInput = [
      [ev(1, "start", 1.0), 1],
      [ev(2, "middle", 1.0), 4],
      [ev(3, "start", 1.0), 5],
      [ev(4, "start", 1.0), 11],
      [ev(5, "middle", 1.0), 18],
    ];

    const pendingMatches1: MatchMap = new Map([["start", [ev(3, "start", 1.0)]]]);
    const pendingMatches2: MatchMap = new Map([["start", [ev(4, "start", 1.0)]]]);
    const expectedPendingMatches = [pendingMatches1, pendingMatches2];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .notFollowedBy("middle")
      .where("name == 'middle'")
      .within(5, withinType);

    const harness = NFATestHarness.forPattern(pattern);
    const resultingPendingMatches: MatchMap[] = [];
    for (const [event, timestamp] of events) {
      // nfa.advanceTime(...).f0, then nfa.process(...) (whose own advanceTime finds nothing new).
      resultingPendingMatches.push(...harness.advanceTime(timestamp).matches);
      harness.feedRecord(event, timestamp);
    }

    expect(matchSet(resultingPendingMatches)).toHaveLength(2);
    expect(matchSet(resultingPendingMatches)).toEqual(matchSet(expectedPendingMatches));
  }

  it("testPendingStateMatchesWithinFirstAndLast", () => {
    testPendingStateMatches("FIRST_AND_LAST");
  });

  it("testPendingStateMatchesWithinPreviousAndCurrent", () => {
    testPendingStateMatches("PREVIOUS_AND_CURRENT");
  });

  it("testBranchingPattern", () => {
    const startEvent = ev(40, "start", 1.0);
    const middleEvent1 = subEvent(41, "foo1", 1.0, 10.0);
    const middleEvent2 = subEvent(42, "foo2", 1.0, 10.0);
    const middleEvent3 = subEvent(43, "foo3", 1.0, 10.0);
    const nextOne1 = subEvent(44, "next-one", 1.0, 2.0);
    const nextOne2 = subEvent(45, "next-one", 1.0, 2.0);
    const endEvent = ev(46, "end", 1.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [nextOne1, 6],
      [nextOne2, 7],
      [endEvent, 8],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedByAny("middle-first")
      .where(SUBTYPE_SUB_EVENT)
      .where("volume > 5.0")
      .followedByAny("middle-second")
      .where(SUBTYPE_SUB_EVENT)
      .where("name == 'next-one'")
      .followedByAny("end")
      .where("name == 'end'");

    const resultingPatterns = feedNFA(pattern, inputEvents, { bindings: SUB_EVENT_BINDINGS });

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, nextOne1, endEvent],
      [startEvent, middleEvent2, nextOne1, endEvent],
      [startEvent, middleEvent3, nextOne1, endEvent],
      [startEvent, middleEvent1, nextOne2, endEvent],
      [startEvent, middleEvent2, nextOne2, endEvent],
      [startEvent, middleEvent3, nextOne2, endEvent],
    ]);
  });

  it("testComplexBranchingAfterZeroOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const end1 = ev(44, "b", 5.0);
    const end2 = ev(45, "d", 6.0);
    const end3 = ev(46, "d", 7.0);
    const end4 = ev(47, "e", 8.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [end1, 6],
      [end2, 7],
      [end3, 8],
      [end4, 9],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .optional()
      .followedByAny("end1")
      .where("name == 'b'")
      .followedByAny("end2")
      .where("name == 'd'")
      .followedByAny("end3")
      .where("name == 'e'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3, end1, end2, end4],
      [startEvent, middleEvent1, middleEvent2, end1, end2, end4],
      [startEvent, middleEvent1, middleEvent3, end1, end2, end4],
      [startEvent, middleEvent2, middleEvent3, end1, end2, end4],
      [startEvent, middleEvent1, end1, end2, end4],
      [startEvent, middleEvent2, end1, end2, end4],
      [startEvent, middleEvent3, end1, end2, end4],
      [startEvent, end1, end2, end4],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, end1, end3, end4],
      [startEvent, middleEvent1, middleEvent2, end1, end3, end4],
      [startEvent, middleEvent1, middleEvent3, end1, end3, end4],
      [startEvent, middleEvent2, middleEvent3, end1, end3, end4],
      [startEvent, middleEvent1, end1, end3, end4],
      [startEvent, middleEvent2, end1, end3, end4],
      [startEvent, middleEvent3, end1, end3, end4],
      [startEvent, end1, end3, end4],
    ]);
  });

  it("testZeroOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const end1 = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [end1, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, end1],
      [startEvent, middleEvent1, end1],
      [startEvent, middleEvent2, end1],
      [startEvent, end1],
    ]);
  });

  it("testEagerZeroOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const end1 = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [ev(50, "d", 6.0), 5],
      [middleEvent3, 6],
      [end1, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3, end1],
      [startEvent, middleEvent1, middleEvent2, end1],
      [startEvent, middleEvent1, end1],
      [startEvent, end1],
    ]);
  });

  it("testBeginWithZeroOrMore", () => {
    const middleEvent1 = ev(40, "a", 2.0);
    const middleEvent2 = ev(41, "a", 3.0);
    const middleEvent3 = ev(41, "a", 3.0);
    const end = ev(42, "b", 4.0);

    const inputEvents: TestInput = [
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [end, 6],
    ];

    const pattern = PatternBuilder.begin("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .followedBy("end")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [middleEvent1, middleEvent2, middleEvent3, end],
      [middleEvent1, middleEvent2, end],
      [middleEvent2, middleEvent3, end],
      [middleEvent1, end],
      [middleEvent2, end],
      [middleEvent3, end],
      [end],
    ]);
  });

  it("testZeroOrMoreAfterZeroOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "d", 3.0);
    const middleEvent3 = ev(43, "d", 4.0);
    const end = ev(44, "e", 4.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [end, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle-first")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .optional()
      .followedBy("middle-second")
      .where("name == 'd'")
      .oneOrMore()
      .allowCombinations()
      .optional()
      .followedBy("end")
      .where("name == 'e'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3, end],
      [startEvent, middleEvent1, middleEvent2, end],
      [startEvent, middleEvent2, middleEvent3, end],
      [startEvent, middleEvent2, end],
      [startEvent, middleEvent1, end],
      [startEvent, end],
    ]);
  });

  it("testZeroOrMoreAfterBranching", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const merging = ev(42, "f", 3.0);
    const kleene1 = ev(43, "d", 4.0);
    const kleene2 = ev(44, "d", 4.0);
    const end = ev(45, "e", 4.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [merging, 5],
      [kleene1, 6],
      [kleene2, 7],
      [end, 8],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("branching")
      .where("name == 'a'")
      .followedByAny("merging")
      .where("name == 'f'")
      .followedByAny("kleene")
      .where("name == 'd'")
      .oneOrMore()
      .allowCombinations()
      .optional()
      .followedBy("end")
      .where("name == 'e'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, merging, end],
      [startEvent, middleEvent1, merging, kleene1, end],
      [startEvent, middleEvent1, merging, kleene2, end],
      [startEvent, middleEvent1, merging, kleene1, kleene2, end],
      [startEvent, middleEvent2, merging, end],
      [startEvent, middleEvent2, merging, kleene1, end],
      [startEvent, middleEvent2, merging, kleene2, end],
      [startEvent, middleEvent2, merging, kleene1, kleene2, end],
    ]);
  });

  it("testStrictContinuityNoResultsAfterZeroOrMore", () => {
    const start = ev(40, "d", 2.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 2.0);
    const middleEvent3 = ev(43, "c", 3.0);
    const end = ev(44, "b", 4.0);

    const inputEvents: TestInput = [
      [start, 1],
      [middleEvent1, 2],
      [middleEvent2, 3],
      [middleEvent3, 4],
      [end, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'd'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .next("end")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, []);
  });

  it("testStrictContinuityResultsAfterZeroOrMore", () => {
    const start = ev(40, "d", 2.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 2.0);
    const end = ev(43, "b", 4.0);

    const inputEvents: TestInput = [
      [start, 1],
      [middleEvent1, 2],
      [middleEvent2, 3],
      [end, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'd'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .allowCombinations()
      .next("end")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [start, middleEvent1, middleEvent2, end],
      [start, middleEvent2, end],
    ]);
  });

  it("testAtLeastOne", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const end1 = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [end1, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .followedByAny("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, end1],
      [startEvent, middleEvent1, end1],
      [startEvent, middleEvent2, end1],
    ]);
  });

  it("testBeginWithAtLeastOne", () => {
    const startEvent1 = ev(41, "a", 2.0);
    const startEvent2 = ev(42, "a", 3.0);
    const startEvent3 = ev(42, "a", 4.0);
    const end1 = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [startEvent1, 3],
      [startEvent2, 4],
      [startEvent3, 5],
      [end1, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .followedBy("end")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent1, startEvent2, startEvent3, end1],
      [startEvent1, startEvent2, end1],
      [startEvent1, startEvent3, end1],
      [startEvent2, startEvent3, end1],
      [startEvent1, end1],
      [startEvent2, end1],
      [startEvent3, end1],
    ]);
  });

  it("testNextZeroOrMore", () => {
    const startEvent = ev(40, "start", 1.0);
    const middleEvent1 = ev(40, "middle", 2.0);
    const middleEvent2 = ev(40, "middle", 3.0);
    const middleEvent3 = ev(40, "middle", 4.0);
    const endEvent = ev(46, "end", 1.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [ev(1, "event", 1.0), 2],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [endEvent, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .next("middle")
      .where("name == 'middle'")
      .oneOrMore()
      .optional()
      .consecutive()
      .followedBy("end")
      .where("name == 'end'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[startEvent, endEvent]]);
  });

  it("testAtLeastOneEager", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const end1 = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [end1, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .followedByAny("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3, end1],
      [startEvent, middleEvent1, middleEvent2, end1],
      [startEvent, middleEvent2, middleEvent3, end1],
      [startEvent, middleEvent3, end1],
      [startEvent, middleEvent2, end1],
      [startEvent, middleEvent1, end1],
    ]);
  });

  it("testOptional", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent = ev(43, "a", 4.0);
    const end1 = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent, 5],
      [end1, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent, end1],
      [startEvent, end1],
    ]);
  });

  it("testTimes", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const end1 = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 2],
      [middleEvent2, 3],
      [middleEvent3, 4],
      [end1, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .next("middle")
      .where("name == 'a'")
      .times(2)
      .allowCombinations()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, end1],
      [startEvent, middleEvent1, middleEvent3, end1],
    ]);
  });

  it("testStartWithTimes", () => {
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const end1 = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [middleEvent1, 2],
      [middleEvent2, 3],
      [middleEvent3, 4],
      [end1, 6],
    ];

    const pattern = PatternBuilder.begin("middle")
      .where("name == 'a'")
      .times(2)
      .consecutive()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [middleEvent1, middleEvent2, end1],
      [middleEvent2, middleEvent3, end1],
    ]);
  });

  it("testTimesNonStrictWithNext", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ConsecutiveData.middleEvent1, 2],
      [ev(23, "f", 1.0), 3],
      [ConsecutiveData.middleEvent2, 4],
      [ev(23, "f", 1.0), 5],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .next("middle")
      .where("name == 'a'")
      .times(2)
      .allowCombinations()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
    ]);
  });

  it("testTimesNotStrictWithFollowedByEager", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ConsecutiveData.middleEvent1, 2],
      [ConsecutiveData.middleEvent2, 4],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .times(2)
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
    ]);
  });

  it("testTimesNotStrictWithFollowedByNotEager", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ConsecutiveData.middleEvent1, 2],
      [ConsecutiveData.middleEvent2, 4],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .times(2)
      .allowCombinations()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    // Flink's expectation lists the events of the last two matches out of arrival order; its
    // comparePatterns (like ours) sorts the events inside each match before comparing.
    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.end,
      ],
    ]);
  });

  it("testTimesStrictWithNextAndConsecutive", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ConsecutiveData.middleEvent1, 2],
      [ev(23, "f", 1.0), 3],
      [ConsecutiveData.middleEvent2, 4],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .next("middle")
      .where("name == 'a'")
      .times(2)
      .consecutive()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, []);
  });

  it("testStartWithOptional", () => {
    const startEvent = ev(40, "c", 1.0);
    const end1 = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [end1, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[startEvent, end1], [end1]]);
  });

  it("testEndWithZeroOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional();

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3],
      [startEvent, middleEvent1, middleEvent2],
      [startEvent, middleEvent1],
      [startEvent],
    ]);
  });

  it("testStartAndEndWithZeroOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const end1 = ev(44, "d", 5.0);
    const end2 = ev(45, "d", 5.0);
    const end3 = ev(46, "d", 5.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [end1, 6],
      [end2, 6],
      [end3, 6],
    ];

    const pattern = PatternBuilder.begin("start").where("name == 'a'").oneOrMore().optional();

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [middleEvent1, middleEvent2, middleEvent3],
      [middleEvent1, middleEvent2],
      [middleEvent1],
      [middleEvent2, middleEvent3],
      [middleEvent2],
      [middleEvent3],
    ]);
  });

  it("testEndWithOptional", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .optional();

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[startEvent, middleEvent1], [startEvent]]);
  });

  it("testEndWithOneOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore();

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3],
      [startEvent, middleEvent1, middleEvent2],
      [startEvent, middleEvent1],
    ]);
  });
});
