/**
 * Port of Apache Flink CEP's `SharedBufferTest`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/sharedbuffer/SharedBufferTest.java,
 * the Flink 2.x revision where `lockNode` / `releaseNode` take the run's Dewey number), method by
 * method, on our `SharedBufferAccessor`.
 *
 * How the Java reads here:
 * - `sharedBuffer.registerEvent(event, ts)` returns an `EventId`; here `registerEvent` returns the
 *   per-timestamp id and {@link registerAll} keeps it with the event in the wrapper `put` takes.
 *   `put(stageName, eventId, previous, version)` becomes `put(buffer, wrapper, id, stageIndex, …)`:
 *   the accessor knows stages by index, and one wrapper per event is how a second `put` of the
 *   same (event, stage) finds Flink's existing `NodeId`.
 * - Flink's events buffer holds each registered event under a lock until `releaseEvent`; ours
 *   holds an event exactly while a node is built on it (sharedBuffer.ts), so the trailing
 *   `releaseEvent` loops have no counterpart and `sharedBuffer.isEmpty()` reads
 *   `eventCount === 0 && liveNodes === 0`.
 * - Flink's `SharedBufferCacheConfig` parameterisation (a state-backend cache of 1 or 10240 slots)
 *   does not exist here: there is one in-memory buffer, so each method runs once.
 */
import { describe, expect, it } from "vitest";
import { deweyFromString } from "../deweyNumber.ts";
import { createSharedBuffer, type NodeId, type SharedBufferData } from "../sharedBuffer/sharedBuffer.ts";
import { SharedBufferAccessor, type EventWrapper } from "../sharedBuffer/sharedBufferAccessor.ts";
import { ev, type TestEvent } from "../testing/nfaTestHarness.ts";

/** A registered event: Flink's `EventId` plus the wrapper `put` builds nodes from. */
interface Registered {
  readonly wrapper: EventWrapper;
  readonly id: number;
}

/** `events[i] = new Event(i + 1, "e" + (i + 1), i)` for `i < count`. */
function testEvents(count: number): TestEvent[] {
  return Array.from({ length: count }, (_, i) => ev(i + 1, `e${String(i + 1)}`, i));
}

/** `eventIds[i] = sharedBuffer.registerEvent(events[i], timestamp)` for every event. */
function registerAll(
  accessor: SharedBufferAccessor,
  buffer: SharedBufferData,
  events: readonly TestEvent[],
  timestamp: number,
): Registered[] {
  return events.map((event) => ({
    wrapper: { event, timestamp, eventId: null, nodes: null },
    id: accessor.registerEvent(buffer, timestamp),
  }));
}

/** `SharedBuffer.isEmpty()`: no buffered event and no node. */
function isEmpty(buffer: SharedBufferData): boolean {
  return buffer.eventCount === 0 && buffer.liveNodes === 0;
}

/** Accessor, buffer and a `put` that reads like Flink's `put(stageName, eventId, previous, version)`. */
function fixture(stageNames: readonly string[]) {
  const accessor = new SharedBufferAccessor(stageNames);
  const buffer = createSharedBuffer();
  const stageIndex = new Map(stageNames.map((name, index) => [name, index]));
  const put = (stage: string, event: Registered, previous: NodeId | null, version: string): NodeId =>
    accessor.put(
      buffer,
      event.wrapper,
      event.id,
      stageIndex.get(stage) ?? -1,
      previous,
      deweyFromString(version),
    );
  return { accessor, buffer, put };
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${String(index)}`);
  return item;
}

describe("SharedBufferTest", () => {
  it("testSharedBuffer", () => {
    const { accessor, buffer, put } = fixture(["a1", "a[]", "b"]);
    const events = testEvents(8);
    const eventIds = registerAll(accessor, buffer, events, 1);
    const e = (i: number) => at(events, i);
    const id = (i: number) => at(eventIds, i);

    const expectedPattern1 = new Map([
      ["a1", [e(2)]],
      ["a[]", [e(3)]],
      ["b", [e(5)]],
    ]);
    const expectedPattern2 = new Map([
      ["a1", [e(0)]],
      ["a[]", [e(1), e(2), e(3), e(4)]],
      ["b", [e(5)]],
    ]);
    const expectedPattern3 = new Map([
      ["a1", [e(0)]],
      ["a[]", [e(1), e(2), e(3), e(4), e(5), e(6)]],
      ["b", [e(7)]],
    ]);

    const a10 = put("a1", id(0), null, "1");
    const aLoop0 = put("a[]", id(1), a10, "1.0");
    const a11 = put("a1", id(2), null, "2");
    const aLoop1 = put("a[]", id(2), aLoop0, "1.0");
    const aLoop2 = put("a[]", id(3), aLoop1, "1.0");
    const aSecondLoop0 = put("a[]", id(3), a11, "2.0");
    const aLoop3 = put("a[]", id(4), aLoop2, "1.0");
    const b0Version = deweyFromString("1.0.0");
    const b0 = put("b", id(5), aLoop3, b0Version);
    const aLoop4 = put("a[]", id(5), aLoop3, "1.1");
    const b1Version = deweyFromString("2.0.0");
    const b1 = put("b", id(5), aSecondLoop0, b1Version);
    const aLoop5 = put("a[]", id(6), aLoop4, "1.1");
    const b3Version = deweyFromString("1.1.0");
    const b3 = put("b", id(7), aLoop5, b3Version);
    accessor.lockNode(b0, b0Version);
    accessor.lockNode(b1, b1Version);
    accessor.lockNode(b3, b3Version);

    const patterns3 = accessor.extractPatterns(b3, b3Version);
    expect(patterns3).toHaveLength(1);
    expect(accessor.materializeMatch(at(patterns3, 0))).toEqual(expectedPattern3);
    accessor.releaseNode(buffer, b3, b3Version);

    const patterns4 = accessor.extractPatterns(b3, b3Version);
    expect(patterns4).toHaveLength(0);

    const patterns1 = accessor.extractPatterns(b1, b1Version);
    expect(patterns1).toHaveLength(1);
    expect(accessor.materializeMatch(at(patterns1, 0))).toEqual(expectedPattern1);
    accessor.releaseNode(buffer, b1, b1Version);

    const patterns2 = accessor.extractPatterns(b0, b0Version);
    expect(patterns2).toHaveLength(1);
    expect(accessor.materializeMatch(at(patterns2, 0))).toEqual(expectedPattern2);
    accessor.releaseNode(buffer, b0, b0Version);

    expect(isEmpty(buffer)).toBe(true);
  });

  it("testClearingSharedBufferWithMultipleEdgesBetweenEntries", () => {
    const { accessor, buffer, put } = fixture(["start", "branching"]);
    const eventIds = registerAll(accessor, buffer, testEvents(8), 1);
    const id = (i: number) => at(eventIds, i);

    const start = put("start", id(1), null, "1");
    const b0 = put("branching", id(2), start, "1.0");
    const b1 = put("branching", id(3), start, "1.1");
    const b00 = put("branching", id(3), b0, "1.0.0");
    put("branching", id(4), b00, "1.0.0.0");
    const b10 = put("branching", id(4), b1, "1.1.0");

    // simulate IGNORE (next event can point to events[2])
    accessor.lockNode(b0, deweyFromString("1.0"));

    accessor.releaseNode(buffer, b10, deweyFromString("1.1.0"));

    // There should be still events[1] and events[2] in the buffer
    expect(isEmpty(buffer)).toBe(false);
  });

  it("testSharedBufferExtractOrder", () => {
    const { accessor, buffer, put } = fixture(["a", "b", "aa", "bb", "c"]);
    const eventIds = registerAll(accessor, buffer, testEvents(5), 1);
    const id = (i: number) => at(eventIds, i);

    const a = put("a", id(0), null, "1");
    const b = put("b", id(1), a, "1.0");
    const aa = put("aa", id(2), b, "1.0.0");
    const bb = put("bb", id(3), aa, "1.0.0.0");
    const c = put("c", id(4), bb, "1.0.0.0.0");

    const patternsResult = accessor.materializeMatch(
      at(accessor.extractPatterns(c, deweyFromString("1.0.0.0.0")), 0),
    );

    expect([...patternsResult.keys()]).toEqual(["a", "b", "aa", "bb", "c"]);
  });

  it("testSharedBufferCountersClearing", () => {
    const accessor = new SharedBufferAccessor([]);
    const buffer = createSharedBuffer();
    for (let i = 0; i < 4; i++) accessor.registerEvent(buffer, i);

    accessor.advanceTime(buffer, 3);

    // Flink reads `getEventCounters()`: exactly one entry left, timestamp 3 with count 1. Our
    // counters are read through the ids they hand out: the counters of 0, 1 and 2 are gone (a
    // late event there starts again at 0), the one of 3 continues at 1.
    expect(accessor.registerEvent(buffer, 2)).toBe(0);
    expect(accessor.registerEvent(buffer, 1)).toBe(0);
    expect(accessor.registerEvent(buffer, 0)).toBe(0);
    expect(accessor.registerEvent(buffer, 3)).toBe(1);
  });

  it("testSharedBufferAccessor", () => {
    const { accessor, buffer, put } = fixture(["start", "branching"]);
    const eventIds = registerAll(accessor, buffer, testEvents(8), 1);
    const id = (i: number) => at(eventIds, i);

    const start = put("start", id(1), null, "1");
    const b0 = put("branching", id(2), start, "1.0");
    const b1 = put("branching", id(3), start, "1.1");
    const b00 = put("branching", id(3), b0, "1.0.0");
    put("branching", id(4), b00, "1.0.0.0");

    // Flink: getSharedBufferNodeCacheSize() + getSharedBufferNodeSize() == 4 (how the four nodes
    // split between the state-backend cache and the state depends on the cache slots; we have no
    // cache). `b00` is `b1`: the same (event, stage) node.
    expect(b00).toBe(b1);
    expect(buffer.liveNodes).toBe(4);

    accessor.lockNode(b0, deweyFromString("1.0.0"));

    // Flink (after the accessor is closed): getEventsBufferSize() == 4, getSharedBufferNodeSize()
    // == 4, both caches empty. Flink's first check, getEventsBufferCacheSize() == 8 right after
    // registering, counts registered events that no node holds, which we do not buffer.
    expect(buffer.eventCount).toBe(4);
    expect(buffer.liveNodes).toBe(4);
  });

  /** Test releasing a node which has a long path to the terminal node (the node without an out-going edge). */
  it("testReleaseNodesWithLongPath", () => {
    const numberEvents = 100000;
    const stageNames = Array.from({ length: numberEvents }, (_, i) => `n${String(i)}`);
    const { accessor, buffer, put } = fixture(stageNames);
    const eventIds = registerAll(accessor, buffer, testEvents(numberEvents), 1);

    let previous: NodeId | null = null;
    for (let i = 0; i < numberEvents; i++)
      previous = put(at(stageNames, i), at(eventIds, i), previous, "1.0");

    if (previous === null) throw new Error("no node");
    accessor.releaseNode(buffer, previous, deweyFromString("1.0"));

    expect(isEmpty(buffer)).toBe(true);
  });
});
