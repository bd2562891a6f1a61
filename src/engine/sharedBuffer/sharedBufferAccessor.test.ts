import { describe, expect, it } from "vitest";
import { addStage, createDeweyNumber, increase } from "../deweyNumber.ts";
import { createSharedBuffer } from "./sharedBuffer.ts";
import { SharedBufferAccessor, isReleased, type EventWrapper } from "./sharedBufferAccessor.ts";

const accessor = new SharedBufferAccessor(["a", "b"]);

function wrap(event: Record<string, unknown>, timestamp: number): EventWrapper {
  return { event, timestamp, eventId: null, nodes: null };
}

describe("SharedBufferAccessor", () => {
  it("numbers events per timestamp, like Flink's eventsCount", () => {
    const buffer = createSharedBuffer();
    const ids = [5, 5, 7, 5].map((ts) => accessor.registerEvent(buffer, ts));
    // The late event at 5 continues 5's counter until advanceTime passes 5.
    expect(ids).toEqual([0, 1, 0, 2]);
    accessor.advanceTime(buffer, 6);
    expect(accessor.registerEvent(buffer, 5)).toBe(0);
    expect(accessor.registerEvent(buffer, 7)).toBe(1);
  });

  it("extracts each branch of a run by Dewey version and frees everything on release", () => {
    const buffer = createSharedBuffer();
    const run = createDeweyNumber(1);
    const a = wrap({ name: "a" }, 1);
    const b1 = wrap({ name: "b1" }, 2);
    const b2 = wrap({ name: "b2" }, 3);

    // The run takes `a`, then branches: version 1.1 takes b1, version 1.0 (ignored b1) takes b2.
    const nodeA = accessor.put(buffer, a, accessor.registerEvent(buffer, 1), 0, null, run);
    const afterA = addStage(run);
    accessor.lockNode(nodeA, afterA);
    const v1 = increase(afterA, 1);
    const v0 = afterA;
    const nodeB1 = accessor.put(buffer, b1, accessor.registerEvent(buffer, 2), 1, nodeA, v1);
    accessor.lockNode(nodeB1, addStage(v1));
    const nodeB2 = accessor.put(buffer, b2, accessor.registerEvent(buffer, 3), 1, nodeA, v0);
    accessor.lockNode(nodeB2, addStage(v0));
    accessor.releaseNode(buffer, nodeA, afterA);
    expect(buffer.liveNodes).toBe(3);

    const one = accessor.extractPatterns(nodeB1, addStage(v1)).map((m) => accessor.materializeMatch(m));
    const two = accessor.extractPatterns(nodeB2, addStage(v0)).map((m) => accessor.materializeMatch(m));
    expect(one).toEqual([
      new Map([
        ["a", [{ name: "a" }]],
        ["b", [{ name: "b1" }]],
      ]),
    ]);
    expect(two).toEqual([
      new Map([
        ["a", [{ name: "a" }]],
        ["b", [{ name: "b2" }]],
      ]),
    ]);

    accessor.releaseNode(buffer, nodeB1, addStage(v1));
    expect(isReleased(nodeB1)).toBe(true);
    expect(isReleased(nodeA)).toBe(false);
    accessor.releaseNode(buffer, nodeB2, addStage(v0));
    expect(buffer.liveNodes).toBe(0);
  });
});
