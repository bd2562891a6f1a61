/**
 * Port of Apache Flink CEP's `GreedyITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/GreedyITCase.java, the
 * `SimpleCondition.of` / `comparePatterns` revision), method by method.
 *
 * Every Flink test method is ported; none is skipped. Older revisions of the suite had
 * `testGreedyZeroOrMoreConsecutiveEndWithOptional`, `testGreedyZeroOrMoreBeforeOptional` and
 * `testGreedyZeroOrMoreBeforeOptional2`; Flink removed them when it made "a greedy stage followed by
 * an optional stage" a compile error, so they are not part of this port.
 *
 * `SimpleCondition.of(value -> value.getName().equals("c"))` is written `"name == 'c'"`.
 */
import { describe, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { comparePatterns, ev, feedNFA, type TestInput } from "../testing/nfaTestHarness.ts";

describe("GreedyITCase", () => {
  it("testGreedyZeroOrMore", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const a3 = ev(43, "a", 2.0);
    const d = ev(44, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [a3, 4],
      [d, 5],
    ];

    // c a* d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .greedy()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, a3, d]]);
  });

  it("testGreedyZeroOrMoreInBetween", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const a3 = ev(43, "a", 2.0);
    const d = ev(44, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [ev(1, "dummy", 1111), 2],
      [a1, 3],
      [ev(1, "dummy", 1111), 4],
      [a2, 5],
      [ev(1, "dummy", 1111), 6],
      [a3, 7],
      [d, 8],
    ];

    // c a* d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .greedy()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, a3, d]]);
  });

  it("testGreedyZeroOrMoreWithDummyEventsAfterQuantifier", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const d = ev(44, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [ev(43, "dummy", 2.0), 4],
      [d, 5],
    ];

    // c a* d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .greedy()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, d]]);
  });

  it("testGreedyZeroOrMoreWithDummyEventsBeforeQuantifier", () => {
    const c = ev(40, "c", 1.0);
    const d = ev(44, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [ev(43, "dummy", 2.0), 2],
      [d, 5],
    ];

    // c a* d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .greedy()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, d]]);
  });

  it("testGreedyUntilZeroOrMoreWithDummyEventsAfterQuantifier", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 3.0);
    const a3 = ev(43, "a", 3.0);
    const d = ev(45, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [a3, 4],
      [ev(44, "a", 4.0), 5],
      [d, 6],
    ];

    // c a* d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .greedy()
      .until("price > 3.0")
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, a3, d]]);
  });

  it("testGreedyUntilWithDummyEventsBeforeQuantifier", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 3.0);
    const a3 = ev(43, "a", 3.0);
    const d = ev(45, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [ev(44, "a", 4.0), 2],
      [a1, 3],
      [a2, 4],
      [a3, 5],
      [d, 6],
    ];

    // c a* d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .greedy()
      .until("price > 3.0")
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, d]]);
  });

  it("testGreedyOneOrMore", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const a3 = ev(43, "a", 2.0);
    const d = ev(44, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [a3, 4],
      [d, 5],
    ];

    // c a+ d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .greedy()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, a3, d]]);
  });

  it("testGreedyOneOrMoreInBetween", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const a3 = ev(43, "a", 2.0);
    const d = ev(44, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [ev(1, "dummy", 1111), 2],
      [a1, 3],
      [ev(1, "dummy", 1111), 4],
      [a2, 5],
      [ev(1, "dummy", 1111), 6],
      [a3, 7],
      [d, 8],
    ];

    // c a+ d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .greedy()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, a3, d]]);
  });

  it("testGreedyOneOrMoreWithDummyEventsAfterQuantifier", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const d = ev(44, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [ev(43, "dummy", 2.0), 4],
      [d, 5],
    ];

    // c a+ d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .greedy()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, d]]);
  });

  it("testGreedyOneOrMoreWithDummyEventsBeforeQuantifier", () => {
    const c = ev(40, "c", 1.0);
    const d = ev(44, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [ev(43, "dummy", 2.0), 2],
      [d, 5],
    ];

    // c a+ d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .greedy()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, []);
  });

  it("testGreedyUntilOneOrMoreWithDummyEventsAfterQuantifier", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 3.0);
    const a3 = ev(43, "a", 3.0);
    const d = ev(45, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [a3, 4],
      [ev(44, "a", 4.0), 5],
      [d, 6],
    ];

    // c a+ d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .greedy()
      .until("price > 3.0")
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, a3, d]]);
  });

  it("testGreedyUntilOneOrMoreWithDummyEventsBeforeQuantifier", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 3.0);
    const a3 = ev(43, "a", 3.0);
    const d = ev(45, "d", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [ev(44, "a", 4.0), 2],
      [a1, 3],
      [a2, 4],
      [a3, 5],
      [d, 6],
    ];

    // c a+ d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .greedy()
      .until("price > 3.0")
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, []);
  });

  it("testGreedyZeroOrMoreBeforeGroupPattern", () => {
    // Value-identical events on purpose (as in Flink): each is still a separate input.
    const c = ev(40, "c", 1.0);
    const a1 = ev(40, "a", 1.0);
    const a2 = ev(40, "a", 1.0);
    const a3 = ev(40, "a", 1.0);
    const d1 = ev(40, "d", 1.0);
    const e1 = ev(40, "e", 1.0);
    const d2 = ev(40, "d", 1.0);
    const e2 = ev(40, "e", 1.0);
    const f = ev(44, "f", 3.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [ev(43, "dummy", 2.0), 4],
      [a3, 5],
      [d1, 6],
      [e1, 7],
      [d2, 8],
      [e2, 9],
      [f, 10],
    ];

    // c a* (d e){2} f
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .greedy()
      .followedBy(
        PatternBuilder.begin("middle1").where("name == 'd'").followedBy("middle2").where("name == 'e'"),
      )
      .times(2)
      .followedBy("end")
      .where("name == 'f'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, a3, d1, e1, d2, e2, f]]);
  });

  it("testEndWithZeroOrMoreGreedy", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const a3 = ev(43, "a", 2.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [ev(44, "dummy", 2.0), 4],
      [a3, 5],
    ];

    // c a*
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("end")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .greedy();

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c], [c, a1], [c, a1, a2], [c, a1, a2, a3]]);
  });

  it("testEndWithZeroOrMoreConsecutiveGreedy", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const a3 = ev(43, "a", 2.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [ev(44, "dummy", 2.0), 4],
      [a3, 5],
    ];

    // c a*
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("end")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .consecutive()
      .greedy();

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c], [c, a1], [c, a1, a2]]);
  });

  it("testEndWithGreedyTimesRange", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const a3 = ev(43, "a", 2.0);
    const a4 = ev(44, "a", 2.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [a3, 4],
      [a4, 5],
      [ev(44, "dummy", 2.0), 6],
    ];

    // c a{2, 5}
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("end")
      .where("name == 'a'")
      .times(2, 5)
      .greedy();

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [c, a1, a2],
      [c, a1, a2, a3],
      [c, a1, a2, a3, a4],
    ]);
  });

  it("testGreedyTimesRange", () => {
    const c = ev(40, "c", 1.0);
    const a1 = ev(41, "a", 2.0);
    const a2 = ev(42, "a", 2.0);
    const a3 = ev(43, "a", 2.0);
    const a4 = ev(44, "a", 2.0);
    const d = ev(45, "d", 2.0);

    const inputEvents: TestInput = [
      [c, 1],
      [a1, 2],
      [a2, 3],
      [a3, 4],
      [a4, 5],
      [d, 6],
    ];

    // c a{2, 5} d
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .times(2, 5)
      .greedy()
      .followedBy("end")
      .where("name == 'd'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[c, a1, a2, a3, a4, d]]);
  });
});
