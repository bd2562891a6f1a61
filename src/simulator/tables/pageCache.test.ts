import { describe, expect, it } from "vitest";
import { PageCache } from "./pageCache.ts";

describe("PageCache", () => {
  it("asks only for the pages the visible rows need, once", () => {
    const cache = new PageCache<number>(10);
    expect(cache.missing(5, 24, 100)).toEqual([0, 1, 2]);
    expect(cache.missing(5, 24, 100)).toEqual([]);
    cache.put(
      0,
      Array.from({ length: 10 }, (_, i) => i),
    );
    expect(cache.get(3)).toBe(3);
    expect(cache.get(13)).toBeUndefined();
  });

  it("clips to the list and asks for nothing in an empty list", () => {
    const cache = new PageCache<number>(10);
    expect(cache.missing(0, 50, 0)).toEqual([]);
    expect(cache.missing(0, 50, 12)).toEqual([0, 1]);
  });

  it("keeps full pages and fetches the partly filled last page again when the list grows", () => {
    const cache = new PageCache<string>(4);
    expect(cache.missing(0, 5, 6)).toEqual([0, 1]);
    cache.put(0, ["a", "b", "c", "d"]);
    cache.put(1, ["e", "f"]);
    expect(cache.missing(0, 5, 6)).toEqual([]);
    expect(cache.missing(0, 7, 8)).toEqual([1]);
  });

  it("asks again for a page whose request failed, and for everything after clear", () => {
    const cache = new PageCache<number>(5);
    expect(cache.missing(0, 4, 5)).toEqual([0]);
    cache.fail(0);
    expect(cache.missing(0, 4, 5)).toEqual([0]);
    cache.put(0, [1, 2, 3, 4, 5]);
    cache.clear();
    expect(cache.get(0)).toBeUndefined();
    expect(cache.missing(0, 4, 5)).toEqual([0]);
  });
});

describe("PageCache replacing another", () => {
  it("shows the replaced cache's rows until its own pages arrive, and asks for them anyway", () => {
    const old = new PageCache<string>(2);
    old.put(0, ["a", "b"]);
    const fresh = new PageCache<string>(2, old);
    expect(fresh.get(1)).toBe("b");
    expect(fresh.missing(0, 1, 2)).toEqual([0]);
    fresh.put(0, ["A", "B"]);
    expect(fresh.get(1)).toBe("B");
  });
});
