/**
 * Port of Apache Flink CEP's `NFAITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/NFAITCase.java), part 2: the
 * methods from `testTimesNonStrictOptional1` to the end, in Flink's order. Part 1 is
 * `NFAITCase.test.ts`.
 *
 * Skipped (Java-only mechanics, no CEP result to compare):
 * - `testSharedBufferClearing`: spies on `SharedBufferAccessor` with Mockito and verifies that
 *   `NFA.process` never calls `accessor.advanceTime` while `NFA.advanceTime(2)` calls it once —
 *   the call structure of Flink's classes, on throw-away NFA states.
 *
 * Flink's "clearing buffer" methods assert `nfaState.getPartialMatches().size()` and the partial
 * matches' internal state names. The size is our harness state's `partialMatches.length`; "only the
 * `start` state is left" is `CompiledNFA.isEmpty(state)`. Internal state names (`middle:0`) are not
 * part of our API, so `testZeroOrMoreClearingBufferWithinPreviousAndCurrent` checks the count only.
 * `testLoopClearing*` assert `sharedBuffer.getEventsBufferSize()`, which is the size of our state's
 * shared-buffer event map (`buffer.events`, Flink's `eventsBuffer`).
 */
import { describe, expect, it } from "vitest";
import type { SubtypeCondition } from "../../model/condition.ts";
import type { ConditionBindings, InnerContiguity, WindowType } from "../../model/pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import {
  comparePatterns,
  ev,
  feedNFA,
  NFATestHarness,
  type TestEvent,
  type TestInput,
} from "../testing/nfaTestHarness.ts";

/** Flink's test `SubEvent(id, name, price, volume)`, an `Event` subclass. */
function subEvent(id: number, name: string, price: number, volume: number): TestEvent {
  return ev(id, name, price, { volume, eventClass: "SubEvent" });
}

/** `subtype(SubEvent.class)`. */
const SUBTYPE_SUB_EVENT: SubtypeCondition = {
  type: "subtype",
  className: "org.apache.flink.cep.Event",
  subClassName: "SubEvent",
};

/** How CEP Studio tells a `SubEvent` from a plain `Event`. */
const SUB_EVENT_BINDINGS: ConditionBindings = { SubEvent: "eventClass == 'SubEvent'" };

/** Flink's private `ConsecutiveData` holder (NFAITCase's has a fourth middle event). */
const ConsecutiveData = {
  startEvent: ev(40, "c", 1.0),
  middleEvent1: ev(41, "a", 2.0),
  middleEvent2: ev(42, "a", 3.0),
  middleEvent3: ev(43, "a", 4.0),
  middleEvent4: ev(43, "a", 5.0),
  end: ev(44, "b", 5.0),
} as const;

/** Flink's `partialMatches.size() == 1` and `peek().getCurrentStateName() == "start"`. */
function onlyStartStateLeft(harness: NFATestHarness): boolean {
  return harness.nfaState.partialMatches.length === 1 && harness.compiled.isEmpty(harness.nfaState);
}

/** Flink's private `testOneOrMore(ConsumingStrategy)`. */
function testOneOrMore(strategy: InnerContiguity): TestEvent[][] {
  const inputEvents: TestInput = [
    [ConsecutiveData.startEvent, 1],
    [ev(50, "d", 6.0), 2],
    [ConsecutiveData.middleEvent1, 3],
    [ConsecutiveData.middleEvent2, 4],
    [ConsecutiveData.middleEvent3, 4],
    [ev(50, "d", 6.0), 5],
    [ConsecutiveData.middleEvent4, 6],
    [ConsecutiveData.end, 7],
  ];

  const pattern = PatternBuilder.begin("start")
    .where("name == 'c'")
    .followedBy("middle")
    .where("name == 'a'")
    .oneOrMore();

  switch (strategy) {
    case "STRICT":
      pattern.consecutive();
      break;
    case "SKIP_TILL_NEXT":
      break;
    case "SKIP_TILL_ANY":
      pattern.allowCombinations();
      break;
  }

  pattern.followedBy("end1").where("name == 'b'");

  return feedNFA(pattern, inputEvents);
}

/** Flink's private `testZeroOrMore(ConsumingStrategy)`. */
function testZeroOrMore(strategy: InnerContiguity): TestEvent[][] {
  const inputEvents: TestInput = [
    [ConsecutiveData.startEvent, 1],
    [ev(50, "d", 6.0), 2],
    [ConsecutiveData.middleEvent1, 3],
    [ConsecutiveData.middleEvent2, 4],
    [ConsecutiveData.middleEvent3, 4],
    [ev(50, "d", 6.0), 5],
    [ConsecutiveData.middleEvent4, 6],
    [ConsecutiveData.end, 7],
  ];

  const pattern = PatternBuilder.begin("start")
    .where("name == 'c'")
    .followedBy("middle")
    .where("name == 'a'")
    .oneOrMore()
    .optional();

  switch (strategy) {
    case "STRICT":
      pattern.consecutive();
      break;
    case "SKIP_TILL_NEXT":
      break;
    case "SKIP_TILL_ANY":
      pattern.allowCombinations();
      break;
  }

  pattern.followedBy("end1").where("name == 'b'");

  return feedNFA(pattern, inputEvents);
}

/** Flink's private `testStartWithOneOrZeroOrMoreStrict(Pattern)`. */
function testStartWithOneOrZeroOrMoreStrict(pattern: PatternBuilder): void {
  const inputEvents: TestInput = [
    [ConsecutiveData.startEvent, 1],
    [ConsecutiveData.middleEvent1, 3],
    [ConsecutiveData.startEvent, 4],
    [ConsecutiveData.middleEvent2, 5],
    [ConsecutiveData.middleEvent3, 6],
  ];

  const resultingPatterns = feedNFA(pattern, inputEvents);

  comparePatterns(resultingPatterns, [
    [ConsecutiveData.middleEvent1],
    [ConsecutiveData.middleEvent2, ConsecutiveData.middleEvent3],
    [ConsecutiveData.middleEvent2],
    [ConsecutiveData.middleEvent3],
  ]);
}

/** Flink's private `testTimesClearingBuffer(WithinType)`. */
function testTimesClearingBuffer(withinType: WindowType): void {
  const startEvent = ev(40, "c", 1.0);
  const middleEvent1 = ev(41, "a", 2.0);
  const middleEvent2 = ev(42, "a", 3.0);
  const middleEvent3 = ev(43, "a", 4.0);
  const end1 = ev(44, "b", 5.0);

  const pattern = PatternBuilder.begin("start")
    .where("name == 'c'")
    .next("middle")
    .where("name == 'a'")
    .times(2)
    .followedBy("end1")
    .where("name == 'b'")
    .within(8, withinType);

  const nfaTestHarness = NFATestHarness.forPattern(pattern);

  nfaTestHarness.feedRecord(startEvent, 1);
  nfaTestHarness.feedRecord(middleEvent1, 2);
  nfaTestHarness.feedRecord(middleEvent2, 3);
  nfaTestHarness.feedRecord(middleEvent3, 4);
  nfaTestHarness.feedRecord(end1, 6);

  // pruning element
  nfaTestHarness.advanceTime(10);

  expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
}

/** Flink's private `testOptionalClearingBuffer(WithinType)`. */
function testOptionalClearingBuffer(withinType: WindowType): void {
  const startEvent = ev(40, "c", 1.0);
  const middleEvent = ev(43, "a", 4.0);
  const end1 = ev(44, "b", 5.0);

  const pattern = PatternBuilder.begin("start")
    .where("name == 'c'")
    .followedBy("middle")
    .where("name == 'a'")
    .optional()
    .followedBy("end1")
    .where("name == 'b'")
    .within(8, withinType);

  const nfaTestHarness = NFATestHarness.forPattern(pattern);

  nfaTestHarness.feedRecord(startEvent, 1);
  nfaTestHarness.feedRecord(middleEvent, 5);
  nfaTestHarness.feedRecord(end1, 6);

  // pruning element
  nfaTestHarness.advanceTime(10);

  expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
}

/**
 * Flink's private `testAtLeastOneClearingBuffer(WithinType)`. Flink's method ignores its
 * `withinType` argument and always uses `within(Time.milliseconds(8))`, so both callers here run
 * the same first-and-last window and the argument is dropped.
 */
function testAtLeastOneClearingBuffer(): void {
  const startEvent = ev(40, "c", 1.0);
  const middleEvent1 = ev(41, "a", 2.0);
  const middleEvent2 = ev(42, "a", 3.0);
  const end1 = ev(44, "b", 5.0);

  const pattern = PatternBuilder.begin("start")
    .where("name == 'c'")
    .followedBy("middle")
    .where("name == 'a'")
    .oneOrMore()
    .allowCombinations()
    .followedBy("end1")
    .where("name == 'b'")
    .within(8);

  const nfaTestHarness = NFATestHarness.forPattern(pattern);

  nfaTestHarness.consumeRecord(startEvent, 1);
  nfaTestHarness.consumeRecord(middleEvent1, 3);
  nfaTestHarness.consumeRecord(middleEvent2, 4);
  nfaTestHarness.consumeRecord(end1, 6);

  // pruning element
  nfaTestHarness.advanceTime(10);

  expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
}

/**
 * Flink's private `testLoopClearing(WithinType)`. Flink calls `nfa.process` directly (no
 * `advanceTime` before each event) with `noSkip()`; the harness's extra `advanceTime(1)` /
 * `advanceTime(2)` prune nothing under a 3 ms window, so feeding through it is equivalent.
 */
function testLoopClearing(withinType: WindowType): void {
  const pattern = PatternBuilder.begin("start", AfterMatchSkip.skipPastLastEvent())
    .times(4)
    .where("name == 'a'")
    .within(3, withinType);

  const a1 = ev(40, "a", 1.0);
  const a2 = ev(40, "a", 1.0);

  const nfaTestHarness = NFATestHarness.forPattern(pattern, { noSkip: true });
  nfaTestHarness.feedRecord(a1, 1);
  nfaTestHarness.feedRecord(a2, 2);
  nfaTestHarness.advanceTime(4);

  // sharedBuffer.getEventsBufferSize()
  expect(nfaTestHarness.nfaState.eventCount).toBe(withinType === "FIRST_AND_LAST" ? 1 : 2);
}

describe("NFAITCase", () => {
  // ---------------------------------------- Optional ----------------------------------------

  it("testTimesNonStrictOptional1", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ev(23, "f", 1.0), 2],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .times(3)
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [[ConsecutiveData.startEvent, ConsecutiveData.end]]);
  });

  it("testTimesNonStrictOptional2", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ev(23, "f", 1.0), 2],
      [ConsecutiveData.middleEvent1, 3],
      [ev(23, "f", 1.0), 4],
      [ConsecutiveData.middleEvent2, 5],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .times(2)
      .allowCombinations()
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.end],
    ]);
  });

  it("testTimesNonStrictOptional3", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ev(23, "f", 1.0), 2],
      [ConsecutiveData.middleEvent1, 3],
      [ev(23, "f", 1.0), 4],
      [ConsecutiveData.middleEvent2, 5],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .times(2)
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      // this exists because of the optional()
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.end],
    ]);
  });

  it("testTimesStrictOptional", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ev(23, "f", 1.0), 2],
      [ConsecutiveData.middleEvent1, 3],
      [ev(23, "f", 1.0), 4],
      [ConsecutiveData.middleEvent2, 5],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .times(2)
      .consecutive()
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.end],
    ]);
  });

  it("testOneOrMoreStrictOptional", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ev(23, "f", 1.0), 2],
      [ConsecutiveData.middleEvent1, 3],
      [ev(23, "f", 1.0), 4],
      [ConsecutiveData.middleEvent2, 5],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .oneOrMore()
      .consecutive()
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
      [ConsecutiveData.startEvent, ConsecutiveData.middleEvent2, ConsecutiveData.end],
      [ConsecutiveData.startEvent, ConsecutiveData.middleEvent3, ConsecutiveData.end],
      [ConsecutiveData.startEvent, ConsecutiveData.end],
    ]);
  });

  it("testTimesStrictOptional1", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ConsecutiveData.middleEvent1, 3],
      [ConsecutiveData.middleEvent2, 5],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .next("middle")
      .where("name == 'a'")
      .times(2)
      .consecutive()
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.end],
    ]);
  });

  it("testOptionalTimesNonStrictWithNext", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ConsecutiveData.middleEvent1, 2],
      [ev(23, "f", 1.0), 3],
      [ConsecutiveData.middleEvent2, 4],
      [ev(23, "f", 1.0), 5],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .next("middle")
      .where("name == 'a'")
      .times(2)
      .allowCombinations()
      .optional()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.end],
    ]);
  });

  // --------------------------------------- Consecutive --------------------------------------

  it("testStrictOneOrMore", () => {
    const resultingPatterns = testOneOrMore("STRICT");

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
    ]);
  });

  it("testSkipTillNextOneOrMore", () => {
    const resultingPatterns = testOneOrMore("SKIP_TILL_NEXT");

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
    ]);
  });

  it("testSkipTillAnyOneOrMore", () => {
    const resultingPatterns = testOneOrMore("SKIP_TILL_ANY");

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
    ]);
  });

  it("testStrictEagerZeroOrMore", () => {
    const resultingPatterns = testZeroOrMore("STRICT");

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
      [ConsecutiveData.startEvent, ConsecutiveData.end],
    ]);
  });

  it("testSkipTillAnyZeroOrMore", () => {
    const resultingPatterns = testZeroOrMore("SKIP_TILL_ANY");

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
      [ConsecutiveData.startEvent, ConsecutiveData.end],
    ]);
  });

  it("testSkipTillNextZeroOrMore", () => {
    const resultingPatterns = testZeroOrMore("SKIP_TILL_NEXT");

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.middleEvent4,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
      [ConsecutiveData.startEvent, ConsecutiveData.end],
    ]);
  });

  it("testTimesStrict", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ev(23, "f", 1.0), 2],
      [ConsecutiveData.middleEvent1, 3],
      [ev(23, "f", 1.0), 4],
      [ConsecutiveData.middleEvent2, 5],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .times(2)
      .consecutive()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
    ]);
  });

  it("testTimesNonStrict", () => {
    const inputEvents: TestInput = [
      [ConsecutiveData.startEvent, 1],
      [ev(23, "f", 1.0), 2],
      [ConsecutiveData.middleEvent1, 3],
      [ev(23, "f", 1.0), 4],
      [ConsecutiveData.middleEvent2, 5],
      [ConsecutiveData.middleEvent3, 6],
      [ConsecutiveData.end, 7],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedByAny("middle")
      .where("name == 'a'")
      .times(2)
      .allowCombinations()
      .followedBy("end1")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent1,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
      [
        ConsecutiveData.startEvent,
        ConsecutiveData.middleEvent2,
        ConsecutiveData.middleEvent3,
        ConsecutiveData.end,
      ],
    ]);
  });

  it("testStartWithZeroOrMoreStrict", () => {
    const pattern = PatternBuilder.begin("start").where("name == 'a'").oneOrMore().optional().consecutive();

    testStartWithOneOrZeroOrMoreStrict(pattern);
  });

  it("testStartWithOneOrMoreStrict", () => {
    const pattern = PatternBuilder.begin("start").where("name == 'a'").oneOrMore().consecutive();

    testStartWithOneOrZeroOrMoreStrict(pattern);
  });

  // ---------------------------------- Clearing SharedBuffer ---------------------------------

  it("testTimesClearingBufferWithinFirstAndLast", () => {
    testTimesClearingBuffer("FIRST_AND_LAST");
  });

  it("testTimesClearingBufferWithinPreviousAndCurrent", () => {
    testTimesClearingBuffer("PREVIOUS_AND_CURRENT");
  });

  it("testOptionalClearingBufferWithinFirstAndLast", () => {
    testOptionalClearingBuffer("FIRST_AND_LAST");
  });

  it("testOptionalClearingBufferWithinPreviousAndCurrent", () => {
    testOptionalClearingBuffer("PREVIOUS_AND_CURRENT");
  });

  it("testAtLeastOneClearingBufferWithinFirstAndLast", () => {
    testAtLeastOneClearingBuffer(); // Flink: (WithinType.FIRST_AND_LAST)
  });

  it("testAtLeastOneClearingBufferWithPreviousAndCurrent", () => {
    testAtLeastOneClearingBuffer(); // Flink: (WithinType.PREVIOUS_AND_CURRENT), ignored
  });

  it("testZeroOrMoreClearingBufferWithinFirstAndLast", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const end1 = ev(44, "b", 5.0);

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .optional()
      .followedBy("end1")
      .where("name == 'b'")
      .within(8);

    const nfaTestHarness = NFATestHarness.forPattern(pattern);

    nfaTestHarness.consumeRecord(startEvent, 1);
    nfaTestHarness.consumeRecord(middleEvent1, 3);
    nfaTestHarness.consumeRecord(middleEvent2, 4);
    nfaTestHarness.consumeRecord(end1, 6);

    // pruning element
    nfaTestHarness.advanceTime(10);

    expect(onlyStartStateLeft(nfaTestHarness)).toBe(true);
  });

  it("testZeroOrMoreClearingBufferWithinPreviousAndCurrent", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(42, "a", 3.0);
    const end1 = ev(44, "b", 5.0);

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .optional()
      .followedBy("end1")
      .where("name == 'b'")
      .within(8, "PREVIOUS_AND_CURRENT");

    const nfaTestHarness = NFATestHarness.forPattern(pattern);

    nfaTestHarness.consumeRecord(startEvent, 1);
    nfaTestHarness.consumeRecord(middleEvent1, 3);
    nfaTestHarness.consumeRecord(middleEvent2, 4);
    nfaTestHarness.consumeRecord(end1, 6);

    // pruning element
    nfaTestHarness.advanceTime(10);

    // Flink also checks the states these runs wait in: "middle:0", "middle:0", "start" (internal
    // state names, which our API does not expose). The two looping runs survive because the
    // PREVIOUS_AND_CURRENT window binds only to "end1", the stage that declared it.
    expect(nfaTestHarness.nfaState.partialMatches).toHaveLength(3);
    expect(nfaTestHarness.compiled.isEmpty(nfaTestHarness.nfaState)).toBe(false);
  });

  // ------------------------------------- Skip till next -------------------------------------

  it("testBranchingPatternSkipTillNext", () => {
    const startEvent = ev(40, "start", 1.0);
    const middleEvent1 = subEvent(41, "foo1", 1.0, 10.0);
    const middleEvent2 = subEvent(42, "foo2", 1.0, 10.0);
    const middleEvent3 = subEvent(43, "foo3", 1.0, 10.0);
    const nextOne1 = subEvent(44, "next-one", 1.0, 2.0);
    const nextOne2 = subEvent(45, "next-one", 1.0, 2.0);
    const endEvent = ev(46, "end", 1.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [nextOne1, 6],
      [nextOne2, 7],
      [endEvent, 8],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedBy("middle-first")
      .where(SUBTYPE_SUB_EVENT)
      .where("volume > 5.0")
      .followedBy("middle-second")
      .where(SUBTYPE_SUB_EVENT)
      .where("name == 'next-one'")
      .followedByAny("end")
      .where("name == 'end'");

    const patterns = feedNFA(pattern, inputEvents, { bindings: SUB_EVENT_BINDINGS });

    comparePatterns(patterns, [[startEvent, middleEvent1, nextOne1, endEvent]]);
  });

  it("testBranchingPatternMixedFollowedBy", () => {
    const startEvent = ev(40, "start", 1.0);
    const middleEvent1 = subEvent(41, "foo1", 1.0, 10.0);
    const middleEvent2 = subEvent(42, "foo2", 1.0, 10.0);
    const middleEvent3 = subEvent(43, "foo3", 1.0, 10.0);
    const nextOne1 = subEvent(44, "next-one", 1.0, 2.0);
    const nextOne2 = subEvent(45, "next-one", 1.0, 2.0);
    const endEvent = ev(46, "end", 1.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [nextOne1, 6],
      [nextOne2, 7],
      [endEvent, 8],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedByAny("middle-first")
      .where(SUBTYPE_SUB_EVENT)
      .where("volume > 5.0")
      .followedBy("middle-second")
      .where(SUBTYPE_SUB_EVENT)
      .where("name == 'next-one'")
      .followedByAny("end")
      .where("name == 'end'");

    const patterns = feedNFA(pattern, inputEvents, { bindings: SUB_EVENT_BINDINGS });

    comparePatterns(patterns, [
      [startEvent, middleEvent1, nextOne1, endEvent],
      [startEvent, middleEvent2, nextOne1, endEvent],
      [startEvent, middleEvent3, nextOne1, endEvent],
    ]);
  });

  it("testMultipleTakesVersionCollision", () => {
    const startEvent = ev(40, "c", 1.0);
    const middleEvent1 = ev(41, "a", 2.0);
    const middleEvent2 = ev(41, "a", 3.0);
    const middleEvent3 = ev(41, "a", 4.0);
    const middleEvent4 = ev(41, "a", 5.0);
    const middleEvent5 = ev(41, "a", 6.0);
    const end = ev(44, "b", 5.0);

    const inputEvents: TestInput = [
      [startEvent, 1],
      [middleEvent1, 3],
      [middleEvent2, 4],
      [middleEvent3, 5],
      [middleEvent4, 6],
      [middleEvent5, 7],
      [end, 10],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("name == 'c'")
      .followedBy("middle1")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .followedBy("middle2")
      .where("name == 'a'")
      .oneOrMore()
      .allowCombinations()
      .followedBy("end")
      .where("name == 'b'");

    const resultingPatterns = feedNFA(pattern, inputEvents);

    comparePatterns(resultingPatterns, [
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent4, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent4, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent4, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent4, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent4, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent4, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent4, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent3, middleEvent4, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent3, middleEvent4, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent4, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent4, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, end],
      [startEvent, middleEvent1, middleEvent3, middleEvent4, end],
      [startEvent, middleEvent1, middleEvent4, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent3, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent4, end],
      [startEvent, middleEvent1, middleEvent2, middleEvent5, end],
      [startEvent, middleEvent1, middleEvent2, end],
    ]);
  });

  it("testNFAResultOrdering", () => {
    const startEvent1 = ev(41, "a-1", 2.0);
    const startEvent2 = ev(41, "a-2", 3.0);
    const startEvent3 = ev(41, "a-3", 4.0);
    const startEvent4 = ev(41, "a-4", 5.0);
    const endEvent1 = ev(41, "b-1", 6.0);
    const endEvent2 = ev(41, "b-2", 7.0);
    const endEvent3 = ev(41, "b-3", 8.0);

    const inputEvents: TestInput = [
      [startEvent1, 1],
      [startEvent2, 3],
      [startEvent3, 4],
      [startEvent4, 5],
      [endEvent1, 6],
      [endEvent2, 7],
      [endEvent3, 10],
    ];

    const pattern = PatternBuilder.begin("start")
      .where("string.startsWith(name, 'a-')")
      .times(4)
      .allowCombinations()
      .followedByAny("middle")
      .where("string.startsWith(name, 'b-')")
      .times(3)
      .consecutive();

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.consumeRecords(inputEvents);

    expect(resultingPatterns).toHaveLength(1);

    const match = resultingPatterns[0];
    expect(match?.get("start")).toEqual([startEvent1, startEvent2, startEvent3, startEvent4]);
    expect(match?.get("middle")).toEqual([endEvent1, endEvent2, endEvent3]);
  });

  it("testNFAResultKeyOrdering", () => {
    const a1 = ev(41, "a", 2.0);
    const b1 = ev(41, "b", 3.0);
    const aa1 = ev(41, "aa", 4.0);
    const bb1 = ev(41, "bb", 5.0);
    const ab1 = ev(41, "ab", 6.0);

    const inputEvents: TestInput = [
      [a1, 1],
      [b1, 3],
      [aa1, 4],
      [bb1, 5],
      [ab1, 6],
    ];

    const pattern = PatternBuilder.begin("a")
      .where("name == 'a'")
      .next("b")
      .where("name == 'b'")
      .next("aa")
      .where("name == 'aa'")
      .next("bb")
      .where("name == 'bb'")
      .next("ab")
      .where("name == 'ab'");

    const nfaTestHarness = NFATestHarness.forPattern(pattern);
    const resultingPatterns = nfaTestHarness.consumeRecords(inputEvents);

    expect(resultingPatterns).toHaveLength(1);

    const match = resultingPatterns[0];
    const expectedOrder = ["a", "b", "aa", "bb", "ab"];
    const resultOrder = [...(match?.keys() ?? [])];

    expect(resultOrder).toEqual(expectedOrder);
  });

  it("testLoopClearingWithinFirstAndLast", () => {
    testLoopClearing("FIRST_AND_LAST");
  });

  it("testLoopClearingWithinPreviousAndCurrent", () => {
    testLoopClearing("PREVIOUS_AND_CURRENT");
  });
});
