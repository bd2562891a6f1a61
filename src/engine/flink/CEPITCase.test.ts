/**
 * Port of Apache Flink CEP's `CEPITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/CEPITCase.java, the Flink 2.x
 * revision), method by method, in Flink's order: small DataStream jobs run end to end, here as
 * source → timestamps/watermarks → keyBy → our `CepOperator` → select.
 *
 * How the jobs read here: see `runJob` (src/engine/testing/cepJobHarness.ts): processing time
 * (`.inProcessingTime()`) clocks the element's position; `AssignerWithPunctuatedWatermarks`
 * returning `ts - 5` and `forBoundedOutOfOrderness(5 ms)` are the two watermark kinds; a bounded
 * job ends with `Watermark(Long.MAX_VALUE)`; a stream without `keyBy` runs under one key.
 * - `PatternTimeoutFunction` results are `Left(...)`, selects `Right(...)`, compared as sorted
 *   strings like Flink's `Either.toString()`; doubles print as Java does (`1.0`).
 * - `new SubEvent(...)` and `.subtype(SubEvent.class)` as in CEPOperatorTest.test.ts.
 *
 * Not ported: `testFlatSelectSerializationWithAnonymousClass` (it only checks that anonymous
 * timeout/select functions serialize into a job graph; it asserts no output).
 * The Rich* variants run the same patterns as their plain twins; their Java-only part (the
 * restricted `RuntimeContext`) has no counterpart, their expected outputs are kept.
 */
import { describe, expect, it } from "vitest";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { EventRecord } from "../api.ts";
import { SUBTYPE_SUB_EVENT, subEvent } from "../operator/testing/flinkOperatorFixtures.ts";
import { byId, first, ids, javaDouble, runJob, sorted } from "../testing/cepJobHarness.ts";
import { ev } from "../testing/nfaTestHarness.ts";

/** The events of `testSimplePatternCEP` and its Rich twin. */
function simplePatternInput(): EventRecord[] {
  return [
    ev(1, "barfoo", 1.0),
    ev(2, "start", 2.0),
    ev(3, "foobar", 3.0),
    subEvent(4, "foo", 4.0, 1.0),
    ev(5, "middle", 5.0),
    subEvent(6, "middle", 6.0, 2.0),
    subEvent(7, "bar", 3.0, 3.0),
    ev(42, "42", 42.0),
    ev(8, "end", 1.0),
  ];
}

/** start, followedByAny SubEvent "middle", followedByAny end. */
function startSubMiddleEnd(): PatternBuilder {
  return PatternBuilder.begin("start")
    .where("name == 'start'")
    .followedByAny("middle")
    .where(SUBTYPE_SUB_EVENT)
    .where("name == 'middle'")
    .followedByAny("end")
    .where("name == 'end'");
}

/** The events of `testSimpleKeyedPatternCEP` and its Rich twin. */
function simpleKeyedInput(): EventRecord[] {
  return [
    ev(1, "barfoo", 1.0),
    ev(2, "start", 2.0),
    ev(3, "start", 2.1),
    ev(3, "foobar", 3.0),
    subEvent(4, "foo", 4.0, 1.0),
    subEvent(3, "middle", 3.2, 1.0),
    ev(42, "start", 3.1),
    subEvent(42, "middle", 3.3, 1.2),
    ev(5, "middle", 5.0),
    subEvent(2, "middle", 6.0, 2.0),
    subEvent(7, "bar", 3.0, 3.0),
    ev(42, "42", 42.0),
    ev(3, "end", 2.0),
    ev(2, "end", 1.0),
    ev(42, "end", 42.0),
  ];
}

/** start, followedByAny middle, followedByAny end (plain events). */
function startMiddleEnd(): PatternBuilder {
  return PatternBuilder.begin("start")
    .where("name == 'start'")
    .followedByAny("middle")
    .where("name == 'middle'")
    .followedByAny("end")
    .where("name == 'end'");
}

/** The timeout jobs: Left(start price) for timeouts, Right(prices) for matches, sorted. */
function timeoutHandlingResults(pattern: PatternBuilder): string[] {
  const { matches, timedOut } = runJob({
    pattern,
    input: [
      [ev(1, "start", 1.0), 1],
      [ev(1, "middle", 2.0), 5],
      [ev(1, "start", 2.0), 4],
      [ev(1, "end", 2.0), 6],
    ],
    time: { punctuatedLag: 5 },
  });
  const lefts = timedOut.map((m) => `Left(${javaDouble(first(m, "start").price)})`);
  const rights = matches.map(
    (m) => `Right(${["start", "middle", "end"].map((s) => javaDouble(first(m, s).price)).join(",")})`,
  );
  return sorted([...lefts, ...rights]);
}

describe("CEPITCase", () => {
  it("testSimplePatternCEP", () => {
    const { matches } = runJob({
      pattern: startSubMiddleEnd(),
      input: simplePatternInput(),
      time: "processing-time",
    });
    expect(matches.map((m) => ids(m, "start", "middle", "end"))).toEqual(["2,6,8"]);
  });

  it("testSimpleKeyedPatternCEP", () => {
    const { matches } = runJob({
      pattern: startSubMiddleEnd(),
      input: simpleKeyedInput(),
      time: "processing-time",
      keyBy: byId,
    });
    expect(sorted(matches.map((m) => ids(m, "start", "middle", "end")))).toEqual([
      "2,2,2",
      "3,3,3",
      "42,42,42",
    ]);
  });

  it("testSimplePatternEventTime", () => {
    const { matches } = runJob({
      pattern: startMiddleEnd(),
      input: [
        [ev(1, "start", 1.0), 5],
        [ev(2, "middle", 2.0), 1],
        [ev(3, "end", 3.0), 3],
        [ev(4, "end", 4.0), 10],
        [ev(5, "middle", 5.0), 7],
        // last element for high final watermark
        [ev(5, "middle", 5.0), 100],
      ],
      time: { punctuatedLag: 5 },
    });
    expect(sorted(matches.map((m) => ids(m, "start", "middle", "end")))).toEqual(["1,5,4"]);
  });

  it("testSimpleKeyedPatternEventTime", () => {
    const { matches } = runJob({
      pattern: startMiddleEnd(),
      input: [
        [ev(1, "start", 1.0), 5],
        [ev(1, "middle", 2.0), 1],
        [ev(2, "middle", 2.0), 4],
        [ev(2, "start", 2.0), 3],
        [ev(1, "end", 3.0), 3],
        [ev(3, "start", 4.1), 5],
        [ev(1, "end", 4.0), 10],
        [ev(2, "end", 2.0), 8],
        [ev(1, "middle", 5.0), 7],
        [ev(3, "middle", 6.0), 9],
        [ev(3, "end", 7.0), 7],
      ],
      time: { punctuatedLag: 5 },
      keyBy: byId,
    });
    expect(sorted(matches.map((m) => ids(m, "start", "middle", "end")))).toEqual(["1,1,1", "2,2,2"]);
  });

  it("testSimplePatternWithSingleState", () => {
    const { matches } = runJob({
      pattern: PatternBuilder.begin("start").where("f1 == 1"),
      input: [
        { f0: 0, f1: 1 },
        { f0: 0, f1: 2 },
      ],
      time: "processing-time",
    });
    expect(matches.map((m) => first(m, "start"))).toEqual([{ f0: 0, f1: 1 }]);
  });

  for (const [name, withinType] of [
    ["testProcessingTimeWithinBetweenFirstAndLast", "FIRST_AND_LAST"],
    ["testProcessingTimeWithinPreviousAndCurrent", "PREVIOUS_AND_CURRENT"],
  ] as const) {
    it(name, () => {
      // testProcessingTimeWithWindow(withinType): Integer elements 1, 2; start + end.
      const { matches } = runJob({
        pattern: PatternBuilder.begin("start").followedByAny("end").within(86_400_000, withinType),
        input: [{ value: 1 }, { value: 2 }],
        time: "processing-time",
      });
      expect(
        matches.map((m) => (first(m, "start").value as number) + (first(m, "end").value as number)),
      ).toEqual([3]);
    });
  }

  it("testTimeoutHandlingWithinFirstAndLast", () => {
    expect(timeoutHandlingResults(startMiddleEnd().within(3))).toEqual([
      "Left(1.0)",
      "Left(2.0)",
      "Left(2.0)",
      "Right(2.0,2.0,2.0)",
    ]);
  });

  it("testTimeoutHandlingWithinPreviousAndCurrent", () => {
    expect(timeoutHandlingResults(startMiddleEnd().within(3, "PREVIOUS_AND_CURRENT"))).toEqual([
      "Left(1.0)",
      "Left(2.0)",
      "Right(1.0,2.0,2.0)",
      "Right(2.0,2.0,2.0)",
    ]);
  });

  it("testSimpleOrFilterPatternCEP", () => {
    const { matches } = runJob({
      pattern: PatternBuilder.begin("start")
        .where("name == 'start'")
        .followedByAny("middle")
        .where("price == 2.0")
        .or("price == 5.0")
        .followedByAny("end")
        .where("name == 'end'"),
      input: [
        ev(1, "start", 1.0),
        ev(2, "middle", 2.0),
        ev(3, "end", 3.0),
        ev(4, "start", 4.0),
        ev(5, "middle", 5.0),
        ev(6, "end", 6.0),
      ],
      time: "processing-time",
    });
    expect(sorted(matches.map((m) => ids(m, "start", "middle", "end")))).toEqual(
      sorted(["1,5,6", "1,2,3", "4,5,6", "1,2,6"]),
    );
  });

  it("testSimplePatternEventTimeWithComparator", () => {
    const { matches } = runJob({
      pattern: startMiddleEnd(),
      input: [
        [ev(1, "start", 1.0), 5],
        [ev(2, "middle", 2.0), 1],
        [ev(3, "end", 3.0), 3],
        [ev(4, "end", 4.0), 10],
        [ev(5, "middle", 6.0), 7],
        [ev(6, "middle", 5.0), 7],
        // last element for high final watermark
        [ev(7, "middle", 5.0), 100],
      ],
      time: { punctuatedLag: 5 },
      comparator: (a, b) => (a.price as number) - (b.price as number),
    });
    expect(sorted(matches.map((m) => ids(m, "start", "middle", "end")))).toEqual(sorted(["1,6,4", "1,5,4"]));
  });

  it("testSimpleAfterMatchSkip", () => {
    const { matches } = runJob({
      pattern: PatternBuilder.begin("start", AfterMatchSkip.skipPastLastEvent()).where("f1 == 'a'").times(2),
      input: [
        { f0: 1, f1: "a" },
        { f0: 2, f1: "a" },
        { f0: 3, f1: "a" },
        { f0: 4, f1: "a" },
      ],
      time: "processing-time",
    });
    const starts = matches.map((m) => first(m, "start"));
    expect(sorted(starts.map((t) => `(${String(t.f0)},${String(t.f1)})`))).toEqual(["(1,a)", "(3,a)"]);
  });

  it("testRichPatternFlatSelectFunction", () => {
    const { matches } = runJob({
      pattern: startSubMiddleEnd(),
      input: simplePatternInput(),
      time: "processing-time",
    });
    expect(matches.map((m) => ids(m, "start", "middle", "end"))).toEqual(["2,6,8"]);
  });

  it("testRichPatternSelectFunction", () => {
    const { matches } = runJob({
      pattern: startSubMiddleEnd(),
      input: simpleKeyedInput(),
      time: "processing-time",
      keyBy: byId,
    });
    expect(sorted(matches.map((m) => ids(m, "start", "middle", "end")))).toEqual([
      "2,2,2",
      "3,3,3",
      "42,42,42",
    ]);
  });

  it("testPartialMatchTimeoutOutputCompletedMatch", () => {
    const { matches } = runJob({
      pattern: PatternBuilder.begin("start", AfterMatchSkip.skipPastLastEvent())
        .where("name == 'start'")
        .oneOrMore()
        .consecutive()
        .greedy()
        .followedBy("middle")
        .where("count(getEventsForPattern('start')) > 2 ? name == 'middle' : name == 'end'")
        .within(100),
      input: [
        [ev(1, "start", 1.0), 0],
        [ev(2, "start", 2.0), 1],
        [ev(3, "start", 3.0), 2],
        [ev(4, "start", 4.0), 3],
        [ev(5, "end", 5.0), 4],
      ],
      time: { boundedOutOfOrderness: 5 },
    });
    expect(sorted(matches.map((m) => ids(m, "start", "middle")))).toEqual(["3,5"]);
  });
});
