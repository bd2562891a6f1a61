/**
 * Port of Apache Flink CEP's `AfterMatchSkipITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/AfterMatchSkipITCase.java):
 * which matches each `AfterMatchSkipStrategy` keeps, method by method, with Flink's expected results.
 *
 * Skipped Flink methods (Java-only mechanics, not expressible in dynamic-CEP JSON):
 * - testSkipToFirstElementOfMatch, testSkipToFirstNonExistentPosition,
 *   testSkipToLastNonExistentPosition: they test `throwExceptionOnMiss()`, a Java-API flag that
 *   `AfterMatchSkipStrategySpec` (type + patternName) cannot carry; without it Flink falls back to
 *   the non-throwing behaviour ported in the `…WithoutException` tests.
 *
 * testSharedBufferIsProperlyCleared asserts Flink's `sharedBuffer.isEmpty()` (no buffered event
 * and no node); it reads the shared buffer of the harness's per-key state the same way.
 *
 * `TwoVariablesFollowedByAny`, `QuantifierAtEndOfPattern` and `MissedSkipTo` hand the strategy to
 * the harness (`withAfterMatchSkipStrategy`) and leave the pattern's at its default (no skip);
 * here the pattern carries it (the JSON's `afterMatchStrategy`) and the harness uses the
 * pattern's: the NFA runs with the same strategy.
 *
 * Checked method by method against the Flink 2.x revision (26 methods: 23 ported, 3 above).
 *
 * Most Flink records here are `new StreamRecord<>(event)` without a timestamp, so every record
 * carries the same timestamp (Long.MIN_VALUE); {@link NO_TIMESTAMP} stands for that shared value.
 */
import { describe, expect, it } from "vitest";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { AfterMatchSkipStrategy } from "../../model/pattern.ts";
import { NFATestHarness, comparePatterns, ev } from "../testing/nfaTestHarness.ts";
import type { TestEvent, TestInput } from "../testing/nfaTestHarness.ts";

/** The one timestamp all untimed Flink records share. */
const NO_TIMESTAMP = 0;

function untimed(events: readonly TestEvent[]): TestInput {
  return events.map((event) => [event, NO_TIMESTAMP] as const);
}

/** Flink's `TwoVariablesFollowedByAny`. */
const TwoVariablesFollowedByAny = {
  a1: ev(1, "a", 0.0),
  b1: ev(2, "b", 0.0),
  a2: ev(4, "a", 0.0),
  b2: ev(5, "b", 0.0),

  compute(skipStrategy: AfterMatchSkipStrategy): TestEvent[][] {
    const { a1, b1, a2, b2 } = TwoVariablesFollowedByAny;
    const pattern = PatternBuilder.begin("start", skipStrategy)
      .where("name == 'a'")
      .followedByAny("end")
      .where("name == 'b'");
    return NFATestHarness.forPattern(pattern).feedRecords(untimed([a1, b1, a2, b2]));
  },
};

/** Flink's `QuantifierAtEndOfPattern`. */
const QuantifierAtEndOfPattern = {
  a1: ev(1, "a", 0.0),
  b1: ev(2, "b", 0.0),
  b2: ev(4, "b", 0.0),
  b3: ev(5, "b", 0.0),

  compute(skipStrategy: AfterMatchSkipStrategy): TestEvent[][] {
    const { a1, b1, b2, b3 } = QuantifierAtEndOfPattern;
    const pattern = PatternBuilder.begin("start", skipStrategy)
      .where("name == 'a'")
      .next("end")
      .where("name == 'b'")
      .oneOrMore();
    return NFATestHarness.forPattern(pattern).feedRecords(untimed([a1, b1, b2, b3]));
  },
};

/** Flink's `MissedSkipTo`. */
const MissedSkipTo = {
  a: ev(1, "a", 0.0),
  c: ev(4, "c", 0.0),

  compute(skipStrategy: AfterMatchSkipStrategy): TestEvent[][] {
    const { a, c } = MissedSkipTo;
    const pattern = PatternBuilder.begin("a", skipStrategy)
      .where("string.contains(name, 'a')")
      .next("b")
      .where("string.contains(name, 'b')")
      .oneOrMore()
      .optional()
      .consecutive()
      .next("c")
      .where("string.contains(name, 'c')");
    return NFATestHarness.forPattern(pattern).feedRecords(untimed([a, c]));
  },
};

describe("AfterMatchSkipITCase", () => {
  it("testNoSkip", () => {
    const a1 = ev(1, "a", 0.0);
    const a2 = ev(2, "a", 0.0);
    const a3 = ev(3, "a", 0.0);
    const a4 = ev(4, "a", 0.0);
    const a5 = ev(5, "a", 0.0);
    const a6 = ev(6, "a", 0.0);

    const pattern = PatternBuilder.begin("start", AfterMatchSkip.noSkip()).where("name == 'a'").times(3);

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(
      untimed([a1, a2, a3, a4, a5, a6]),
    );

    comparePatterns(resultingPatterns, [
      [a1, a2, a3],
      [a2, a3, a4],
      [a3, a4, a5],
      [a4, a5, a6],
    ]);
  });

  it("testNoSkipWithFollowedByAny", () => {
    const resultingPatterns = TwoVariablesFollowedByAny.compute(AfterMatchSkip.noSkip());
    const { a1, b1, a2, b2 } = TwoVariablesFollowedByAny;

    comparePatterns(resultingPatterns, [
      [a1, b1],
      [a1, b2],
      [a2, b2],
    ]);
  });

  it("testSkipToNextWithFollowedByAny", () => {
    const resultingPatterns = TwoVariablesFollowedByAny.compute(AfterMatchSkip.skipToNext());
    const { a1, b1, a2, b2 } = TwoVariablesFollowedByAny;

    comparePatterns(resultingPatterns, [
      [a1, b1],
      [a2, b2],
    ]);
  });

  it("testNoSkipWithQuantifierAtTheEnd", () => {
    const resultingPatterns = QuantifierAtEndOfPattern.compute(AfterMatchSkip.noSkip());
    const { a1, b1, b2, b3 } = QuantifierAtEndOfPattern;

    comparePatterns(resultingPatterns, [
      [a1, b1, b2, b3],
      [a1, b1, b2],
      [a1, b1],
    ]);
  });

  it("testSkipToNextWithQuantifierAtTheEnd", () => {
    const resultingPatterns = QuantifierAtEndOfPattern.compute(AfterMatchSkip.skipToNext());
    const { a1, b1 } = QuantifierAtEndOfPattern;

    comparePatterns(resultingPatterns, [[a1, b1]]);
  });

  it("testSkipPastLast", () => {
    const a1 = ev(1, "a", 0.0);
    const a2 = ev(2, "a", 0.0);
    const a3 = ev(3, "a", 0.0);
    const a4 = ev(4, "a", 0.0);
    const a5 = ev(5, "a", 0.0);
    const a6 = ev(6, "a", 0.0);

    const pattern = PatternBuilder.begin("start", AfterMatchSkip.skipPastLastEvent())
      .where("name == 'a'")
      .times(3);

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(
      untimed([a1, a2, a3, a4, a5, a6]),
    );

    comparePatterns(resultingPatterns, [
      [a1, a2, a3],
      [a4, a5, a6],
    ]);
  });

  it("testSkipToFirst", () => {
    const ab1 = ev(1, "ab", 0.0);
    const ab2 = ev(2, "ab", 0.0);
    const ab3 = ev(3, "ab", 0.0);
    const ab4 = ev(4, "ab", 0.0);
    const ab5 = ev(5, "ab", 0.0);
    const ab6 = ev(6, "ab", 0.0);

    const pattern = PatternBuilder.begin("start", AfterMatchSkip.skipToFirst("end"))
      .where("string.contains(name, 'a')")
      .times(2)
      .next("end")
      .where("string.contains(name, 'b')")
      .times(2);

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(
      untimed([ab1, ab2, ab3, ab4, ab5, ab6]),
    );

    comparePatterns(resultingPatterns, [
      [ab1, ab2, ab3, ab4],
      [ab3, ab4, ab5, ab6],
    ]);
  });

  it("testSkipToLast", () => {
    const ab1 = ev(1, "ab", 0.0);
    const ab2 = ev(2, "ab", 0.0);
    const ab3 = ev(3, "ab", 0.0);
    const ab4 = ev(4, "ab", 0.0);
    const ab5 = ev(5, "ab", 0.0);
    const ab6 = ev(6, "ab", 0.0);
    const ab7 = ev(7, "ab", 0.0);

    const pattern = PatternBuilder.begin("start", AfterMatchSkip.skipToLast("end"))
      .where("string.contains(name, 'a')")
      .times(2)
      .next("end")
      .where("string.contains(name, 'b')")
      .times(2);

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(
      untimed([ab1, ab2, ab3, ab4, ab5, ab6, ab7]),
    );

    comparePatterns(resultingPatterns, [
      [ab1, ab2, ab3, ab4],
      [ab4, ab5, ab6, ab7],
    ]);
  });

  it("testSkipPastLast2", () => {
    const a1 = ev(1, "a1", 0.0);
    const a2 = ev(2, "a2", 0.0);
    const b1 = ev(3, "b1", 0.0);
    const b2 = ev(4, "b2", 0.0);
    const c1 = ev(5, "c1", 0.0);
    const c2 = ev(6, "c2", 0.0);
    const d1 = ev(7, "d1", 0.0);
    const d2 = ev(7, "d2", 0.0);

    const pattern = PatternBuilder.begin("a", AfterMatchSkip.skipPastLastEvent())
      .where("string.contains(name, 'a')")
      .followedByAny("b")
      .where("string.contains(name, 'b')")
      .followedByAny("c")
      .where("string.contains(name, 'c')")
      .followedBy("d")
      .where("string.contains(name, 'd')");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(
      untimed([a1, a2, b1, b2, c1, c2, d1, d2]),
    );

    comparePatterns(resultingPatterns, [[a1, b1, c1, d1]]);
  });

  it("testSkipPastLast3", () => {
    const a1 = ev(1, "a1", 0.0);
    const c = ev(2, "c", 0.0);
    const a2 = ev(3, "a2", 0.0);
    const b2 = ev(4, "b2", 0.0);

    const pattern = PatternBuilder.begin("a", AfterMatchSkip.skipPastLastEvent())
      .where("string.contains(name, 'a')")
      .next("b")
      .where("string.contains(name, 'b')");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(untimed([a1, c, a2, b2]));

    comparePatterns(resultingPatterns, [[a2, b2]]);
  });

  it("testSkipToFirstWithOptionalMatch", () => {
    const ab1 = ev(1, "ab1", 0.0);
    const c1 = ev(2, "c1", 0.0);
    const ab2 = ev(3, "ab2", 0.0);
    const c2 = ev(4, "c2", 0.0);

    const pattern = PatternBuilder.begin("x", AfterMatchSkip.skipToFirst("b"))
      .where("string.contains(name, 'x')")
      .oneOrMore()
      .optional()
      .next("b")
      .where("string.contains(name, 'b')")
      .next("c")
      .where("string.contains(name, 'c')");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(untimed([ab1, c1, ab2, c2]));

    comparePatterns(resultingPatterns, [
      [ab1, c1],
      [ab2, c2],
    ]);
  });

  it("testSkipToFirstAtStartPosition", () => {
    const ab1 = ev(1, "ab1", 0.0);
    const c1 = ev(2, "c1", 0.0);
    const ab2 = ev(3, "ab2", 0.0);
    const c2 = ev(4, "c2", 0.0);

    const pattern = PatternBuilder.begin("b", AfterMatchSkip.skipToFirst("b"))
      .where("string.contains(name, 'b')")
      .next("c")
      .where("string.contains(name, 'c')");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(untimed([ab1, c1, ab2, c2]));

    comparePatterns(resultingPatterns, [
      [ab1, c1],
      [ab2, c2],
    ]);
  });

  it("testSkipToFirstWithOneOrMore", () => {
    const a1 = ev(1, "a1", 0.0);
    const b1 = ev(2, "b1", 0.0);
    const a2 = ev(3, "a2", 0.0);
    const b2 = ev(4, "b2", 0.0);
    const b3 = ev(5, "b3", 0.0);
    const a3 = ev(3, "a3", 0.0);
    const b4 = ev(4, "b4", 0.0);

    const pattern = PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("b"))
      .where("string.contains(name, 'a')")
      .next("b")
      .where("string.contains(name, 'b')")
      .oneOrMore()
      .consecutive();

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(
      untimed([a1, b1, a2, b2, b3, a3, b4]),
    );

    comparePatterns(resultingPatterns, [
      [a1, b1],
      [a2, b2],
      [a3, b4],
    ]);
  });

  it("testSkipToFirstNonExistentPositionWithoutException", () => {
    const resultingPatterns = MissedSkipTo.compute(AfterMatchSkip.skipToFirst("b"));

    comparePatterns(resultingPatterns, [[MissedSkipTo.a, MissedSkipTo.c]]);
  });

  it("testSkipToLastNonExistentPositionWithoutException", () => {
    // Flink's test passes skipToFirst("b") here too (sic); kept as written.
    const resultingPatterns = MissedSkipTo.compute(AfterMatchSkip.skipToFirst("b"));

    comparePatterns(resultingPatterns, [[MissedSkipTo.a, MissedSkipTo.c]]);
  });

  it("testSkipToLastWithOneOrMore", () => {
    const a1 = ev(1, "a1", 0.0);
    const b1 = ev(2, "b1", 0.0);
    const a2 = ev(3, "a2", 0.0);
    const b2 = ev(4, "b2", 0.0);
    const b3 = ev(5, "b3", 0.0);
    const a3 = ev(3, "a3", 0.0);
    const b4 = ev(4, "b4", 0.0);

    const pattern = PatternBuilder.begin("a", AfterMatchSkip.skipToLast("b"))
      .where("string.contains(name, 'a')")
      .next("b")
      .where("string.contains(name, 'b')")
      .oneOrMore()
      .consecutive();

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(
      untimed([a1, b1, a2, b2, b3, a3, b4]),
    );

    comparePatterns(resultingPatterns, [
      [a1, b1],
      [a2, b2],
      [a3, b4],
    ]);
  });

  /** Example from docs. */
  it("testSkipPastLastWithOneOrMoreAtBeginning", () => {
    const a1 = ev(1, "a1", 0.0);
    const a2 = ev(2, "a2", 0.0);
    const a3 = ev(3, "a3", 0.0);
    const b1 = ev(4, "b1", 0.0);

    const pattern = PatternBuilder.begin("a", AfterMatchSkip.skipPastLastEvent())
      .where("string.contains(name, 'a')")
      .oneOrMore()
      .consecutive()
      .greedy()
      .next("b")
      .where("string.contains(name, 'b')");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(untimed([a1, a2, a3, b1]));

    comparePatterns(resultingPatterns, [[a1, a2, a3, b1]]);
  });

  /** Example from docs. */
  it("testSkipToLastWithOneOrMoreAtBeginning", () => {
    const a1 = ev(1, "a1", 0.0);
    const a2 = ev(2, "a2", 0.0);
    const a3 = ev(3, "a3", 0.0);
    const b1 = ev(4, "b1", 0.0);

    const pattern = PatternBuilder.begin("a", AfterMatchSkip.skipToLast("a"))
      .where("string.contains(name, 'a')")
      .oneOrMore()
      .consecutive()
      .greedy()
      .next("b")
      .where("string.contains(name, 'b')");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(untimed([a1, a2, a3, b1]));

    comparePatterns(resultingPatterns, [
      [a1, a2, a3, b1],
      [a3, b1],
    ]);
  });

  /** Example from docs. */
  it("testSkipToFirstWithOneOrMoreAtBeginning", () => {
    const a1 = ev(1, "a1", 0.0);
    const a2 = ev(2, "a2", 0.0);
    const a3 = ev(3, "a3", 0.0);
    const b1 = ev(4, "b1", 0.0);

    const pattern = PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("a"))
      .where("string.contains(name, 'a')")
      .oneOrMore()
      .consecutive()
      .greedy()
      .next("b")
      .where("string.contains(name, 'b')");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(untimed([a1, a2, a3, b1]));

    comparePatterns(resultingPatterns, [
      [a1, a2, a3, b1],
      [a2, a3, b1],
      [a3, b1],
    ]);
  });

  /** Example from docs. */
  it("testNoSkipWithOneOrMoreAtBeginning", () => {
    const a1 = ev(1, "a1", 0.0);
    const a2 = ev(2, "a2", 0.0);
    const a3 = ev(3, "a3", 0.0);
    const b1 = ev(4, "b1", 0.0);

    const pattern = PatternBuilder.begin("a", AfterMatchSkip.noSkip())
      .where("string.contains(name, 'a')")
      .oneOrMore()
      .consecutive()
      .greedy()
      .next("b")
      .where("string.contains(name, 'b')");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(untimed([a1, a2, a3, b1]));

    comparePatterns(resultingPatterns, [
      [a1, a2, a3, b1],
      [a2, a3, b1],
      [a3, b1],
    ]);
  });

  /** Example from docs. */
  it("testSkipToFirstDiscarding", () => {
    const a = ev(1, "a", 0.0);
    const b = ev(2, "b", 0.0);
    const c1 = ev(3, "c1", 0.0);
    const c2 = ev(4, "c2", 0.0);
    const c3 = ev(5, "c3", 0.0);
    const d = ev(6, "d", 0.0);

    const pattern = PatternBuilder.begin("a or c", AfterMatchSkip.skipToFirst("c*"))
      .where("string.contains(name, 'a') || string.contains(name, 'c')")
      .followedBy("b or c")
      .where("string.contains(name, 'b') || string.contains(name, 'c')")
      .followedBy("c*")
      .where("string.contains(name, 'c')")
      .oneOrMore()
      .greedy()
      .followedBy("d")
      .where("string.contains(name, 'd')");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(untimed([a, b, c1, c2, c3, d]));

    comparePatterns(resultingPatterns, [
      [a, b, c1, c2, c3, d],
      [c1, c2, c3, d],
    ]);
  });

  it("testSkipBeforeOtherAlreadyCompleted", () => {
    const a1 = ev(1, "a1", 0.0);
    const c1 = ev(2, "c1", 0.0);
    const a2 = ev(3, "a2", 1.0);
    const c2 = ev(4, "c2", 0.0);
    const b1 = ev(5, "b1", 1.0);
    const b2 = ev(6, "b2", 0.0);

    // Flink's IterativeCondition: name contains "b" and the first "a" event's price equals this price.
    const pattern = PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("c"))
      .where("string.contains(name, 'a')")
      .followedBy("c")
      .where("string.contains(name, 'c')")
      .followedBy("b")
      .where("string.contains(name, 'b') && first(getEventsForPattern('a')).price == price");

    const resultingPatterns = NFATestHarness.forPattern(pattern).feedRecords(
      untimed([a1, c1, a2, c2, b1, b2]),
    );

    comparePatterns(resultingPatterns, [
      [a1, c1, b2],
      [a2, c2, b1],
    ]);
  });

  it("testSharedBufferIsProperlyCleared", () => {
    const input: TestInput = [0, 1, 2, 3].map((i) => [ev(1, "a", 1.0), i] as const);

    const pattern = PatternBuilder.begin("start", AfterMatchSkip.skipPastLastEvent()).where("true").times(2);

    // Flink hands the harness a test SharedBuffer; ours lives in the harness's per-key state.
    const nfaTestHarness = NFATestHarness.forPattern(pattern);

    nfaTestHarness.feedRecords(input);

    // SharedBuffer.isEmpty(): no event left in the events buffer and no node left.
    expect(nfaTestHarness.nfaState.eventCount).toBe(0);
    expect(nfaTestHarness.nfaState.liveNodes).toBe(0);
  });
});
