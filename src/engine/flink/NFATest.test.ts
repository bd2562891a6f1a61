/**
 * Port of Apache Flink CEP's `NFATest`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/NFATest.java): the NFA's
 * semantic tests — a hand-built start/end NFA, window pruning and window borders.
 *
 * Skipped Flink methods:
 * - testNFASerialization: round-trips `NFAState` through Flink's `NFAStateSerializer` and checks
 *   the copy `equals` the original — Java serialization mechanics, no CEP semantics.
 *
 * Flink builds the NFA of these tests by hand (`createStartEndNFA`): a Start state "start" that
 * takes `name == "start"` into a Normal state "end", which takes `name == "end"` into the Final state
 * and ignores every other event (`BooleanConditions.trueFunction()`). That is exactly what
 * NFACompiler makes of `begin("start").where(…).followedByAny("end").where(…)` (the begin pattern
 * has no ignore edge; SKIP_TILL_ANY gives "end" an always-true ignore), so the port uses that pattern.
 * `new NFA<>(states, windowTimes, windowTime, …)` with `windowTime` 2 is `within(2)`; with
 * `windowTimes = {"end": 2}` it is `within(2, PREVIOUS_AND_CURRENT)` on the "end" stage.
 *
 * Flink compares with `assertThat(actualPatterns).isEqualTo(expectedPatterns)`: an ordered list of
 * `Map`s (a map's key order does not matter), which `toEqual` on our `consumeRecords` output mirrors.
 */
import { describe, expect, it } from "vitest";
import type { WindowType } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { NFATestHarness, ev } from "../testing/nfaTestHarness.ts";
import type { TestEvent, TestInput } from "../testing/nfaTestHarness.ts";

/** The start/end NFA of Flink's `testSimpleNFA`, without a window. */
function startEndPattern(): PatternBuilder {
  return PatternBuilder.begin("start").where("name == 'start'").followedByAny("end").where("name == 'end'");
}

/** Flink's `createStartEndNFA([withinType])`: the start/end NFA with a window of 2 ms. */
function createStartEndNFA(withinType: WindowType = "FIRST_AND_LAST"): PatternBuilder {
  return startEndPattern().within(2, withinType);
}

function startEndMatch(start: TestEvent, end: TestEvent): Map<string, TestEvent[]> {
  return new Map([
    ["start", [start]],
    ["end", [end]],
  ]);
}

describe("NFATest", () => {
  it("testSimpleNFA", () => {
    const streamEvents: TestInput = [
      [ev(1, "start", 1.0), 1],
      [ev(2, "bar", 2.0), 2],
      [ev(3, "start", 3.0), 3],
      [ev(4, "end", 4.0), 4],
    ];

    const expectedPatterns = [
      startEndMatch(ev(1, "start", 1.0), ev(4, "end", 4.0)),
      startEndMatch(ev(3, "start", 3.0), ev(4, "end", 4.0)),
    ];

    const nfaTestHarness = NFATestHarness.forPattern(startEndPattern());

    const actualPatterns = nfaTestHarness.consumeRecords(streamEvents);

    expect(actualPatterns).toEqual(expectedPatterns);
  });

  it("testTimeoutWindowPruningWithinFirstAndLast", () => {
    const streamEvents: TestInput = [
      [ev(1, "start", 1.0), 1],
      [ev(2, "bar", 2.0), 2],
      [ev(3, "start", 3.0), 3],
      [ev(4, "end", 4.0), 4],
    ];

    const expectedPatterns = [startEndMatch(ev(3, "start", 3.0), ev(4, "end", 4.0))];

    const nfaTestHarness = NFATestHarness.forPattern(createStartEndNFA());

    const actualPatterns = nfaTestHarness.consumeRecords(streamEvents);

    expect(actualPatterns).toEqual(expectedPatterns);
  });

  it("testTimeoutWindowPruningWithinPreviousAndNext", () => {
    const streamEvents: TestInput = [
      [ev(1, "start", 1.0), 1],
      [ev(2, "end", 2.0), 2],
      [ev(3, "start", 3.0), 3],
      [ev(4, "end", 4.0), 6],
      [ev(5, "start", 5.0), 7],
      [ev(6, "end", 6.0), 8],
    ];

    const expectedPatterns = [
      startEndMatch(ev(1, "start", 1.0), ev(2, "end", 2.0)),
      startEndMatch(ev(5, "start", 5.0), ev(6, "end", 6.0)),
    ];

    const nfaTestHarness = NFATestHarness.forPattern(createStartEndNFA("PREVIOUS_AND_CURRENT"));

    const actualPatterns = nfaTestHarness.consumeRecords(streamEvents);

    expect(actualPatterns).toEqual(expectedPatterns);
  });

  /**
   * Tests that elements whose timestamp difference is exactly the window length are not matched.
   * The reason is that the right window side (later elements) is exclusive.
   */
  it("testWindowBorders", () => {
    const streamEvents: TestInput = [
      [ev(1, "start", 1.0), 1],
      [ev(2, "end", 2.0), 3],
    ];

    const nfaTestHarness = NFATestHarness.forPattern(createStartEndNFA());

    const actualPatterns = nfaTestHarness.consumeRecords(streamEvents);

    expect(actualPatterns).toEqual([]);
  });

  /**
   * Tests that pruning shared buffer elements and computations state use the same window border
   * semantics (left side inclusive and right side exclusive).
   */
  it("testTimeoutWindowPruningWindowBorders", () => {
    const streamEvents: TestInput = [
      [ev(1, "start", 1.0), 1],
      [ev(2, "start", 2.0), 2],
      [ev(3, "foobar", 3.0), 3],
      [ev(4, "end", 4.0), 3],
    ];

    const expectedPatterns = [startEndMatch(ev(2, "start", 2.0), ev(4, "end", 4.0))];

    const nfaTestHarness = NFATestHarness.forPattern(createStartEndNFA());

    const actualPatterns = nfaTestHarness.consumeRecords(streamEvents);

    expect(actualPatterns).toEqual(expectedPatterns);
  });
});
