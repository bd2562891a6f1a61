import { describe, expect, it } from "vitest";
import { mix32, seedToUint32, Xoshiro128 } from "./prng.ts";

function draw(random: Xoshiro128, n: number): number[] {
  return Array.from({ length: n }, () => random.nextUint32());
}

describe("Xoshiro128", () => {
  it("gives the same sequence for the same seed, and another one for another seed", () => {
    expect(draw(new Xoshiro128(7), 100)).toEqual(draw(new Xoshiro128(7), 100));
    expect(draw(new Xoshiro128("rees46"), 100)).toEqual(draw(new Xoshiro128("rees46"), 100));
    expect(draw(new Xoshiro128(7), 100)).not.toEqual(draw(new Xoshiro128(8), 100));
    expect(draw(new Xoshiro128("a"), 100)).not.toEqual(draw(new Xoshiro128("b"), 100));
  });

  it("draws uniform floats in [0, 1) and integers below the bound", () => {
    const random = new Xoshiro128(1);
    let sum = 0;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = random.nextFloat();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      const k = random.nextInt(10);
      buckets[k] = (buckets[k] ?? 0) + 1;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it("draws standard normal deviates", () => {
    const random = new Xoshiro128(2);
    let sum = 0;
    let squares = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = random.nextGaussian();
      sum += x;
      squares += x * x;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.03);
  });
});

describe("seeds", () => {
  it("maps numbers and strings to 32-bit words", () => {
    expect(seedToUint32(5)).toBe(5);
    expect(seedToUint32(2 ** 32 + 5)).not.toBe(5);
    expect(seedToUint32("x")).toBe(seedToUint32("x"));
    expect(seedToUint32("x")).not.toBe(seedToUint32("y"));
    expect(() => seedToUint32(Number.NaN)).toThrow(/finite/);
  });

  it("mixes neighbouring inputs into unrelated words", () => {
    expect(mix32(1)).not.toBe(mix32(2));
    expect(mix32(1) >>> 0).toBe(mix32(1));
  });
});
