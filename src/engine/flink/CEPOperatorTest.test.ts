/**
 * Port of Apache Flink CEP's `CEPOperatorTest`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/operator/CEPOperatorTest.java,
 * the Flink 2.x revision), method by method, in Flink's order, on our `CepOperator`.
 *
 * How the Java reads here:
 * - `new Event(id, name, price)` → `ev`; `new SubEvent(id, name, price, volume)` → {@link subEvent};
 *   `.subtype(SubEvent.class)` → {@link SUBTYPE_SUB_EVENT}, bound by {@link SUB_EVENT_BINDINGS}.
 * - `harness.processElement(new StreamRecord<>(e, ts))` / `processWatermark(w)` /
 *   `setProcessingTime(t)` → the same calls on {@link CepOperatorTestHarness} (keyed by
 *   `Event.getId()`, as `CepOperatorTestUtilities` keys).
 * - `Long.MIN_VALUE` / `Long.MAX_VALUE` watermarks → {@link LONG_MIN_VALUE} / {@link LONG_MAX_VALUE}.
 * - Snapshot/restore (`harness.snapshot`, `initializeState`) has nothing to port: our state is
 *   in memory and the sequence of elements and watermarks is kept as is; where Flink checks the
 *   output of the restored harness only, we check the output produced after that point.
 * - Assertions on `numEventTimeTimers()` and Mockito state-update counts check Java mechanics
 *   (our operator keeps a superset of Flink's timers; see cepOperator.ts) and are left out.
 *
 * Skipped (state backend mechanics, same sequences as their heap-backend twins):
 * `testKeyedCEPOperatorCheckpointingWithRocksDB`, `testKeyedCEPOperatorNFAUpdateWithRocksDB`,
 * `testKeyedCEPOperatorNFAUpdateTimesWithRocksDB`.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { CompiledNFA, EventRecord, Match } from "../api.ts";
import {
  CepOperatorTestHarness,
  type CepOperatorHarnessOptions,
  type HarnessRecord,
} from "../operator/testing/cepOperatorTestHarness.ts";
import {
  complexNfaFactoryPattern,
  LONG_MAX_VALUE,
  LONG_MIN_VALUE,
  nfaFactoryPattern,
  simpleNfaFactoryPattern,
  sortMatchLists,
  SUB_EVENT_BINDINGS,
  SUBTYPE_SUB_EVENT,
  subEvent,
} from "../operator/testing/flinkOperatorFixtures.ts";
import { ev, type TestEvent } from "../testing/nfaTestHarness.ts";

function harnessFor(
  pattern: PatternBuilder,
  options: CepOperatorHarnessOptions = {},
): CepOperatorTestHarness {
  return new CepOperatorTestHarness(pattern, { bindings: SUB_EVENT_BINDINGS, ...options });
}

/** `getCepTestHarness(isProcessingTime)`: the `NFAFactory` pattern. */
function getCepTestHarness(processingTime: boolean): CepOperatorTestHarness {
  return harnessFor(nfaFactoryPattern(), { processingTime });
}

/** The `EventComparator` of `getKeyedCepOperatorWithComparator`: by price. */
const byPrice = (a: EventRecord, b: EventRecord): number => (a.price as number) - (b.price as number);

function verifyWatermark(record: HarnessRecord | undefined, timestamp: number): void {
  expect(record).toEqual({ type: "watermark", timestamp });
}

function verifyPattern(
  record: HarnessRecord | undefined,
  start: TestEvent,
  middle: TestEvent,
  end: TestEvent,
): void {
  expect(record?.type).toBe("match");
  const match = record?.type === "match" ? record.match : new Map<string, readonly EventRecord[]>();
  expect(match.get("start")?.[0]).toEqual(start);
  expect(match.get("middle")?.[0]).toEqual(middle);
  expect(match.get("end")?.[0]).toEqual(end);
}

/** `compareMaps`: both sides sorted (events within a match, then matches by size and events). */
function compareMaps(actual: EventRecord[][], expected: EventRecord[][]): void {
  expect(actual).toHaveLength(expected.length);
  expect(sortMatchLists(actual)).toEqual(sortMatchLists(expected));
}

/** A match's events, stage after stage (`el.getValue().values()` flattened). */
function flatten(match: Match): EventRecord[] {
  return [...match.values()].flat();
}

describe("CEPOperatorTest", () => {
  it("testKeyedCEPOperatorWatermarkForwarding", () => {
    const harness = getCepTestHarness(false);
    harness.processWatermark(42);
    verifyWatermark(harness.poll(), 42);
  });

  it("testProcessingTimestampisPassedToNFA", () => {
    const timestamps: number[] = [];
    const spy = (nfa: CompiledNFA): CompiledNFA => ({
      ...nfa,
      createState: () => nfa.createState(),
      isEmpty: (state) => nfa.isEmpty(state),
      advanceTime: (state, ts) => nfa.advanceTime(state, ts),
      process: (state, event, ts) => {
        timestamps.push(ts);
        return nfa.process(state, event, ts);
      },
    });
    const harness = new CepOperatorTestHarness(PatternBuilder.begin("begin"), {
      processingTime: true,
      wrapNfa: spy,
    });
    const timestamp = 5;
    harness.setProcessingTime(timestamp);
    harness.processElement(ev(1, "x", 1.0), 3);
    expect(timestamps).toEqual([timestamp]);
  });

  it("testKeyedCEPOperatorCheckpointing", () => {
    const harness = getCepTestHarness(false);
    const startEvent = ev(42, "start", 1.0);
    const middleEvent = subEvent(42, "foo", 1.0, 10.0);
    const endEvent = ev(42, "end", 1.0);

    harness.processElement(startEvent, 1);
    harness.processElement(ev(42, "foobar", 1.0), 2);
    // (snapshot / restore with elements in the sorting queue)
    harness.processWatermark(LONG_MIN_VALUE);
    harness.processElement(subEvent(42, "barfoo", 1.0, 5.0), 3);
    // if element timestamps are not correctly restored this leads to a pruning time underflow in the NFA
    harness.processWatermark(2);
    harness.processElement(middleEvent, 3);
    harness.processElement(ev(42, "start", 1.0), 4);
    harness.processElement(endEvent, 5);
    // (snapshot / restore with an empty queue but NFA state)
    const restoredAt = harness.output.length;
    harness.processWatermark(LONG_MAX_VALUE);

    const result = harness.output.slice(restoredAt);
    expect(result).toHaveLength(2);
    verifyPattern(result[0], startEvent, middleEvent, endEvent);
    verifyWatermark(result[1], LONG_MAX_VALUE);
  });

  it("testKeyedAdvancingTimeWithoutElements", () => {
    const startEvent = ev(42, "start", 1.0);
    const watermarkTimestamp1 = 5;
    const watermarkTimestamp2 = 13;
    const expectedSequence = new Map([["start", [startEvent]]]);
    // NFAFactory(true) with a TimedOutProcessFunction: timeouts go to the side output.
    const harness = getCepTestHarness(false);

    harness.processElement(startEvent, 3);
    harness.processWatermark(watermarkTimestamp1);
    harness.processWatermark(watermarkTimestamp2);

    expect(harness.output).toHaveLength(2);
    expect(harness.timedOut).toHaveLength(1);
    verifyWatermark(harness.poll(), watermarkTimestamp1);
    const leftResult = harness.timedOut[0];
    expect(leftResult?.timestamp).toBe(watermarkTimestamp2);
    expect(leftResult?.match).toEqual(expectedSequence);
    verifyWatermark(harness.poll(), watermarkTimestamp2);
  });

  it("testKeyedCEPOperatorNFAUpdate", () => {
    const harness = harnessFor(simpleNfaFactoryPattern(), { processingTime: true });
    const startEvent = ev(42, "c", 1.0);
    const middleEvent = subEvent(42, "a", 1.0, 10.0);
    const endEvent = ev(42, "b", 1.0);

    harness.processElement(startEvent, 1);
    // (snapshot / restore)
    harness.processElement(ev(42, "d", 1.0), 4);
    // (snapshot / restore)
    harness.processElement(middleEvent, 4);
    harness.processElement(endEvent, 4);

    expect(harness.output).toHaveLength(1);
    verifyPattern(harness.poll(), startEvent, middleEvent, endEvent);
  });

  it("testKeyedCEPOperatorNFAUpdateTimes", () => {
    // Flink also counts the NFA state writes (3) with a Mockito spy; that is state-backend mechanics.
    const harness = harnessFor(simpleNfaFactoryPattern(), { processingTime: true });
    const startEvent = ev(42, "c", 1.0);
    const middleEvent = subEvent(42, "a", 1.0, 10.0);
    const endEvent = ev(42, "b", 1.0);

    harness.processElement(startEvent, 1);
    harness.processElement(ev(42, "d", 1.0), 4);
    harness.processElement(middleEvent, 4);
    harness.processElement(endEvent, 4);

    expect(harness.output).toHaveLength(1);
    verifyPattern(harness.poll(), startEvent, middleEvent, endEvent);
  });

  it("testCEPOperatorCleanupEventTime", () => {
    const startEvent1 = ev(42, "start", 1.0);
    const startEvent2 = ev(42, "start", 2.0);
    const middleEvent1 = subEvent(42, "foo1", 1.0, 10.0);
    const middleEvent2 = subEvent(42, "foo2", 1.0, 10.0);
    const middleEvent3 = subEvent(42, "foo3", 1.0, 10.0);
    const endEvent1 = ev(42, "end", 1.0);
    const endEvent2 = ev(42, "end", 2.0);
    const startEventK2 = ev(43, "start", 1.0);
    const harness = getCepTestHarness(false);

    harness.processWatermark(LONG_MIN_VALUE);
    harness.processElement(ev(42, "foobar", 1.0), 2);
    harness.processElement(middleEvent1, 2);
    harness.processElement(subEvent(42, "barfoo", 1.0, 5.0), 3);
    harness.processElement(startEvent1, 1);
    harness.processElement(startEventK2, 1);

    // all the seen elements must be in the priority queues but no NFA yet
    expect(harness.getPQSize(42)).toBe(4);
    expect(harness.getPQSize(43)).toBe(1);
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(false);
    expect(harness.hasNonEmptySharedBuffer(43)).toBe(false);

    harness.processWatermark(2);
    verifyWatermark(harness.poll(), LONG_MIN_VALUE);
    verifyWatermark(harness.poll(), 2);

    // one element in PQ for 42 (the barfoo) as it arrived early; for 43 the element entered the NFA
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(true);
    expect(harness.getPQSize(42)).toBe(1);
    expect(harness.hasNonEmptySharedBuffer(43)).toBe(true);
    expect(harness.hasNonEmptyPQ(43)).toBe(false);

    harness.processElement(startEvent2, 4);
    harness.processElement(middleEvent2, 5);
    // (snapshot / restore)
    harness.processElement(endEvent1, 6);
    harness.processWatermark(11);
    harness.processWatermark(12);

    // now we have 1 key because the 43 expired and was removed; 42 is still there due to startEvent2
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(true);
    expect(harness.hasNonEmptyPQ(42)).toBe(false);
    expect(harness.hasNonEmptySharedBuffer(43)).toBe(false);
    expect(harness.hasNonEmptyPQ(43)).toBe(false);

    verifyPattern(harness.poll(), startEvent1, middleEvent1, endEvent1);
    verifyPattern(harness.poll(), startEvent1, middleEvent2, endEvent1);
    verifyPattern(harness.poll(), startEvent2, middleEvent2, endEvent1);
    verifyWatermark(harness.poll(), 11);
    verifyWatermark(harness.poll(), 12);

    // this is a late event, because timestamp(12) = last watermark(12)
    harness.processElement(middleEvent3, 12);
    harness.processElement(endEvent2, 13);
    harness.processWatermark(20);
    harness.processWatermark(21);

    expect(harness.hasNonEmptySharedBuffer(42)).toBe(false);
    expect(harness.hasNonEmptyPQ(42)).toBe(false);

    expect(harness.output).toHaveLength(3);
    verifyPattern(harness.poll(), startEvent2, middleEvent2, endEvent2);
    verifyWatermark(harness.poll(), 20);
    verifyWatermark(harness.poll(), 21);
  });

  it("testCEPOperatorCleanupEventTimeWithSameElements", () => {
    const startEvent = ev(41, "c", 1.0);
    const middle1Event1 = ev(41, "a", 2.0);
    const middle1Event2 = ev(41, "a", 3.0);
    const middle1Event3 = ev(41, "a", 4.0);
    const middle2Event1 = ev(41, "b", 5.0);
    const harness = harnessFor(complexNfaFactoryPattern());

    harness.processWatermark(LONG_MIN_VALUE);
    harness.processElement(middle2Event1, 6);
    harness.processElement(middle1Event3, 7);
    harness.processElement(startEvent, 1);
    harness.processElement(middle1Event1, 3);
    harness.processElement(middle1Event2, 3);
    harness.processElement(middle1Event1, 3);
    harness.processElement(ev(41, "d", 6.0), 5);

    expect(harness.getPQSize(41)).toBe(7);
    expect(harness.hasNonEmptySharedBuffer(41)).toBe(false);

    harness.processWatermark(2);
    verifyWatermark(harness.poll(), LONG_MIN_VALUE);
    verifyWatermark(harness.poll(), 2);
    expect(harness.getPQSize(41)).toBe(6);
    expect(harness.hasNonEmptySharedBuffer(41)).toBe(true); // processed the first element

    harness.processWatermark(8);
    const resultingPatterns: EventRecord[][] = [];
    for (let record = harness.poll(); record !== undefined; record = harness.poll()) {
      if (record.type === "match") resultingPatterns.push(flatten(record.match));
      else verifyWatermark(record, 8);
    }
    compareMaps(resultingPatterns, [
      [startEvent, middle1Event1],
      [startEvent, middle1Event1, middle1Event2],
      [startEvent, middle2Event1, middle1Event3],
      [startEvent, middle1Event1, middle1Event2, middle1Event1],
      [startEvent, middle1Event1, middle2Event1, middle1Event3],
      [startEvent, middle1Event1, middle1Event1, middle1Event2, middle1Event3],
      [startEvent, middle1Event1, middle1Event2, middle2Event1, middle1Event3],
      [startEvent, middle1Event1, middle1Event1, middle1Event2, middle2Event1, middle1Event3],
    ]);
    expect(harness.getPQSize(41)).toBe(0);
    expect(harness.hasNonEmptySharedBuffer(41)).toBe(true);

    harness.processWatermark(17);
    verifyWatermark(harness.poll(), 17);
    expect(harness.hasNonEmptySharedBuffer(41)).toBe(false);
    expect(harness.hasNonEmptyPQ(41)).toBe(false);
  });

  it("testCEPOperatorSideOutputLateElementsEventTime", () => {
    const startEvent = ev(41, "c", 1.0);
    const middle1Event1 = ev(41, "a", 2.0);
    const middle1Event2 = ev(41, "a", 3.0);
    const middle1Event3 = ev(41, "a", 4.0);
    const harness = harnessFor(complexNfaFactoryPattern());

    harness.processWatermark(LONG_MIN_VALUE);
    harness.processElement(startEvent, 6);
    verifyWatermark(harness.poll(), LONG_MIN_VALUE);
    harness.processWatermark(6);
    verifyWatermark(harness.poll(), 6);

    harness.processElement(middle1Event1, 4);
    harness.processElement(middle1Event2, 5);
    harness.processElement(middle1Event3, 7);

    expect(harness.lateOutput).toEqual([middle1Event1, middle1Event2]);
  });

  it("testCEPOperatorLateRecordsMetric", () => {
    const startEvent = ev(41, "c", 1.0);
    const middle1Event1 = ev(41, "a", 2.0);
    const middle1Event2 = ev(41, "a", 3.0);
    const middle1Event3 = ev(41, "a", 4.0);
    const harness = getCepTestHarness(false);

    harness.processWatermark(0);
    harness.processElement(startEvent, 1);
    harness.processWatermark(2);
    harness.processElement(middle1Event1, 1);
    harness.processElement(middle1Event2, 3);
    harness.processWatermark(4);
    harness.processElement(middle1Event3, 3);

    expect(harness.operator.lateRecordsNumber).toBe(2);
  });

  it("testCEPOperatorCleanupProcessingTime", () => {
    const startEvent1 = ev(42, "start", 1.0);
    const startEvent2 = ev(42, "start", 2.0);
    const middleEvent1 = subEvent(42, "foo1", 1.0, 10.0);
    const middleEvent2 = subEvent(42, "foo2", 1.0, 10.0);
    const middleEvent3 = subEvent(42, "foo3", 1.0, 10.0);
    const endEvent1 = ev(42, "end", 1.0);
    const endEvent2 = ev(42, "end", 2.0);
    const startEventK2 = ev(43, "start", 1.0);
    const harness = getCepTestHarness(true);

    harness.setProcessingTime(0);
    harness.processElement(startEvent1, 1);
    harness.processElement(startEventK2, 1);
    harness.processElement(ev(42, "foobar", 1.0), 2);
    harness.processElement(middleEvent1, 2);
    harness.processElement(subEvent(42, "barfoo", 1.0, 5.0), 3);

    expect(harness.hasNonEmptyPQ(42)).toBe(false);
    expect(harness.hasNonEmptyPQ(43)).toBe(false);
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(true);
    expect(harness.hasNonEmptySharedBuffer(43)).toBe(true);

    harness.setProcessingTime(3);
    harness.processElement(startEvent2, 3);
    harness.processElement(middleEvent2, 4);
    // (snapshot / restore)
    harness.setProcessingTime(3);
    harness.processElement(endEvent1, 5);

    verifyPattern(harness.poll(), startEvent1, middleEvent1, endEvent1);
    verifyPattern(harness.poll(), startEvent1, middleEvent2, endEvent1);
    verifyPattern(harness.poll(), startEvent2, middleEvent2, endEvent1);

    harness.setProcessingTime(11);
    harness.processElement(middleEvent3, 11);
    harness.processElement(endEvent2, 12);

    verifyPattern(harness.poll(), startEvent2, middleEvent2, endEvent2);
    verifyPattern(harness.poll(), startEvent2, middleEvent3, endEvent2);

    harness.setProcessingTime(21);
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(false);

    harness.processElement(startEvent1, 21);
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(true);

    harness.setProcessingTime(49);
    // TODO: 3/13/17 we have to have another event in order to clean up (Flink's comment)
    harness.processElement(ev(42, "foobar", 1.0), 2);

    // the pattern expired
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(false);
    expect(harness.hasNonEmptyPQ(42)).toBe(false);
    expect(harness.hasNonEmptyPQ(43)).toBe(false);
  });

  it("testCEPOperatorSerializationWRocksDB", () => {
    // The RocksDB backend is mechanics; the pattern and its expected matches are semantics.
    const startEvent1 = ev(40, "start", 1.0);
    const startEvent2 = ev(40, "start", 2.0);
    const middleEvent1 = subEvent(40, "foo1", 1.0, 10);
    const middleEvent2 = subEvent(40, "foo2", 2.0, 10);
    const middleEvent3 = subEvent(40, "foo3", 3.0, 10);
    const middleEvent4 = subEvent(40, "foo4", 1.0, 10);
    const nextOne = ev(40, "next-one", 1.0);
    const endEvent = ev(40, "end", 1.0);
    const pattern = PatternBuilder.begin("start")
      .where("name == 'start'")
      .followedBy("middle")
      .where(SUBTYPE_SUB_EVENT)
      .where(
        "string.startsWith(name, 'foo') && " +
          "reduce(getEventsForPattern('middle'), lambda(sum, e) -> sum + e.price end, 0.0) + price < 5.0",
      )
      .oneOrMore()
      .allowCombinations()
      .followedBy("end")
      .where("name == 'end'");
    const harness = harnessFor(pattern);

    harness.processWatermark(0);
    harness.processElement(startEvent1, 1);
    harness.processElement(middleEvent1, 2);
    harness.processWatermark(2);
    harness.processElement(middleEvent3, 5);
    harness.processElement(middleEvent2, 3);
    harness.processElement(startEvent2, 4);
    harness.processWatermark(5);
    harness.processElement(nextOne, 7);
    harness.processElement(endEvent, 8);
    harness.processElement(middleEvent4, 6);
    harness.processWatermark(100);

    compareMaps(harness.matches().map(flatten), [
      [startEvent1, endEvent, middleEvent1, middleEvent2, middleEvent4],
      [startEvent1, endEvent, middleEvent2, middleEvent1],
      [startEvent1, endEvent, middleEvent3, middleEvent1],
      [startEvent2, endEvent, middleEvent3, middleEvent4],
      [startEvent1, endEvent, middleEvent4, middleEvent1],
      [startEvent1, endEvent, middleEvent1],
      [startEvent2, endEvent, middleEvent3],
    ]);
  });

  it("testCEPOperatorComparatorProcessTime", () => {
    const startEvent1 = ev(42, "start", 1.0);
    const startEvent2 = ev(42, "start", 2.0);
    const middleEvent1 = subEvent(42, "foo1", 3.0, 10.0);
    const middleEvent2 = subEvent(42, "foo2", 4.0, 10.0);
    const endEvent1 = ev(42, "end", 1.0);
    const startEventK2 = ev(43, "start", 1.0);
    const harness = harnessFor(nfaFactoryPattern(), { processingTime: true, comparator: byPrice });

    harness.setProcessingTime(0);
    harness.processElement(startEvent1, 0);
    harness.processElement(startEventK2, 0);
    harness.processElement(ev(42, "foobar", 1.0), 0);
    harness.processElement(subEvent(42, "barfoo", 1.0, 5.0), 0);

    expect(harness.hasNonEmptySharedBuffer(42)).toBe(false);
    expect(harness.hasNonEmptySharedBuffer(43)).toBe(false);

    harness.setProcessingTime(3);
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(true);
    expect(harness.hasNonEmptySharedBuffer(43)).toBe(true);

    harness.processElement(middleEvent2, 3);
    harness.processElement(middleEvent1, 3);
    harness.processElement(startEvent2, 3);
    // (snapshot / restore)
    harness.setProcessingTime(4);
    harness.processElement(endEvent1, 5);
    harness.setProcessingTime(5);

    verifyPattern(harness.poll(), startEvent1, middleEvent1, endEvent1);
    verifyPattern(harness.poll(), startEvent1, middleEvent2, endEvent1);
    verifyPattern(harness.poll(), startEvent2, middleEvent1, endEvent1);
    verifyPattern(harness.poll(), startEvent2, middleEvent2, endEvent1);
  });

  it("testCEPOperatorComparatorEventTime", () => {
    const startEvent1 = ev(42, "start", 1.0);
    const startEvent2 = ev(42, "start", 2.0);
    const middleEvent1 = subEvent(42, "foo1", 1.0, 10.0);
    const middleEvent2 = subEvent(42, "foo2", 2.0, 10.0);
    const endEvent = ev(42, "end", 1.0);
    const startEventK2 = ev(43, "start", 1.0);
    const harness = harnessFor(nfaFactoryPattern(), { comparator: byPrice });

    harness.processWatermark(0);
    harness.processElement(startEvent1, 1);
    harness.processElement(startEventK2, 1);
    harness.processElement(ev(42, "foobar", 1.0), 2);
    harness.processElement(subEvent(42, "barfoo", 1.0, 5.0), 3);

    expect(harness.hasNonEmptyPQ(42)).toBe(true);
    expect(harness.hasNonEmptyPQ(43)).toBe(true);
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(false);
    expect(harness.hasNonEmptySharedBuffer(43)).toBe(false);

    harness.processWatermark(3);
    expect(harness.hasNonEmptyPQ(42)).toBe(false);
    expect(harness.hasNonEmptyPQ(43)).toBe(false);
    expect(harness.hasNonEmptySharedBuffer(42)).toBe(true);
    expect(harness.hasNonEmptySharedBuffer(43)).toBe(true);

    harness.processElement(startEvent2, 4);
    harness.processElement(middleEvent2, 5);
    harness.processElement(middleEvent1, 5);
    // (snapshot / restore)
    const restoredAt = harness.output.length;
    harness.processElement(endEvent, 6);
    harness.processWatermark(6);

    const result = harness.output.slice(restoredAt);
    verifyPattern(result[0], startEvent1, middleEvent1, endEvent);
    verifyPattern(result[1], startEvent1, middleEvent2, endEvent);
    verifyPattern(result[2], startEvent2, middleEvent1, endEvent);
    verifyPattern(result[3], startEvent2, middleEvent2, endEvent);
    verifyWatermark(result[4], 6);
  });
});
