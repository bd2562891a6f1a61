/**
 * Port of Apache Flink CEP's `GroupITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/GroupITCase.java):
 * group patterns (`begin(Pattern)`, `followedBy(Pattern)`, …) with quantifiers, method by method.
 *
 * Every Flink test method is ported; none is skipped.
 *
 * testGroupFollowedByOneOrMoreWithUntilCondition also asserts that Flink's `NFAState` is left with
 * one partial match, at the start state; it reads the harness's `nfaState` the same way.
 *
 * `comparePatterns` (Flink's and ours) sorts the events inside each match, so in-match order does
 * not matter; expected lists are written in the order the harness flattens a match anyway: stages
 * in pattern order, a group's iterations concatenated per inner stage (`(a b){2}` yields
 * middle1 = [a1, a2], middle2 = [b1, b2]). They hold exactly Flink's events.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { NFATestHarness, comparePatterns, ev, feedNFA } from "../testing/nfaTestHarness.ts";
import type { TestInput } from "../testing/nfaTestHarness.ts";

/** The group `(a b)` most tests use: "middle1" = a, followedBy "middle2" = b. */
function groupAB(): PatternBuilder {
  return PatternBuilder.begin("middle1").where("name == 'a'").followedBy("middle2").where("name == 'b'");
}

/** The nested group `(a (b c))` of the nesting tests, with the inner group's quantifier applied by `quantify`. */
function groupABC(quantify: (inner: PatternBuilder) => PatternBuilder): PatternBuilder {
  const outer = PatternBuilder.begin("middle1").where("name == 'a'");
  return quantify(
    outer.followedBy(
      PatternBuilder.begin("middle2").where("name == 'b'").followedBy("middle3").where("name == 'c'"),
    ),
  );
}

/**
 * Flink's `NFATestHarness.forNFA(nfa).withNFAState(nfaState).build().feedRecords(input)` (NO_SKIP),
 * keeping the harness so the test can inspect the per-key state afterwards.
 */
function feedKeepingState(pattern: PatternBuilder, input: TestInput) {
  const harness = NFATestHarness.forPattern(pattern, { noSkip: true });
  const matches = harness.feedRecords(input);
  return { matches, partialMatches: harness.nfaState.partialMatches };
}

describe("GroupITCase", () => {
  it("testGroupFollowedByTimes", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const a2 = ev(43, "a", 4.0);
    const b2 = ev(44, "b", 5.0);
    const d = ev(45, "d", 6.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [b1, 3],
      [a2, 4],
      [b2, 5],
      [d, 6],
    ];

    // c (a b){2} d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy(groupAB())
      .times(2)
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [[c, a1, a2, b1, b2, d]]);
  });

  it("testGroupFollowedByOptional", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const b = ev(43, "b", 3.0);
    const d = ev(44, "d", 4.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [b, 4],
      [d, 5],
    ];

    // c (a b)? d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy(groupAB())
      .optional()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [c, d],
      [c, a1, b, d],
    ]);
  });

  it("testFollowedByGroupTimesOptional", () => {
    const c = ev(40, "c", 1.0);
    const a = ev(41, "a", 2.0);
    const d = ev(45, "d", 3.0);

    const input: TestInput = [
      [c, 1],
      [a, 2],
      [d, 3],
    ];

    // c (a b){2}? d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy(groupAB())
      .times(2)
      .optional()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [[c, d]]);
  });

  it("testGroupFollowedByOneOrMore", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const a2 = ev(43, "a", 4.0);
    const b2 = ev(44, "b", 5.0);
    const d = ev(45, "d", 6.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [b1, 3],
      [a2, 4],
      [b2, 5],
      [d, 6],
    ];

    // c (a b)+ d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy(groupAB())
      .oneOrMore()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [c, a1, b1, d],
      [c, a1, a2, b1, b2, d],
    ]);
  });

  it("testGroupFollowedByZeroOrMore", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const a2 = ev(43, "a", 4.0);
    const b2 = ev(44, "b", 5.0);
    const d = ev(45, "d", 6.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [b1, 3],
      [a2, 4],
      [b2, 5],
      [d, 6],
    ];

    // c (a b)* d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy(groupAB())
      .oneOrMore()
      .optional()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [c, d],
      [c, a1, b1, d],
      [c, a1, a2, b1, b2, d],
    ]);
  });

  it("testGroupFollowedByAnyTimesCombinations", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const a2 = ev(43, "a", 4.0);
    const b2 = ev(44, "b", 5.0);
    const a3 = ev(45, "a", 4.0);
    const b3 = ev(46, "b", 5.0);
    const d = ev(47, "d", 6.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [b1, 3],
      [a2, 4],
      [b2, 5],
      [a3, 6],
      [b3, 7],
      [d, 8],
    ];

    // c any (a b){2} d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny(groupAB())
      .times(2)
      .allowCombinations()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [c, a1, a2, b1, b2, d],
      [c, a1, a3, b1, b3, d],
      [c, a2, a3, b2, b3, d],
    ]);
  });

  it("testGroupFollowedByAnyTimesOptional", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const a2 = ev(43, "a", 4.0);
    const b2 = ev(44, "b", 5.0);
    const a3 = ev(45, "a", 4.0);
    const b3 = ev(46, "b", 5.0);
    const d = ev(47, "d", 6.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [b1, 3],
      [a2, 4],
      [b2, 5],
      [a3, 6],
      [b3, 7],
      [d, 8],
    ];

    // c any (a b){2}? d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny(groupAB())
      .times(2)
      .optional()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [c, d],
      [c, a1, a2, b1, b2, d],
      [c, a2, a3, b2, b3, d],
    ]);
  });

  it("testGroupFollowedByAnyOneOrMore", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const a2 = ev(43, "a", 4.0);
    const b2 = ev(44, "b", 5.0);
    const a3 = ev(45, "a", 4.0);
    const b3 = ev(46, "b", 5.0);
    const d = ev(47, "d", 6.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [b1, 3],
      [a2, 4],
      [b2, 5],
      [a3, 6],
      [b3, 7],
      [d, 8],
    ];

    // c any (a b){1,} d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny(groupAB())
      .oneOrMore()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [c, a1, b1, d],
      [c, a2, b2, d],
      [c, a3, b3, d],
      [c, a1, a2, b1, b2, d],
      [c, a2, a3, b2, b3, d],
      [c, a1, a2, a3, b1, b2, b3, d],
    ]);
  });

  it("testGroupNextZeroOrMore", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const a2 = ev(43, "a", 3.0);
    const b2 = ev(44, "b", 3.0);
    const a3 = ev(45, "a", 4.0);
    const b3 = ev(46, "b", 3.0);
    const d = ev(47, "d", 1.0);

    const input: TestInput = [
      [c, 1],
      [a1, 3],
      [b1, 4],
      [a2, 5],
      [b2, 6],
      [a3, 7],
      [b3, 8],
      [d, 9],
    ];

    // c next (a b)* d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .next(groupAB())
      .oneOrMore()
      .optional()
      .consecutive()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [c, d],
      [c, a1, b1, d],
      [c, a1, a2, b1, b2, d],
      [c, a1, a2, a3, b1, b2, b3, d],
    ]);
  });

  it("testGroupNotFollowedBy", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const d = ev(43, "d", 3.0);
    const a2 = ev(44, "a", 4.0);
    const b2 = ev(45, "b", 5.0);
    const e = ev(46, "e", 6.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [b1, 3],
      [d, 4],
      [a2, 5],
      [b2, 6],
      [e, 7],
    ];

    // c (a b) ^d e
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny(groupAB())
      .notFollowedBy("notPattern")
      .where("name == 'd'")
      .followedBy("end")
      .where("name == 'e'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [[c, a2, b2, e]]);
  });

  it("testGroupNotNext", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const d = ev(43, "d", 3.0);
    const a2 = ev(44, "a", 4.0);
    const b2 = ev(45, "b", 5.0);
    const e = ev(46, "e", 6.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [b1, 3],
      [d, 4],
      [a2, 5],
      [b2, 6],
      [e, 7],
    ];

    // c (a b) next ^d e
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny(groupAB())
      .notNext("notPattern")
      .where("name == 'd'")
      .followedBy("end")
      .where("name == 'e'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [[c, a2, b2, e]]);
  });

  it("testGroupNest", () => {
    const d = ev(40, "d", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const c1 = ev(43, "c", 4.0);
    const b2 = ev(44, "b", 5.0);
    const c2 = ev(45, "c", 4.0);
    const e = ev(46, "e", 6.0);

    const input: TestInput = [
      [d, 1],
      [a1, 2],
      [b1, 3],
      [c1, 4],
      [b2, 5],
      [c2, 6],
      [e, 7],
    ];

    // d (a (b c)*)? e
    const pattern = PatternBuilder.begin("start")
      .where("name == 'd'")
      .followedBy(groupABC((inner) => inner.oneOrMore().optional()))
      .optional()
      .followedBy("end")
      .where("name == 'e'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [d, e],
      [d, a1, e],
      [d, a1, b1, c1, e],
      [d, a1, b1, b2, c1, c2, e],
    ]);
  });

  it("testGroupNestTimes", () => {
    const d = ev(40, "d", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const c1 = ev(43, "c", 4.0);
    const b2 = ev(44, "b", 5.0);
    const c2 = ev(45, "c", 4.0);
    const b3 = ev(46, "b", 5.0);
    const c3 = ev(47, "c", 4.0);
    const a2 = ev(48, "a", 2.0);
    const b4 = ev(49, "b", 3.0);
    const c4 = ev(50, "c", 4.0);
    const b5 = ev(51, "b", 5.0);
    const c5 = ev(52, "c", 4.0);
    const b6 = ev(53, "b", 5.0);
    const c6 = ev(54, "c", 4.0);
    const e = ev(55, "e", 6.0);

    const input: TestInput = [
      [d, 1],
      [a1, 2],
      [b1, 3],
      [c1, 4],
      [b2, 5],
      [c2, 6],
      [b3, 7],
      [c3, 8],
      [a2, 9],
      [b4, 10],
      [c4, 11],
      [b5, 12],
      [c5, 13],
      [b6, 14],
      [c6, 15],
      [e, 16],
    ];

    // d any (a (b c){3}){0, 2} e
    const pattern = PatternBuilder.begin("start")
      .where("name == 'd'")
      .followedByAny(groupABC((inner) => inner.times(3)))
      .times(0, 2)
      .followedBy("end")
      .where("name == 'e'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [d, e],
      [d, a1, b1, b2, b3, c1, c2, c3, e],
      [d, a2, b4, b5, b6, c4, c5, c6, e],
      [d, a1, a2, b1, b2, b3, b4, b5, b6, c1, c2, c3, c4, c5, c6, e],
    ]);
  });

  it("testGroupNestTimesConsecutive", () => {
    const d = ev(40, "d", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const c1 = ev(43, "c", 4.0);
    const b2 = ev(44, "b", 5.0);
    const c2 = ev(45, "c", 4.0);
    const b3 = ev(46, "b", 5.0);
    const c3 = ev(47, "c", 4.0);
    const a2 = ev(48, "a", 2.0);
    const b4 = ev(49, "b", 3.0);
    const c4 = ev(50, "c", 4.0);
    const b5 = ev(51, "b", 5.0);
    const c5 = ev(52, "c", 4.0);
    const b6 = ev(53, "b", 5.0);
    const c6 = ev(54, "c", 4.0);
    const e = ev(55, "e", 6.0);

    const input: TestInput = [
      [d, 1],
      [a1, 2],
      [b1, 3],
      [c1, 4],
      [b2, 5],
      [c2, 6],
      [b3, 7],
      [c3, 8],
      [a2, 9],
      [b4, 10],
      [c4, 11],
      [ev(0, "breaking", 99.0), 12],
      [b5, 13],
      [c5, 14],
      [b6, 15],
      [c6, 16],
      [e, 17],
    ];

    // d any (a (b c){3}){0, 2} e
    const pattern = PatternBuilder.begin("start")
      .where("name == 'd'")
      .followedByAny(groupABC((inner) => inner.times(3).consecutive()))
      .times(0, 2)
      .consecutive()
      .followedBy("end")
      .where("name == 'e'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [d, e],
      [d, a1, b1, b2, b3, c1, c2, c3, e],
    ]);
  });

  it("testGroupBegin", () => {
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const a2 = ev(43, "a", 4.0);
    const b2 = ev(44, "b", 5.0);
    const d = ev(45, "d", 6.0);

    const input: TestInput = [
      [a1, 1],
      [b1, 2],
      [a2, 3],
      [b2, 4],
      [d, 5],
    ];

    // (a b){1, 2} d
    const pattern = PatternBuilder.begin(groupAB()).times(1, 2).followedBy("end").where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [a1, b1, d],
      [a2, b2, d],
      [a1, a2, b1, b2, d],
    ]);
  });

  it("testGroupFollowedByOneOrMoreWithUntilCondition", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(42, "b", 3.0);
    const a2 = ev(43, "a", 4.0);
    const b2 = ev(44, "b", 5.0);
    const d = ev(45, "d", 6.0);

    const input: TestInput = [
      [c, 1],
      [a1, 2],
      [b1, 3],
      [a2, 4],
      [b2, 5],
      [d, 6],
    ];

    // c (a b)+ d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy(groupAB())
      .oneOrMore()
      .until("name == 'd'")
      .followedBy("end")
      .where("name == 'd'");

    const { matches, partialMatches } = feedKeepingState(pattern, input);

    comparePatterns(matches, [
      [c, a1, b1, d],
      [c, a1, a2, b1, b2, d],
    ]);
    // Flink: nfaState.getPartialMatches() has size 1 and its only entry is at state "start". Ours
    // names states by index, so: the one run left is the start run (no start event), which waits
    // in the begin state "start".
    expect(partialMatches).toHaveLength(1);
    expect(partialMatches[0]?.startEventId).toBeNull();
  });

  it("testGroupStartsWithOptionalPattern", () => {
    const a = ev(40, "a", 1.0);
    const c = ev(41, "c", 2.0);
    const d = ev(42, "d", 3.0);

    const input: TestInput = [
      [a, 1],
      [c, 2],
      [d, 3],
    ];

    // a (b? c) d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .next(
        PatternBuilder.begin("middle1").where("name == 'b'").optional().next("middle2").where("name == 'c'"),
      )
      .next("d")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [[a, c, d]]);
  });

  it("testFollowedByOptionalGroupPattern", () => {
    const a = ev(40, "a", 1.0);
    const d1 = ev(41, "d", 2.0);
    const d2 = ev(42, "d", 3.0);

    const input: TestInput = [
      [a, 1],
      [d1, 2],
      [d2, 3],
    ];

    // a -> (b c)? d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'a'")
      .followedBy(PatternBuilder.begin("middle1").where("name == 'b'").next("middle2").where("name == 'c'"))
      .optional()
      .next("d")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [[a, d1]]);
  });
});
