/**
 * Port of Apache Flink CEP's historic `CEPComplexPatternsITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/CEPComplexPatternsITCase.java,
 * revision f17e81d3 of the quantifier prototype), method by method, in Flink's order: small
 * DataStream jobs over `env.fromElements(...)` without a time characteristic (processing time),
 * run end to end through our `CepOperator` ({@link runJob}).
 *
 * The class was written for the prototype of Flink's quantifiers; today's API says the same
 * things under other names, and the port uses today's:
 * - `oneOrMany()` → `oneOrMore()`; `zeroOrMany()` → `oneOrMore().optional()`;
 * - `count(n)` → `times(n)`; `count(from, to)` → `times(from, to)`, where `count(0, n)` is
 *   `times(0, n)` (Flink: `OPTIONAL` + `times(1, n)`);
 * - `Map<String, Event>` with keys `middle_0`, `middle_1`, … or `middle`, `middle#1`, … (one key
 *   per taken event) → today's `Map<String, List<Event>>`, the stage's events in arrival order.
 *   The select functions print the ids of those events in that order, so `ids` reads the lists.
 *
 * Every method is ported; each expected output holds under today's NFA (checked by hand against
 * NFACompiler's states: the quantifier's inner contiguity defaults to relaxed, the `next` edge is
 * strict for the stage's first event only).
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { EventRecord, Match } from "../api.ts";
import { subEvent } from "../operator/testing/flinkOperatorFixtures.ts";
import { runJob, sorted } from "../testing/cepJobHarness.ts";
import { ev } from "../testing/nfaTestHarness.ts";

/** Every event id of the given stages, stage by stage, joined by commas (absent stages: none). */
function ids(match: Match, ...stages: string[]): string {
  return stages.flatMap((stage) => (match.get(stage) ?? []).map((e) => String(e.id))).join(",");
}

/** Runs the processing-time job and prints each match as its select function does. */
function run(pattern: PatternBuilder, input: EventRecord[], ...stages: string[]): string[] {
  return sorted(runJob({ pattern, input, time: "processing-time" }).matches.map((m) => ids(m, ...stages)));
}

/** `start` → `next("middle")` with `quantify` → `next("end")`. */
function startMiddleEnd(quantify: (middle: PatternBuilder) => PatternBuilder): PatternBuilder {
  const middle = PatternBuilder.begin("start")
    .where("name == 'start'")
    .next("middle")
    .where("name == 'middle'");
  return quantify(middle).next("end").where("name == 'end'");
}

/** start, three middles (one a SubEvent), end. */
function threeMiddles(): EventRecord[] {
  return [
    ev(2, "start", 2.0),
    ev(3, "middle", 3.0),
    subEvent(4, "middle", 4.0, 1.0),
    ev(5, "middle", 5.0),
    ev(8, "end", 1.0),
  ];
}

describe("CEPComplexPatternsITCase", () => {
  it("testOneOrMoreCEPPattern", () => {
    const pattern = startMiddleEnd((p) => p.oneOrMore());
    expect(run(pattern, threeMiddles(), "start", "middle", "end")).toEqual(["2,3,4,5,8"]);
  });

  it("testOneOrMoreAtTheBeginningCEPPattern", () => {
    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .oneOrMore()
      .next("end")
      .where("name == 'end'");
    const input = [ev(1, "start", 2.0), ev(2, "start", 2.0), ev(3, "start", 2.0), ev(4, "end", 1.0)];
    expect(run(pattern, input, "start", "end")).toEqual(sorted(["3,4", "2,3,4", "1,2,3,4"]));
  });

  it("testOptionalCEPPatternWhenEventNotReceived", () => {
    const pattern = startMiddleEnd((p) => p.optional());
    expect(run(pattern, [ev(1, "start", 2.0), ev(2, "end", 1.0)], "start", "end")).toEqual(["1,2"]);
  });

  it("testOptionalCEPPatternWhenEventReceived", () => {
    const pattern = startMiddleEnd((p) => p.optional());
    const input = [ev(1, "start", 2.0), ev(2, "middle", 2.0), ev(3, "end", 1.0)];
    expect(run(pattern, input, "start", "middle", "end")).toEqual(["1,2,3"]);
  });

  it("testOptionalAtTheBeginningOfCEPPattern", () => {
    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .optional()
      .next("middle")
      .where("name == 'middle'")
      .next("end")
      .where("name == 'end'");
    expect(run(pattern, [ev(1, "middle", 2.0), ev(2, "end", 1.0)], "middle", "end")).toEqual(["1,2"]);
  });

  it("testOptionalAtTheEndOfCEPPattern", () => {
    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .next("middle")
      .where("name == 'middle'")
      .next("end")
      .where("name == 'end'")
      .optional();
    expect(run(pattern, [ev(1, "start", 2.0), ev(2, "middle", 1.0)], "start", "middle")).toEqual(["1,2"]);
  });

  it("testSeveralOptionalsInTheRowEndOfCEPPattern", () => {
    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .optional()
      .next("middle")
      .where("name == 'middle'")
      .optional()
      .next("end")
      .where("name == 'end'");
    expect(run(pattern, [ev(2, "end", 1.0)], "end")).toEqual(["2"]);
  });

  it("testZeroOrMoreCEPPatternWhenEventReceived", () => {
    const pattern = startMiddleEnd((p) => p.oneOrMore().optional());
    expect(run(pattern, threeMiddles(), "start", "middle", "end")).toEqual(["2,3,4,5,8"]);
  });

  it("testZeroOrMoreCEPPatternWhenEventNotReceived", () => {
    const pattern = startMiddleEnd((p) => p.oneOrMore().optional());
    expect(run(pattern, [ev(1, "start", 2.0), ev(2, "end", 1.0)], "start", "end")).toEqual(["1,2"]);
  });

  it("testFixedCountCEPPattern", () => {
    const pattern = startMiddleEnd((p) => p.times(3));
    expect(run(pattern, threeMiddles(), "start", "middle", "end")).toEqual(["2,3,4,5,8"]);
  });

  it("testMinMaxCountCEPPatternWhenMinNumberOfEventsReceived", () => {
    const pattern = startMiddleEnd((p) => p.times(2, 4));
    const input = [
      ev(2, "start", 2.0),
      ev(3, "middle", 3.0),
      subEvent(4, "middle", 4.0, 1.0),
      ev(8, "end", 1.0),
    ];
    expect(run(pattern, input, "start", "middle", "end")).toEqual(["2,3,4,8"]);
  });

  it("testMinMaxCountCEPPatternWhenMaxNumberOfEventsReceived", () => {
    const pattern = startMiddleEnd((p) => p.times(2, 4));
    const input = [
      ev(2, "start", 2.0),
      ev(3, "middle", 3.0),
      subEvent(4, "middle", 4.0, 1.0),
      subEvent(5, "middle", 4.0, 1.0),
      subEvent(6, "middle", 4.0, 1.0),
      ev(8, "end", 1.0),
    ];
    expect(run(pattern, input, "start", "middle", "end")).toEqual(["2,3,4,5,6,8"]);
  });

  it("testZeroCountCEPPatternConsideredOptional", () => {
    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .next("middle")
      .where("name == 'middle'")
      .times(0, 3)
      .next("end")
      .where("name == 'end'")
      .optional();
    expect(run(pattern, [ev(2, "start", 2.0)], "start")).toEqual(["2"]);
  });
});
