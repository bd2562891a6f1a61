/**
 * Port of Apache Flink CEP's historic `CEPSimplePatternsITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/CEPSimplePatternsITCase.java,
 * revision 17400369 of the quantifier prototype), method by method, in Flink's order: small
 * DataStream jobs run end to end through our `CepOperator` ({@link runJob}).
 *
 * Today's `CEPITCase` grew out of this class; the difference that matters is the contiguity:
 * here every stage is joined by `followedBy` (skip till next), where today's `CEPITCase` uses
 * `followedByAny`. With `followedBy` a partial match that takes the next stage's event is
 * consumed, so `testTimeoutHandling` times out one partial match, not three.
 *
 * How the Java reads here:
 * - `FilterFunction` conditions are condition-language expressions; `subtype(SubEvent.class)` and
 *   `new SubEvent(...)` as in the operator fixtures.
 * - `AssignerWithPunctuatedWatermarks` returning `ts - 5`: `{ punctuatedLag: 5 }`; an event-time
 *   job ends with `Watermark(Long.MAX_VALUE)`. Without a time characteristic the job runs in
 *   processing time.
 * - `Map<String, Event>` selects read each stage's only event; `Integer` / `Tuple2` elements are
 *   records with a `value` / `f0`, `f1` field.
 * - `Either` results print as `Left(...)` / `Right(...)`, prices as Java prints doubles; lines are
 *   compared sorted, as `compareResultsByLinesInMemory` does.
 *
 * Every method is ported.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { SUBTYPE_SUB_EVENT, subEvent } from "../operator/testing/flinkOperatorFixtures.ts";
import { byId, first, ids, javaDouble, runJob, sorted } from "../testing/cepJobHarness.ts";
import { ev } from "../testing/nfaTestHarness.ts";

/** start, followedBy SubEvent "middle", followedBy end. */
function startSubMiddleEnd(): PatternBuilder {
  return PatternBuilder.begin("start")
    .where("name == 'start'")
    .followedBy("middle")
    .where(SUBTYPE_SUB_EVENT)
    .where("name == 'middle'")
    .followedBy("end")
    .where("name == 'end'");
}

/** start, followedBy middle, followedBy end (plain events). */
function startMiddleEnd(): PatternBuilder {
  return PatternBuilder.begin("start")
    .where("name == 'start'")
    .followedBy("middle")
    .where("name == 'middle'")
    .followedBy("end")
    .where("name == 'end'");
}

describe("CEPSimplePatternsITCase", () => {
  it("testSimplePatternCEP", () => {
    const { matches } = runJob({
      pattern: startSubMiddleEnd(),
      input: [
        ev(1, "barfoo", 1.0),
        ev(2, "start", 2.0),
        ev(3, "foobar", 3.0),
        subEvent(4, "foo", 4.0, 1.0),
        ev(5, "middle", 5.0),
        subEvent(6, "middle", 6.0, 2.0),
        subEvent(7, "bar", 3.0, 3.0),
        ev(42, "42", 42.0),
        ev(8, "end", 1.0),
      ],
      time: "processing-time",
    });
    expect(matches.map((m) => ids(m, "start", "middle", "end"))).toEqual(["2,6,8"]);
  });

  it("testSimpleKeyedPatternCEP", () => {
    const { matches } = runJob({
      pattern: startSubMiddleEnd(),
      input: [
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
      ],
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
    expect(matches.map((m) => ids(m, "start", "middle", "end"))).toEqual(["1,5,4"]);
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

  it("testProcessingTimeWithWindow", () => {
    const { matches } = runJob({
      pattern: PatternBuilder.begin("start").followedBy("end").within(86_400_000),
      input: [{ value: 1 }, { value: 2 }],
      time: "processing-time",
    });
    expect(
      matches.map((m) => (first(m, "start").value as number) + (first(m, "end").value as number)),
    ).toEqual([3]);
  });

  it("testTimeoutHandling", () => {
    const { matches, timedOut } = runJob({
      pattern: startMiddleEnd().within(3),
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
    expect(sorted([...lefts, ...rights])).toEqual(["Left(1.0)", "Right(2.0,2.0,2.0)"]);
  });
});
