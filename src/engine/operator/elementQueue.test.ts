import { describe, expect, it } from "vitest";
import { ElementQueue } from "./elementQueue.ts";

function contents(queue: ElementQueue): string[] {
  const out: string[] = [];
  for (let i = 0; i < queue.size; i++) out.push(`${queue.timeAt(i)}:${String(queue.eventAt(i).id)}`);
  return out;
}

describe("ElementQueue", () => {
  it("keeps (timestamp, arrival) order whatever order elements come in", () => {
    const queue = new ElementQueue();
    const fresh = [5, 7, 5, 3, 6, 7, 1, 6].map((ts, id) => queue.add(ts, { id }));
    expect(fresh).toEqual([true, true, false, true, true, false, true, false]);
    expect(contents(queue)).toEqual(["1:6", "3:3", "5:0", "5:2", "6:4", "6:7", "7:1", "7:5"]);
    expect(queue.firstTimestamp).toBe(1);
  });

  it("counts and drops the elements up to a limit", () => {
    const queue = new ElementQueue();
    for (const [id, ts] of [10, 20, 20, 30].entries()) queue.add(ts, { id });
    expect(queue.countUpTo(9)).toBe(0);
    expect(queue.countUpTo(20)).toBe(3);
    queue.dropFirst(3);
    expect(contents(queue)).toEqual(["30:3"]);
    queue.dropFirst(queue.countUpTo(Number.POSITIVE_INFINITY));
    expect(queue.isEmpty).toBe(true);
    expect(queue.size).toBe(0);
    expect(queue.firstTimestamp).toBeUndefined();
    expect(queue.add(4, { id: 9 })).toBe(true);
    expect(contents(queue)).toEqual(["4:9"]);
  });
});
