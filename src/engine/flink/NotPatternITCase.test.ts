/**
 * Port of Apache Flink CEP's `NotPatternITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/NotPatternITCase.java):
 * `notNext` / `notFollowedBy` semantics, method by method, with Flink's expected results.
 *
 * Every Flink test method is ported; none is skipped. Checked method by method (patterns, inputs
 * with their timestamps, expected matches) against the Flink 2.x revision: 29 methods.
 */
import { describe, expect, it } from "vitest";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { WindowType } from "../../model/pattern.ts";
import { NFATestHarness, comparePatterns, ev, feedNFA } from "../testing/nfaTestHarness.ts";
import type { TestEvent, TestInput } from "../testing/nfaTestHarness.ts";

/** Flink's `NotFollowByData`: events shared by the oneOrMore / zeroOrMore tests. */
const NotFollowByData = {
  A_1: ev(40, "a", 1.0),
  B_1: ev(41, "b", 2.0),
  B_2: ev(42, "b", 3.0),
  B_3: ev(42, "b", 4.0),
  C_1: ev(43, "c", 5.0),
  B_4: ev(42, "b", 6.0),
  B_5: ev(42, "b", 7.0),
  B_6: ev(42, "b", 8.0),
  D_1: ev(43, "d", 9.0),
} as const;

/** Feeds `events` with timestamps 0, 1, 2, … as Flink's `i++` loops do. */
function sequential(events: readonly TestEvent[]): TestInput {
  return events.map((event, i) => [event, i] as const);
}

function testNotNextAfterOneOrMore(allMatches: boolean): TestEvent[][] {
  const { A_1, B_1, C_1, B_2, D_1 } = NotFollowByData;
  const input = sequential([A_1, B_1, C_1, B_2, D_1]);

  const pattern = PatternBuilder.begin("a").where("name == 'a'");
  (allMatches ? pattern.followedByAny("b*") : pattern.followedBy("b*"))
    .where("name == 'b'")
    .oneOrMore()
    .notNext("not c")
    .where("name == 'c'")
    .followedBy("d")
    .where("name == 'd'");

  return feedNFA(pattern, input);
}

function testNotFollowedByAfterOneOrMore(eager: boolean, allMatches: boolean): TestEvent[][] {
  const { A_1, B_1, B_2, B_3, C_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
  const input = sequential([A_1, B_1, B_2, B_3, C_1, B_4, B_5, B_6, D_1]);

  const pattern = PatternBuilder.begin("a").where("name == 'a'");
  (allMatches ? pattern.followedByAny("b*") : pattern.followedBy("b*")).where("name == 'b'");
  (eager ? pattern.oneOrMore() : pattern.oneOrMore().allowCombinations())
    .notFollowedBy("not c")
    .where("name == 'c'")
    .followedBy("d")
    .where("name == 'd'");

  return feedNFA(pattern, input);
}

function testNotFollowedByBeforeOneOrMore(eager: boolean, allMatches: boolean): TestEvent[][] {
  const { A_1, B_1, C_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
  const input = sequential([A_1, B_1, C_1, B_4, B_5, B_6, D_1]);

  const pattern = PatternBuilder.begin("a").where("name == 'a'").notFollowedBy("not c").where("name == 'c'");
  (allMatches ? pattern.followedByAny("b*") : pattern.followedBy("b*")).where("name == 'b'").oneOrMore();
  (eager ? pattern : pattern.allowCombinations()).followedBy("d").where("name == 'd'");

  return feedNFA(pattern, input);
}

function testNotFollowedByBeforeZeroOrMore(eager: boolean, allMatches: boolean): TestEvent[][] {
  const { A_1, B_1, C_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
  const input = sequential([A_1, B_1, C_1, B_4, B_5, B_6, D_1]);

  const pattern = PatternBuilder.begin("a").where("name == 'a'").notFollowedBy("not c").where("name == 'c'");
  (allMatches ? pattern.followedByAny("b*") : pattern.followedBy("b*"))
    .where("name == 'b'")
    .oneOrMore()
    .optional();
  (eager ? pattern : pattern.allowCombinations()).followedBy("d").where("name == 'd'");

  return feedNFA(pattern, input);
}

function testNotFollowedByWithinAtEnd(withinType: WindowType): void {
  const a1 = ev(40, "a", 1.0);
  const b1 = ev(41, "b", 2.0);
  const a2 = ev(42, "a", 3.0);
  const c = ev(43, "c", 4.0);
  const b2 = ev(44, "b", 5.0);
  const a3 = ev(45, "a", 7.0);
  const b3 = ev(46, "b", 8.0);

  const input: TestInput = [
    [a1, 1],
    [b1, 2],
    [a2, 4],
    [c, 5],
    [b2, 10],
    [a3, 11],
    [b3, 13],
  ];

  const pattern = PatternBuilder.begin("a")
    .where("name == 'a'")
    .notFollowedBy("b")
    .where("name == 'b'")
    .within(3, withinType);

  const matches = feedNFA(pattern, input);

  comparePatterns(matches, [[a2]]);
}

describe("NotPatternITCase", () => {
  it("testNotNext", () => {
    const a1 = ev(40, "a", 1.0);
    const c1 = ev(41, "c", 2.0);
    const b1 = ev(42, "b", 3.0);
    const c2 = ev(43, "c", 4.0);
    const d = ev(43, "d", 4.0);

    const input: TestInput = [
      [a1, 1],
      [c1, 2],
      [b1, 3],
      [c2, 4],
      [d, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .notNext("notPattern")
      .where("name == 'b'")
      .followedByAny("middle")
      .where("name == 'c'")
      .followedBy("end")
      .where("name == 'd'");

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, [
      [a1, c1, d],
      [a1, c2, d],
    ]);
  });

  it("testNotNextNoMatches", () => {
    const a1 = ev(40, "a", 1.0);
    const b1 = ev(42, "b", 3.0);
    const c1 = ev(41, "c", 2.0);
    const c2 = ev(43, "c", 4.0);
    const d = ev(43, "d", 4.0);

    const input: TestInput = [
      [a1, 1],
      [b1, 2],
      [c1, 3],
      [c2, 4],
      [d, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .notNext("notPattern")
      .where("name == 'b'")
      .followedBy("middle")
      .where("name == 'c'")
      .followedBy("end")
      .where("name == 'd'");

    const matches = feedNFA(pattern, input);

    expect(matches).toHaveLength(0);
  });

  it("testNotNextNoMatchesAtTheEnd", () => {
    const a1 = ev(40, "a", 1.0);
    const c1 = ev(41, "c", 2.0);
    const c2 = ev(43, "c", 4.0);
    const d = ev(43, "d", 4.0);
    const b1 = ev(42, "b", 3.0);

    const input: TestInput = [
      [a1, 1],
      [c1, 2],
      [c2, 3],
      [d, 4],
      [b1, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .followedByAny("middle")
      .where("name == 'c'")
      .followedByAny("end")
      .where("name == 'd'")
      .notNext("notPattern")
      .where("name == 'b'");

    const matches = feedNFA(pattern, input);

    expect(matches).toHaveLength(0);
  });

  it("testNotFollowedBy", () => {
    const a1 = ev(40, "a", 1.0);
    const c1 = ev(41, "c", 2.0);
    const b1 = ev(42, "b", 3.0);
    const c2 = ev(43, "c", 4.0);
    const d = ev(43, "d", 4.0);

    const input: TestInput = [
      [a1, 1],
      [c1, 2],
      [b1, 3],
      [c2, 4],
      [d, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .notFollowedBy("notPattern")
      .where("name == 'b'")
      .followedByAny("middle")
      .where("name == 'c'")
      .followedBy("end")
      .where("name == 'd'");

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, [[a1, c1, d]]);
  });

  it("testNotFollowedByBeforeOptional", () => {
    const a1 = ev(40, "a", 1.0);
    const c1 = ev(41, "c", 2.0);
    const b1 = ev(42, "b", 3.0);
    const c2 = ev(43, "c", 4.0);
    const d = ev(43, "d", 4.0);

    const input: TestInput = [
      [a1, 1],
      [c1, 2],
      [b1, 3],
      [c2, 4],
      [d, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .notFollowedBy("notPattern")
      .where("name == 'b'")
      .followedByAny("middle")
      .where("name == 'c'")
      .optional()
      .followedBy("end")
      .where("name == 'd'");

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, [[a1, c1, d]]);
  });

  it("testTimesWithNotFollowedBy", () => {
    const a1 = ev(40, "a", 1.0);
    const b1 = ev(41, "b", 2.0);
    const c = ev(42, "c", 3.0);
    const b2 = ev(43, "b", 4.0);
    const d = ev(43, "d", 4.0);

    const input: TestInput = [
      [a1, 1],
      [b1, 2],
      [c, 3],
      [b2, 4],
      [d, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .followedByAny("middle")
      .where("name == 'b'")
      .times(2)
      .notFollowedBy("notPattern")
      .where("name == 'c'")
      .followedBy("end")
      .where("name == 'd'");

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, []);
  });

  it("testIgnoreStateOfTimesWithNotFollowedBy", () => {
    const a1 = ev(40, "a", 1.0);
    const e = ev(41, "e", 2.0);
    const c1 = ev(42, "c", 3.0);
    const b1 = ev(43, "b", 4.0);
    const c2 = ev(44, "c", 5.0);
    const d1 = ev(45, "d", 6.0);
    const d2 = ev(46, "d", 7.0);

    // Out-of-order timestamps, as in Flink's test.
    const input: TestInput = [
      [a1, 1],
      [d1, 2],
      [e, 1],
      [b1, 3],
      [c1, 2],
      [c2, 4],
      [d2, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .notFollowedBy("notPattern")
      .where("name == 'b'")
      .followedByAny("middle")
      .where("name == 'c'")
      .times(2)
      .optional()
      .followedBy("end")
      .where("name == 'd'");

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, [[a1, d1]]);
  });

  it("testTimesWithNotFollowedByAfter", () => {
    const a1 = ev(40, "a", 1.0);
    const e = ev(41, "e", 2.0);
    const c1 = ev(42, "c", 3.0);
    const b1 = ev(43, "b", 4.0);
    const b2 = ev(44, "b", 5.0);
    const d1 = ev(46, "d", 7.0);
    const d2 = ev(47, "d", 8.0);

    const input: TestInput = [
      [a1, 1],
      [d1, 2],
      [e, 1],
      [b1, 3],
      [b2, 3],
      [c1, 2],
      [d2, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .followedByAny("middle")
      .where("name == 'b'")
      .times(2)
      .notFollowedBy("notPattern")
      .where("name == 'c'")
      .followedBy("end")
      .where("name == 'd'");

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, []);
  });

  it("testNotFollowedByBeforeOptionalAtTheEnd", () => {
    const a1 = ev(40, "a", 1.0);
    const c1 = ev(41, "c", 2.0);
    const b1 = ev(42, "b", 3.0);
    const c2 = ev(43, "c", 4.0);

    const input: TestInput = [
      [a1, 1],
      [c1, 2],
      [b1, 3],
      [c2, 4],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .notFollowedBy("notPattern")
      .where("name == 'b'")
      .followedByAny("end")
      .where("name == 'c'")
      .optional();

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, [[a1, c1], [a1]]);
  });

  it("testNotFollowedByBeforeOptionalTimes", () => {
    const a1 = ev(40, "a", 1.0);
    const c1 = ev(41, "c", 2.0);
    const b1 = ev(42, "b", 3.0);
    const c2 = ev(43, "c", 4.0);
    const d = ev(43, "d", 4.0);

    const input: TestInput = [
      [a1, 1],
      [c1, 2],
      [b1, 3],
      [c2, 4],
      [d, 5],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .notFollowedBy("notPattern")
      .where("name == 'b'")
      .followedByAny("middle")
      .where("name == 'c'")
      .times(2)
      .optional()
      .followedBy("end")
      .where("name == 'd'");

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, [[a1, c1, c2, d]]);
  });

  it("testNotFollowedByWithBranchingAtStart", () => {
    const a1 = ev(40, "a", 1.0);
    const b1 = ev(42, "b", 3.0);
    const c1 = ev(41, "c", 2.0);
    const a2 = ev(41, "a", 4.0);
    const c2 = ev(43, "c", 5.0);
    const d = ev(43, "d", 6.0);

    const input: TestInput = [
      [a1, 1],
      [b1, 2],
      [c1, 3],
      [a2, 4],
      [c2, 5],
      [d, 6],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .notFollowedBy("notPattern")
      .where("name == 'b'")
      .followedBy("middle")
      .where("name == 'c'")
      .followedBy("end")
      .where("name == 'd'");

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, [[a2, c2, d]]);
  });

  it("testNotNextAfterOneOrMoreSkipTillNext", () => {
    const matches = testNotNextAfterOneOrMore(false);
    expect(matches).toHaveLength(0);
  });

  it("testNotNextAfterOneOrMoreSkipTillAny", () => {
    const matches = testNotNextAfterOneOrMore(true);
    const { A_1, B_2, D_1 } = NotFollowByData;
    comparePatterns(matches, [[A_1, B_2, D_1]]);
  });

  it("testNotFollowedByNextAfterOneOrMoreEager", () => {
    const matches = testNotFollowedByAfterOneOrMore(true, false);
    expect(matches).toHaveLength(0);
  });

  it("testNotFollowedByAnyAfterOneOrMoreEager", () => {
    const matches = testNotFollowedByAfterOneOrMore(true, true);
    const { A_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_4, B_5, B_6, D_1],
      [A_1, B_4, B_5, D_1],
      [A_1, B_4, D_1],
      [A_1, B_5, B_6, D_1],
      [A_1, B_5, D_1],
      [A_1, B_6, D_1],
    ]);
  });

  it("testNotFollowedByNextAfterOneOrMoreCombinations", () => {
    const matches = testNotFollowedByAfterOneOrMore(false, false);
    expect(matches).toHaveLength(0);
  });

  it("testNotFollowedByAnyAfterOneOrMoreCombinations", () => {
    const matches = testNotFollowedByAfterOneOrMore(false, true);
    const { A_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_4, B_5, B_6, D_1],
      [A_1, B_4, B_5, D_1],
      [A_1, B_4, B_6, D_1],
      [A_1, B_4, D_1],
      [A_1, B_5, B_6, D_1],
      [A_1, B_5, D_1],
      [A_1, B_6, D_1],
    ]);
  });

  it("testNotFollowedByAnyBeforeOneOrMoreEager", () => {
    const matches = testNotFollowedByBeforeOneOrMore(true, true);
    const { A_1, B_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_1, B_4, B_5, B_6, D_1],
      [A_1, B_1, B_4, B_5, D_1],
      [A_1, B_1, B_4, D_1],
      [A_1, B_1, D_1],
    ]);
  });

  it("testNotFollowedByAnyBeforeOneOrMoreCombinations", () => {
    const matches = testNotFollowedByBeforeOneOrMore(false, true);
    const { A_1, B_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_1, B_4, B_5, B_6, D_1],
      [A_1, B_1, B_4, B_6, D_1],
      [A_1, B_1, B_4, B_5, D_1],
      [A_1, B_1, B_4, D_1],
      [A_1, B_1, B_5, B_6, D_1],
      [A_1, B_1, B_5, D_1],
      [A_1, B_1, B_6, D_1],
      [A_1, B_1, D_1],
    ]);
  });

  it("testNotFollowedByBeforeOneOrMoreEager", () => {
    const matches = testNotFollowedByBeforeOneOrMore(true, false);
    const { A_1, B_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_1, B_4, B_5, B_6, D_1],
      [A_1, B_1, B_4, B_5, D_1],
      [A_1, B_1, B_4, D_1],
      [A_1, B_1, D_1],
    ]);
  });

  it("testNotFollowedByBeforeOneOrMoreCombinations", () => {
    const matches = testNotFollowedByBeforeOneOrMore(false, false);
    const { A_1, B_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_1, B_4, B_5, B_6, D_1],
      [A_1, B_1, B_4, B_6, D_1],
      [A_1, B_1, B_4, B_5, D_1],
      [A_1, B_1, B_4, D_1],
      [A_1, B_1, B_5, B_6, D_1],
      [A_1, B_1, B_5, D_1],
      [A_1, B_1, B_6, D_1],
      [A_1, B_1, D_1],
    ]);
  });

  it("testNotFollowedByBeforeZeroOrMoreEagerSkipTillNext", () => {
    const matches = testNotFollowedByBeforeZeroOrMore(true, false);
    const { A_1, B_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_1, B_4, B_5, B_6, D_1],
      [A_1, B_1, B_4, B_5, D_1],
      [A_1, B_1, B_4, D_1],
      [A_1, B_1, D_1],
    ]);
  });

  it("testNotFollowedByBeforeZeroOrMoreCombinationsSkipTillNext", () => {
    const matches = testNotFollowedByBeforeZeroOrMore(false, false);
    const { A_1, B_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_1, B_4, B_5, B_6, D_1],
      [A_1, B_1, B_4, B_5, D_1],
      [A_1, B_1, B_4, B_6, D_1],
      [A_1, B_1, B_4, D_1],
      [A_1, B_1, D_1],
      [A_1, B_1, B_5, B_6, D_1],
      [A_1, B_1, B_5, D_1],
      [A_1, B_1, B_6, D_1],
    ]);
  });

  it("testNotFollowedByBeforeZeroOrMoreEagerSkipTillAny", () => {
    const matches = testNotFollowedByBeforeZeroOrMore(true, true);
    const { A_1, B_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_1, B_4, B_5, B_6, D_1],
      [A_1, B_1, B_4, B_5, D_1],
      [A_1, B_1, B_4, D_1],
      [A_1, B_1, D_1],
    ]);
  });

  it("testNotFollowedByBeforeZeroOrMoreCombinationsSkipTillAny", () => {
    const matches = testNotFollowedByBeforeZeroOrMore(false, true);
    const { A_1, B_1, B_4, B_5, B_6, D_1 } = NotFollowByData;
    comparePatterns(matches, [
      [A_1, B_1, B_4, B_5, B_6, D_1],
      [A_1, B_1, B_4, B_5, D_1],
      [A_1, B_1, B_4, B_6, D_1],
      [A_1, B_1, B_4, D_1],
      [A_1, B_1, D_1],
      [A_1, B_1, B_5, B_6, D_1],
      [A_1, B_1, B_5, D_1],
      [A_1, B_1, B_6, D_1],
    ]);
  });

  it("testNotFollowedByWithinFirstAndLastAtEnd", () => {
    testNotFollowedByWithinAtEnd("FIRST_AND_LAST");
  });

  it("testNotFollowedByWithinPreviousAndCurrentAtEnd", () => {
    testNotFollowedByWithinAtEnd("PREVIOUS_AND_CURRENT");
  });

  it("testNotFollowByBeforeTimesWithin", () => {
    const a1 = ev(40, "a", 1.0);
    const b1 = ev(41, "b", 2.0);
    const a2 = ev(42, "a", 3.0);
    const c1 = ev(43, "c", 4.0);
    const c2 = ev(44, "c", 5.0);
    const a3 = ev(45, "a", 7.0);
    const c3 = ev(46, "c", 8.0);
    const c4 = ev(47, "c", 8.0);

    const input: TestInput = [
      [a1, 1],
      [b1, 2],
      [a2, 10],
      [c1, 11],
      [c2, 12],
      [a3, 20],
      [c3, 21],
      [c4, 24],
    ];

    const pattern = PatternBuilder.begin("a")
      .where("name == 'a'")
      .notFollowedBy("b")
      .where("name == 'b'")
      .followedBy("c")
      .where("name == 'c'")
      .times(0, 2)
      .within(3);

    const matches = feedNFA(pattern, input);

    comparePatterns(matches, [[a1], [a2], [a2, c1], [a2, c1, c2], [a3], [a3, c3]]);
  });

  it("testNotFollowedByWithinAtEndAfterMatch", () => {
    const a1 = ev(40, "a", 1.0);
    const a2 = ev(41, "a", 2.0);
    const a3 = ev(42, "a", 3.0);
    const c1 = ev(43, "c", 4.0);
    const c2 = ev(44, "c", 5.0);

    const input: TestInput = [
      [a1, 1],
      [a2, 2],
      [a3, 3],
      [c1, 4],
      [c2, 10],
    ];

    const pattern = PatternBuilder.begin("a", AfterMatchSkip.skipPastLastEvent())
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .followedBy("c")
      .where("name == 'c'")
      .notFollowedBy("b")
      .where("name == 'b'")
      .within(5);

    // Flink builds the harness with withAfterMatchSkipStrategy(skipPastLastEvent()): the same
    // strategy the pattern declares, which forPattern uses.
    const harness = NFATestHarness.forPattern(pattern);
    const matches = harness.feedRecords(input);

    comparePatterns(matches, [[a1, a2, a3, c1]]);
  });
});
