/**
 * Port of Apache Flink CEP's `IterativeConditionsITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/IterativeConditionsITCase.java):
 * conditions that read the events already matched (`ctx.getEventsForPattern(…)`), method by method.
 *
 * Every Flink test method is ported; none is skipped.
 *
 * Flink's iterative conditions become condition-language expressions: the loop summing
 * `getEventsForPattern(stage)` prices is `reduce(getEventsForPattern('stage'), lambda(acc, e) -> acc
 * + e.price end, 0.0)`. `subtype(SubEvent.class)` is a SUBTYPE condition bound to
 * `eventClass == 'SubEvent'`; `SubEvent`s carry that field.
 *
 * Flink's `compareMaps` (today's `comparePatterns`) sorts the events inside each match, as ours
 * does; the expected lists are nevertheless written in the harness's flattened order (stage by
 * stage, arrival order within a stage). They hold exactly Flink's events.
 */
import { describe, it } from "vitest";
import type { Condition } from "../../model/condition.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { comparePatterns, ev, feedNFA } from "../testing/nfaTestHarness.ts";
import type { TestEvent, TestInput } from "../testing/nfaTestHarness.ts";

/** `subtype(SubEvent.class)`. */
const SUBTYPE_SUB_EVENT: Condition = {
  type: "subtype",
  className: "org.apache.flink.cep.Event",
  subClassName: "SubEvent",
};
const BINDINGS = { SubEvent: "eventClass == 'SubEvent'" };

/** Flink's `new SubEvent(id, name, price, volume)`. */
function subEvent(id: number, name: string, price: number, volume: number): TestEvent {
  return ev(id, name, price, { volume, eventClass: "SubEvent" });
}

/** Sum of the prices of the events already taken by `stage` (Flink's for-loop over getEventsForPattern). */
function priceSum(stage: string): string {
  return `reduce(getEventsForPattern('${stage}'), lambda(acc, e) -> acc + e.price end, 0.0)`;
}

/** Flink's `MySubeventIterCondition`. */
const MY_SUBEVENT_ITER_CONDITION = `string.startsWith(name, 'foo') && ${priceSum("middle")} + price < 5.0`;

/** Flink's `MyEventIterCondition`. */
const MY_EVENT_ITER_CONDITION = `name == 'start' && ${priceSum("start")} + price < 5.0`;

const startEvent1 = ev(40, "start", 1.0);
const startEvent2 = ev(40, "start", 2.0);
const startEvent3 = ev(40, "start", 3.0);
const startEvent4 = ev(40, "start", 4.0);
const middleEvent1 = subEvent(41, "foo1", 1.0, 10);
const middleEvent2 = subEvent(42, "foo2", 2.0, 10);
const middleEvent3 = subEvent(43, "foo3", 3.0, 10);
const middleEvent4 = subEvent(43, "foo4", 1.0, 10);
const nextOne = ev(44, "next-one", 1.0);
const endEvent = ev(46, "end", 1.0);

function testIterativeWithBranchingPattern(eager: boolean): TestEvent[][] {
  const input: TestInput = [
    [startEvent1, 1],
    [middleEvent1, 2],
    [middleEvent2, 3],
    [startEvent2, 4],
    [middleEvent3, 5],
    [middleEvent4, 5],
    [nextOne, 6],
    [endEvent, 8],
  ];

  const pattern = PatternBuilder.begin("start")
    .where("name == 'start'")
    .followedBy("middle")
    .where(SUBTYPE_SUB_EVENT)
    .where(MY_SUBEVENT_ITER_CONDITION)
    .oneOrMore();
  (eager ? pattern : pattern.allowCombinations()).followedBy("end").where("name == 'end'");

  return feedNFA(pattern, input, { bindings: BINDINGS });
}

function testIterativeWithLoopingStarting(eager: boolean): TestEvent[][] {
  const input: TestInput = [
    [startEvent1, 1],
    [startEvent2, 2],
    [startEvent3, 3],
    [endEvent, 4],
  ];

  // for now, a pattern inherits its continuity property from the followedBy() or next(), and the
  // default behavior (which is the one applied in the case that the pattern graph starts with such a
  // pattern) of a looping pattern is with relaxed continuity (as in followedBy).
  const pattern = PatternBuilder.begin("start").where(MY_EVENT_ITER_CONDITION).oneOrMore();
  (eager ? pattern.optional() : pattern.allowCombinations().optional())
    .followedBy("end")
    .where("name == 'end'");

  return feedNFA(pattern, input);
}

describe("IterativeConditionsITCase", () => {
  it("testIterativeWithBranchingPatternEager", () => {
    const actual = testIterativeWithBranchingPattern(true);

    comparePatterns(actual, [
      [startEvent1, middleEvent1, middleEvent2, middleEvent4, endEvent],
      [startEvent1, middleEvent1, middleEvent2, endEvent],
      [startEvent1, middleEvent1, endEvent],
      [startEvent2, middleEvent3, middleEvent4, endEvent],
      [startEvent2, middleEvent3, endEvent],
    ]);
  });

  it("testIterativeWithBranchingPatternCombinations", () => {
    const actual = testIterativeWithBranchingPattern(false);

    comparePatterns(actual, [
      [startEvent1, middleEvent1, middleEvent2, middleEvent4, endEvent],
      [startEvent1, middleEvent1, middleEvent2, endEvent],
      [startEvent1, middleEvent1, middleEvent3, endEvent],
      [startEvent2, middleEvent3, middleEvent4, endEvent],
      [startEvent1, middleEvent1, middleEvent4, endEvent],
      [startEvent1, middleEvent1, endEvent],
      [startEvent2, middleEvent3, endEvent],
    ]);
  });

  it("testIterativeWithLoopingStartingEager", () => {
    const actual = testIterativeWithLoopingStarting(true);

    comparePatterns(actual, [
      [startEvent1, startEvent2, endEvent],
      [startEvent1, endEvent],
      [startEvent2, endEvent],
      [startEvent3, endEvent],
      [endEvent],
    ]);
  });

  it("testIterativeWithLoopingStartingCombination", () => {
    const actual = testIterativeWithLoopingStarting(false);

    comparePatterns(actual, [
      [startEvent1, startEvent2, endEvent],
      [startEvent1, startEvent3, endEvent],
      [startEvent1, endEvent],
      [startEvent2, endEvent],
      [startEvent3, endEvent],
      [endEvent],
    ]);
  });

  it("testIterativeWithPrevPatternDependency", () => {
    const input: TestInput = [
      [startEvent1, 1],
      [startEvent2, 2],
      [endEvent, 4],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .oneOrMore()
      .followedBy("end")
      .where(`name == 'end' && ${priceSum("start")} >= 2.0`);

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [startEvent1, startEvent2, endEvent],
      [startEvent2, endEvent],
    ]);
  });

  it("testIterativeWithABACPattern", () => {
    const input: TestInput = [
      [startEvent1, 1], // 1
      [middleEvent1, 2], // 1

      [startEvent2, 2], // 2
      [startEvent3, 2], // 3
      [middleEvent2, 2], // 2

      [startEvent4, 2], // 4
      [middleEvent3, 2], // 3
      [middleEvent4, 2], // 1
      [endEvent, 4],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedByAny("middle1")
      .where(SUBTYPE_SUB_EVENT)
      .where("string.startsWith(name, 'foo')")
      .followedBy("middle2")
      .where(`name == 'start' && ${priceSum("middle2")} + price <= 5.0`)
      .oneOrMore()
      .followedBy("end")
      .where("name == 'end'");

    const resultingPatterns = feedNFA(pattern, input, { bindings: BINDINGS });

    comparePatterns(resultingPatterns, [
      [startEvent1, middleEvent1, startEvent2, startEvent3, endEvent],
      [startEvent1, middleEvent1, startEvent2, endEvent],
      [startEvent1, middleEvent2, startEvent4, endEvent],
      [startEvent2, middleEvent2, startEvent4, endEvent],
      [startEvent3, middleEvent2, startEvent4, endEvent],
    ]);
  });

  it("testIterativeWithPrevPatternDependencyAfterBranching", () => {
    const input: TestInput = [
      [startEvent1, 1],
      [startEvent2, 2],
      [middleEvent1, 4],
      [startEvent3, 5],
      [middleEvent2, 6],
      [endEvent, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .oneOrMore()
      .followedByAny("middle1")
      .where(SUBTYPE_SUB_EVENT)
      .where("string.startsWith(name, 'foo')")
      .followedByAny("end")
      .where(`name == 'end' && ${priceSum("start")} >= 2.0`);

    const resultingPatterns = feedNFA(pattern, input, { bindings: BINDINGS });

    comparePatterns(resultingPatterns, [
      [startEvent1, startEvent2, middleEvent1, endEvent],
      [startEvent2, middleEvent1, endEvent],
      [startEvent1, startEvent2, middleEvent2, endEvent],
      [startEvent1, startEvent2, startEvent3, middleEvent2, endEvent],
      [startEvent2, startEvent3, middleEvent2, endEvent],
      [startEvent2, middleEvent2, endEvent],
      [startEvent3, middleEvent2, endEvent],
    ]);
  });
});
