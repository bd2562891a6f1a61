/**
 * Port of Apache Flink CEP's `UntilConditionITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/UntilConditionITCase.java),
 * method by method. Every Flink test method is ported; none is skipped.
 *
 * Flink ends most methods with
 * `assertEquals(1, nfaState.getPartialMatches().size())` and
 * `assertEquals("start", nfaState.getPartialMatches().peek().getCurrentStateName())`: only the fresh
 * start state is left. Here: the harness state holds one partial match and
 * `CompiledNFA.isEmpty(state)` ("nothing beyond the start state") holds — see {@link onlyStartStateLeft}.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { comparePatterns, ev, feedNFA, NFATestHarness, type TestInput } from "../testing/nfaTestHarness.ts";

/** Flink's `UNTIL_CONDITION`: `value.getPrice() == 5.0`. */
const UNTIL_CONDITION = "price == 5.0";

/** Flink's `partialMatches.size() == 1` and `peek().getCurrentStateName() == "start"`. */
function onlyStartStateLeft(harness: NFATestHarness): boolean {
  return harness.nfaState.partialMatches.length === 1 && harness.compiled.isEmpty(harness.nfaState);
}

describe("UntilConditionITCase", () => {
  it("testUntilConditionFollowedByOneOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const breaking = ev(44, "a", 5.0);
    const ignored = ev(45, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [breaking, 6],
      [ignored, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .until(UNTIL_CONDITION)
      .followedBy("end")
      .where(UNTIL_CONDITION);

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, breaking],
      [startEvent, middleEvent1, breaking],
    ]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testUntilConditionFollowedByOneOrMoreCombinations", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const breaking = ev(44, "a", 5.0);
    const ignored = ev(45, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [breaking, 6],
      [ignored, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .until(UNTIL_CONDITION)
      .followedBy("end")
      .where(UNTIL_CONDITION);

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3, breaking],
      [startEvent, middleEvent1, middleEvent2, breaking],
      [startEvent, middleEvent1, middleEvent3, breaking],
      [startEvent, middleEvent1, breaking],
    ]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testUntilConditionFollowedByOneOrMoreConsecutive", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const breaking = ev(45, "a", 5.0);
    const ignored = ev(46, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [breaking, 7],
      [ignored, 8],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .consecutive()
      .until(UNTIL_CONDITION)
      .followedBy("end")
      .where(UNTIL_CONDITION);

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, breaking],
      [startEvent, middleEvent1, breaking],
    ]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testUntilConditionFollowedByOneOrMoreConsecutive2", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "b", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const breaking = ev(45, "a", 5.0);
    const ignored = ev(46, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [breaking, 7],
      [ignored, 8],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .consecutive()
      .until(UNTIL_CONDITION)
      .followedBy("end")
      .where(UNTIL_CONDITION);

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [[startEvent, middleEvent1, breaking]]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testUntilConditionFollowedByZeroOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const breaking = ev(44, "a", 5.0);
    const ignored = ev(45, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [breaking, 6],
      [ignored, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .until(UNTIL_CONDITION)
      .followedBy("end")
      .where(UNTIL_CONDITION);

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, breaking],
      [startEvent, middleEvent1, breaking],
      [startEvent, breaking],
    ]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testUntilConditionFollowedByZeroOrMoreCombinations", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const breaking = ev(44, "a", 5.0);
    const ignored = ev(45, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [breaking, 6],
      [ignored, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .allowCombinations()
      .until(UNTIL_CONDITION)
      .followedBy("end")
      .where(UNTIL_CONDITION);

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3, breaking],
      [startEvent, middleEvent1, middleEvent2, breaking],
      [startEvent, middleEvent1, middleEvent3, breaking],
      [startEvent, middleEvent1, breaking],
      [startEvent, breaking],
    ]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testUntilConditionFollowedByZeroOrMoreConsecutive", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const breaking = ev(45, "a", 5.0);
    const ignored = ev(46, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [breaking, 7],
      [ignored, 8],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .consecutive()
      .until(UNTIL_CONDITION)
      .followedBy("end")
      .where(UNTIL_CONDITION);

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, breaking],
      [startEvent, middleEvent1, breaking],
      [startEvent, breaking],
    ]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testUntilConditionFollowedByAnyOneOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const breaking = ev(44, "a", 5.0);
    const middleEvent3 = ev(45, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [breaking, 6],
      [middleEvent3, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .until(UNTIL_CONDITION);

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2],
      [startEvent, middleEvent1],
      [startEvent, middleEvent2],
      [startEvent, middleEvent3],
    ]);
  });

  it("testUntilConditionFollowedByAnyZeroOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const breaking = ev(44, "a", 5.0);
    const middleEvent3 = ev(45, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [breaking, 6],
      [middleEvent3, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .until(UNTIL_CONDITION);

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2],
      [startEvent, middleEvent1],
      [startEvent, middleEvent2],
      [startEvent, middleEvent3],
      [startEvent],
    ]);
  });

  it("testUntilConditionWithEmptyWhere", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(40, "d", 1.0);
    const breaking = ev(44, "a", 5.0);
    const ignored = ev(45, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [breaking, 6],
      [ignored, 7],
    ];

    // "middle" has no where(): no condition at all.
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .oneOrMore()
      .until(UNTIL_CONDITION);

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3],
      [startEvent, middleEvent1, middleEvent2],
      [startEvent, middleEvent1],
    ]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testIterativeUntilConditionOneOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(40, "d", 1.0);
    const breaking = ev(44, "a", 5.0);
    const ignored = ev(45, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [breaking, 6],
      [ignored, 7],
    ];

    // until: the prices of the events already taken by "middle" sum to 6.0.
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .oneOrMore()
      .until("reduce(getEventsForPattern('middle'), lambda(acc, e) -> acc + e.price end, 0.0) == 6.0");

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3],
      [startEvent, middleEvent1, middleEvent2],
      [startEvent, middleEvent1],
    ]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testIterativeUntilConditionZeroOrMore", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(40, "d", 1.0);
    const breaking = ev(44, "a", 5.0);
    const ignored = ev(45, "a", 6.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [breaking, 6],
      [ignored, 7],
    ];

    // until: the prices of the events already taken by "middle" sum to 6.0.
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .oneOrMore()
      .optional()
      .until("reduce(getEventsForPattern('middle'), lambda(acc, e) -> acc + e.price end, 0.0) == 6.0");

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.feedRecords(inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3],
      [startEvent, middleEvent1, middleEvent2],
      [startEvent, middleEvent1],
      [startEvent],
    ]);
    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });
});
