/**
 * Port of Apache Flink CEP's `SameElementITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/SameElementITCase.java):
 * events that are `equals()` to each other and share timestamps are still separate inputs.
 *
 * Every Flink test method is ported; none is skipped.
 *
 * testClearingBuffer and testClearingBufferWithUntilAtTheEnd assert that afterwards Flink's
 * `NFAState` holds a single partial match, the one at the start state "a"; they read the
 * harness's `nfaState` the same way.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { NFATestHarness, comparePatterns, ev, feedNFA } from "../testing/nfaTestHarness.ts";
import type { TestInput } from "../testing/nfaTestHarness.ts";

/**
 * Flink's `NFATestHarness.forNFA(nfa).withNFAState(nfaState).build().feedRecords(input)` (NO_SKIP),
 * keeping the harness so the test can inspect the per-key state afterwards.
 */
function feedKeepingState(pattern: PatternBuilder, input: TestInput) {
  const harness = NFATestHarness.forPattern(pattern, { noSkip: true });
  const matches = harness.feedRecords(input);
  return { matches, partialMatches: harness.nfaState.partialMatches };
}

describe("SameElementITCase", () => {
  it("testEagerZeroOrMoreSameElement", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const end1 = ev(44, "b", 5.0);

    const input: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent1, 3],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [ev(50, "d", 6.0), 5],
      [middleEvent3, 6],
      [middleEvent3, 6],
      [end1, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent1, middleEvent1, middleEvent2, middleEvent3, middleEvent3, end1],
      [startEvent, middleEvent1, middleEvent1, middleEvent1, middleEvent2, middleEvent3, end1],
      [startEvent, middleEvent1, middleEvent1, middleEvent1, middleEvent2, end1],
      [startEvent, middleEvent1, middleEvent1, middleEvent1, end1],
      [startEvent, middleEvent1, middleEvent1, end1],
      [startEvent, middleEvent1, end1],
      [startEvent, end1],
    ]);
  });

  it("testClearingBuffer", () => {
    const a1 = ev(40, "a", 1.0);
    const b1 = ev(41, "b", 2.0);
    const c1 = ev(41, "c", 2.0);
    const d = ev(41, "d", 2.0);

    const input: TestInput = [
      [a1, 1],
      [b1, 2],
      [c1, 2],
      [d, 2],
    ];

    const pattern = PatternBuilder.begin("a")
      .where("name == 'a'")
      .followedBy("b")
      .where("name == 'b'")
      .followedBy("c")
      .where("name == 'c'")
      .followedBy("d")
      .where("name == 'd'");

    const { matches, partialMatches } = feedKeepingState(pattern, input);

    comparePatterns(matches, [[a1, b1, c1, d]]);
    // Flink: nfaState.getPartialMatches() has size 1 and its only entry is at state "a". Ours
    // names states by index, so: the one run left is the start run (no start event), which waits
    // in the begin state "a".
    expect(partialMatches).toHaveLength(1);
    expect(partialMatches[0]?.startEventId).toBeNull();
  });

  it("testClearingBufferWithUntilAtTheEnd", () => {
    const a1 = ev(40, "a", 1.0);
    const d1 = ev(41, "d", 2.0);
    const d2 = ev(41, "d", 2.0);
    const d3 = ev(41, "d", 2.0);
    const d4 = ev(41, "d", 2.0);

    const input: TestInput = [
      [a1, 1],
      [d1, 2],
      [d2, 2],
      [d3, 2],
      [d4, 4],
    ];

    const pattern = PatternBuilder.begin("a")
      .where("name == 'a'")
      .followedBy("d")
      .where("name == 'd'")
      .oneOrMore()
      .until("count(getEventsForPattern('d')) == 3");

    const { matches, partialMatches } = feedKeepingState(pattern, input);

    comparePatterns(matches, [
      [a1, d1, d2, d3],
      [a1, d1, d2],
      [a1, d1],
    ]);
    // Flink: nfaState.getPartialMatches() has size 1 and its only entry is at state "a". Ours
    // names states by index, so: the one run left is the start run (no start event), which waits
    // in the begin state "a".
    expect(partialMatches).toHaveLength(1);
    expect(partialMatches[0]?.startEventId).toBeNull();
  });

  it("testZeroOrMoreSameElement", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent1a = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const middleEvent3 = ev(43, "a", 4.0);
    const middleEvent3a = ev(43, "a", 4.0);
    const end1 = ev(44, "b", 5.0);

    const input: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent1a, 3],
      [middleEvent2, 4],
      [ev(50, "d", 6.0), 5],
      [middleEvent3, 6],
      [middleEvent3a, 6],
      [end1, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .allowCombinations()
      .followedByAny("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent1a, middleEvent2, middleEvent3, middleEvent3a, end1],

      [startEvent, middleEvent1, middleEvent1a, middleEvent2, middleEvent3, end1],
      [startEvent, middleEvent1, middleEvent1a, middleEvent2, middleEvent3a, end1],
      [startEvent, middleEvent1, middleEvent1a, middleEvent3, middleEvent3a, end1],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent3a, end1],
      [startEvent, middleEvent1a, middleEvent2, middleEvent3, middleEvent3a, end1],

      [startEvent, middleEvent1, middleEvent1a, middleEvent2, end1],
      [startEvent, middleEvent1, middleEvent1a, middleEvent3, end1],
      [startEvent, middleEvent1, middleEvent1a, middleEvent3a, end1],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, end1],
      [startEvent, middleEvent1, middleEvent2, middleEvent3a, end1],
      [startEvent, middleEvent1, middleEvent3, middleEvent3a, end1],
      [startEvent, middleEvent2, middleEvent3, middleEvent3a, end1],
      [startEvent, middleEvent1a, middleEvent2, middleEvent3, end1],
      [startEvent, middleEvent1a, middleEvent2, middleEvent3a, end1],
      [startEvent, middleEvent1a, middleEvent3, middleEvent3a, end1],

      [startEvent, middleEvent1, middleEvent1, end1],
      [startEvent, middleEvent1, middleEvent2, end1],
      [startEvent, middleEvent1, middleEvent3, end1],
      [startEvent, middleEvent1, middleEvent3a, end1],
      [startEvent, middleEvent1a, middleEvent2, end1],
      [startEvent, middleEvent1a, middleEvent3, end1],
      [startEvent, middleEvent1a, middleEvent3a, end1],
      [startEvent, middleEvent2, middleEvent3, end1],
      [startEvent, middleEvent2, middleEvent3a, end1],
      [startEvent, middleEvent3, middleEvent3a, end1],

      [startEvent, middleEvent1, end1],
      [startEvent, middleEvent1a, end1],
      [startEvent, middleEvent2, end1],
      [startEvent, middleEvent3, end1],
      [startEvent, middleEvent3a, end1],

      [startEvent, end1],
    ]);
  });

  it("testSimplePatternWSameElement", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const end1 = ev(44, "b", 5.0);

    const input: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent1, 3],
      [end1, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, end1],
      [startEvent, middleEvent1, end1],
    ]);
  });

  it("testIterativeConditionWSameElement", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent1a = ev(41, "a", 2.0);
    const middleEvent1b = ev(41, "a", 2.0);
    const end = ev(44, "b", 5.0);

    const input: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent1a, 3],
      [middleEvent1b, 3],
      [end, 7],
    ];

    // Flink's IterativeCondition on "end": the prices of the "middle" events sum to exactly 4.0
    // (no name check, so an "a" event can be the end).
    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .allowCombinations()
      .followedBy("end")
      .where("reduce(getEventsForPattern('middle'), lambda(acc, e) -> acc + e.price end, 0.0) == 4.0");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent1a, end],
      [startEvent, middleEvent1, middleEvent1a, middleEvent1b],
      [startEvent, middleEvent1a, middleEvent1b, end],
    ]);
  });

  it("testEndWLoopingWSameElement", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent1a = ev(41, "a", 2.0);
    const middleEvent1b = ev(41, "a", 2.0);
    const end = ev(44, "b", 5.0);

    const input: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent1a, 3],
      [middleEvent1b, 3],
      [end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .optional();

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [startEvent],
      [startEvent, middleEvent1],
      [startEvent, middleEvent1a],
      [startEvent, middleEvent1b],
      [startEvent, middleEvent1, middleEvent1a],
      [startEvent, middleEvent1a, middleEvent1b],
      [startEvent, middleEvent1, middleEvent1a, middleEvent1b],
    ]);
  });

  it("testRepeatingPatternWSameElement", () => {
    const startEvent = ev(40, "c", 1.0);
    const middle1Event1 = ev(40, "a", 2.0);
    const middle1Event2 = ev(40, "a", 3.0);
    const middle1Event3 = ev(40, "a", 4.0);
    const middle2Event1 = ev(40, "b", 5.0);

    const input: TestInput = [
      [startEvent, 1],
      [middle1Event1, 3],
      [middle1Event1, 3],
      [middle1Event2, 3],
      [ev(40, "d", 6.0), 5],
      [middle2Event1, 6],
      [middle1Event3, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle1")
      .where("name == 'a'")
      .oneOrMore()
      .optional()
      .followedBy("middle2")
      .where("name == 'b'")
      .optional()
      .followedBy("end")
      .where("name == 'a'");

    const resultingPatterns = feedNFA(pattern, input);

    comparePatterns(resultingPatterns, [
      [startEvent, middle1Event1],

      [startEvent, middle1Event1, middle1Event1],
      [startEvent, middle2Event1, middle1Event3],

      [startEvent, middle1Event1, middle1Event1, middle1Event2],
      [startEvent, middle1Event1, middle2Event1, middle1Event3],

      [startEvent, middle1Event1, middle1Event1, middle1Event2, middle1Event3],
      [startEvent, middle1Event1, middle1Event1, middle2Event1, middle1Event3],

      [startEvent, middle1Event1, middle1Event1, middle1Event2, middle2Event1, middle1Event3],
    ]);
  });
});
