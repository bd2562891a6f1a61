import { describe, expect, it } from "vitest";
import { heapOffer, heapPoll, heapRemoveIf } from "./javaPriorityQueue.ts";

interface Item {
  readonly key: number;
  readonly label: string;
}
const byKey = (a: Item, b: Item) => a.key - b.key;

function drain(heap: Item[]): string[] {
  const out: string[] = [];
  let item: Item | undefined;
  while ((item = heapPoll(heap, byKey)) !== undefined) out.push(item.label);
  return out;
}

describe("java.util.PriorityQueue order", () => {
  it("polls in comparator order", () => {
    const heap: Item[] = [];
    for (const key of [5, 1, 4, 2, 3]) heapOffer(heap, { key, label: String(key) }, byKey);
    expect(drain(heap)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("breaks ties the way the JDK heap does, not first-in-first-out", () => {
    // JDK: offer A, B, C (all equal) then poll three times gives A, C, B.
    const heap: Item[] = [];
    for (const label of ["A", "B", "C"]) heapOffer(heap, { key: 0, label }, byKey);
    expect(drain(heap)).toEqual(["A", "C", "B"]);
  });

  it("iterates in heap-array order", () => {
    const heap: Item[] = [];
    for (const key of [3, 2, 1]) heapOffer(heap, { key, label: String(key) }, byKey);
    expect(heap.map((i) => i.label)).toEqual(["1", "3", "2"]);
  });

  it("removeIf keeps survivors' relative order, then heapifies", () => {
    const heap: Item[] = [];
    for (const key of [1, 2, 3, 4, 5, 6]) heapOffer(heap, { key, label: String(key) }, byKey);
    expect(heapRemoveIf(heap, (i) => i.key % 2 === 1, byKey)).toBe(true);
    expect(heap.map((i) => i.label)).toEqual(["2", "4", "6"]);
    expect(heapRemoveIf(heap, () => false, byKey)).toBe(false);
  });
});
