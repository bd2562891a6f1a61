/**
 * Ground truth: every expected number below was computed by a throw-away Java 17 program that ran
 * Flink's algorithm (`MathUtils.murmurHash(key.hashCode()) % maxParallelism`, then
 * `keyGroupId * parallelism / maxParallelism`) on the JDK's own `hashCode()`; the results were
 * pasted here. The program itself is not kept.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JavaKeyType, KeyValue } from "./javaHashCode.ts";
import {
  assignKeyToParallelOperator,
  assignToKeyGroup,
  computeDefaultMaxParallelism,
  computeKeyGroupForKeyHash,
  computeKeyGroupRangeForOperatorIndex,
  computeOperatorIndexForKeyGroup,
  DEFAULT_MAX_PARALLELISM,
  murmurHash,
  roundUpToPowerOfTwo,
} from "./keyGroups.ts";

/** key, type, murmurHash(hashCode), key group at 128, subtask at parallelism 1/2/3/4/7 (max 128). */
type Row = [KeyValue, JavaKeyType, number, number, [number, number, number, number, number]];

const TABLE: Row[] = [
  ["user_1", "String", 127964213, 53, [0, 0, 1, 1, 2]],
  ["590404850", "String", 1307097389, 45, [0, 0, 1, 1, 2]],
  ["", "String", 593689054, 94, [0, 1, 2, 2, 5]],
  ["517014550", "String", 1986037726, 94, [0, 1, 2, 2, 5]],
  ["a9b83681ba4df17a30abcf085ce80a9b", "String", 264801710, 46, [0, 0, 1, 1, 2]],
  ["1001", "String", 1136856758, 54, [0, 0, 1, 1, 2]],
  ["1002", "String", 1496641462, 54, [0, 0, 1, 1, 2]],
  ["1003", "String", 1747686601, 73, [0, 1, 1, 2, 3]],
  ["日本語", "String", 1333041691, 27, [0, 0, 0, 0, 1]],
  ["\u{1F600}x", "String", 1998616508, 60, [0, 0, 1, 1, 3]],
  ["APP", "String", 1028020078, 110, [0, 1, 2, 3, 6]],
  ["590404850", "Long", 208253442, 2, [0, 0, 0, 0, 0]],
  [0, "Long", 593689054, 94, [0, 1, 2, 2, 5]],
  [-1, "Long", 593689054, 94, [0, 1, 2, 2, 5]],
  ["-9223372036854775808", "Long", 1718298732, 108, [0, 1, 2, 3, 5]],
  ["9223372036854775807", "Long", 1718298732, 108, [0, 1, 2, 3, 5]],
  [1001, "Long", 2131111877, 69, [0, 1, 1, 2, 3]],
  ["1002", "Long", 861316607, 127, [0, 1, 2, 3, 6]],
  [1003n, "Long", 277228974, 46, [0, 0, 1, 1, 2]],
  ["4294967296", "Long", 68075478, 86, [0, 1, 2, 2, 4]],
  ["-4294967297", "Long", 68075478, 86, [0, 1, 2, 2, 4]],
  ["9007199254740993", "Long", 922188035, 3, [0, 0, 0, 0, 0]],
  ["1487684216", "Long", 1450340754, 18, [0, 0, 0, 0, 0]],
  ["2053013555087303473", "Long", 1194514829, 13, [0, 0, 0, 0, 0]],
  [0, "Integer", 593689054, 94, [0, 1, 2, 2, 5]],
  [1, "Integer", 68075478, 86, [0, 1, 2, 2, 4]],
  [-1, "Integer", 1982413648, 80, [0, 1, 1, 2, 4]],
  [-2147483648, "Integer", 1718298732, 108, [0, 1, 2, 3, 5]],
  [2147483647, "Integer", 1653689534, 62, [0, 0, 1, 1, 3]],
  ["590404850", "Integer", 208253442, 2, [0, 0, 0, 0, 0]],
  [true, "Boolean", 1090530765, 77, [0, 1, 1, 2, 4]],
  [false, "Boolean", 1530821891, 3, [0, 0, 0, 0, 0]],
  [0, "Double", 593689054, 94, [0, 1, 2, 2, 5]],
  [-0, "Double", 1718298732, 108, [0, 1, 2, 3, 5]],
  [1.5, "Double", 1684538177, 65, [0, 1, 1, 2, 3]],
  [NaN, "Double", 1585394089, 41, [0, 0, 0, 1, 2]],
  [1e300, "Double", 1683163247, 111, [0, 1, 2, 3, 6]],
  [-2.75, "Double", 677685070, 78, [0, 1, 1, 2, 4]],
  [Infinity, "Double", 663429370, 122, [0, 1, 2, 3, 6]],
  [590404850, "Double", 130567278, 110, [0, 1, 2, 3, 6]],
];

describe("KeyGroupRangeAssignment against Flink's algorithm run on the JDK", () => {
  it.each(TABLE)("%o as %s", (key, javaType, murmur, keyGroup, subtasks) => {
    expect(assignToKeyGroup(key, javaType)).toBe(keyGroup);
    expect(assignToKeyGroup(key, javaType, 128)).toBe(murmur % 128);
    expect(assignToKeyGroup(key, javaType, 32768)).toBe(murmur % 32768);
    expect(assignToKeyGroup(key, javaType, 1000)).toBe(murmur % 1000);
    const parallelisms = [1, 2, 3, 4, 7];
    expect(parallelisms.map((p) => assignKeyToParallelOperator(key, javaType, 128, p))).toEqual(subtasks);
  });

  it("uses 128 key groups by default", () => {
    expect(DEFAULT_MAX_PARALLELISM).toBe(128);
  });
});

describe("MathUtils.murmurHash", () => {
  it.each([
    [0, 593689054],
    [1, 68075478],
    [-1, 1982413648],
    [-2147483648, 1718298732],
    [2147483647, 1653689534],
    [-836030275, 127964213],
  ])("murmurHash(%i) = %i", (code, expected) => {
    expect(murmurHash(code)).toBe(expected);
  });

  it("always yields a non-negative int", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (code) => {
        const hash = murmurHash(code);
        expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 31).toBe(true);
      }),
    );
  });

  it("maps the one input that mixes to Integer.MIN_VALUE to 0", () => {
    // Found by searching all 2^32 inputs in Java (the mix is a bijection, so there is exactly one).
    expect(murmurHash(-2089875627)).toBe(0);
    expect(computeKeyGroupForKeyHash(-2089875627, 128)).toBe(0);
  });
});

describe("computeDefaultMaxParallelism", () => {
  it.each([
    [1, 128],
    [2, 128],
    [64, 128],
    [85, 128],
    [86, 256],
    [100, 256],
    [128, 256],
    [1000, 2048],
    [10000, 16384],
    [21845, 32768],
    [21846, 32768],
    [32768, 32768],
  ])("parallelism %i → %i", (parallelism, expected) => {
    expect(computeDefaultMaxParallelism(parallelism)).toBe(expected);
  });

  it("rejects parallelism outside 1..32768", () => {
    expect(() => computeDefaultMaxParallelism(0)).toThrow(
      "Operator parallelism not within bounds 1..32768: 0",
    );
    expect(() => computeDefaultMaxParallelism(32769)).toThrow(RangeError);
    expect(() => computeDefaultMaxParallelism(1.5)).toThrow(RangeError);
  });
});

describe("roundUpToPowerOfTwo", () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [129, 256],
    [2 ** 30, 2 ** 30],
  ])("%i → %i", (x, expected) => {
    expect(roundUpToPowerOfTwo(x)).toBe(expected);
  });
});

describe("key-group ranges", () => {
  it("computeOperatorIndexForKeyGroup is keyGroupId * parallelism / maxParallelism", () => {
    expect(computeOperatorIndexForKeyGroup(128, 3, 0)).toBe(0);
    expect(computeOperatorIndexForKeyGroup(128, 3, 42)).toBe(0);
    expect(computeOperatorIndexForKeyGroup(128, 3, 43)).toBe(1);
    expect(computeOperatorIndexForKeyGroup(128, 3, 127)).toBe(2);
    expect(computeOperatorIndexForKeyGroup(32768, 32768, 32767)).toBe(32767);
  });

  it("computeKeyGroupRangeForOperatorIndex inverts it for every subtask", () => {
    for (const [maxParallelism, parallelism] of [
      [128, 1],
      [128, 3],
      [128, 7],
      [128, 128],
      [1000, 13],
    ] as const) {
      let next = 0;
      for (let index = 0; index < parallelism; index++) {
        const range = computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, index);
        expect(range.startKeyGroup).toBe(next);
        for (let kg = range.startKeyGroup; kg <= range.endKeyGroup; kg++) {
          expect(computeOperatorIndexForKeyGroup(maxParallelism, parallelism, kg)).toBe(index);
        }
        next = range.endKeyGroup + 1;
      }
      expect(next).toBe(maxParallelism);
    }
    expect(computeKeyGroupRangeForOperatorIndex(128, 3, 1)).toEqual({ startKeyGroup: 43, endKeyGroup: 85 });
  });

  it("says what is wrong with bad arguments", () => {
    expect(() => computeOperatorIndexForKeyGroup(128, 3, 128)).toThrow("Key group 128 is outside 0..127.");
    expect(() => computeOperatorIndexForKeyGroup(128, 129, 0)).toThrow(
      "Maximum parallelism must not be smaller than parallelism: maxParallelism 128 < parallelism 129",
    );
    expect(() => assignToKeyGroup("a", "String", 0)).toThrow(
      "Operator maxParallelism not within bounds 1..32768: 0",
    );
    expect(() => assignKeyToParallelOperator("a", "String", 128, 0)).toThrow(RangeError);
    expect(() => computeKeyGroupRangeForOperatorIndex(128, 3, 3)).toThrow(
      "Operator index 3 is outside 0..2.",
    );
  });
});
