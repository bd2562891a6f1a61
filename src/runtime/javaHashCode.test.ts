/**
 * Expected hash codes were produced by the JDK (OpenJDK 17: `"…".hashCode()`, `Long.hashCode`,
 * `Integer.hashCode`, `Boolean.hashCode`, `Double.hashCode`) and pasted here; no Java code is kept.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  doubleHashCode,
  javaHashCode,
  KeyTypeError,
  longHashCode,
  stringHashCode,
  type JavaKeyType,
  type KeyValue,
} from "./javaHashCode.ts";

describe("stringHashCode (String.hashCode)", () => {
  it.each([
    ["user_1", -836030275],
    ["590404850", 435288487],
    ["", 0],
    ["517014550", 1181670200],
    ["a9b83681ba4df17a30abcf085ce80a9b", 2004061074],
    ["1001", 1507424],
    ["APP", 65025],
    ["日本語", 25921943],
    ["\u{1F600}x", 54959989], // a surrogate pair counts as two code units
    ["the quick brown fox jumps over the lazy dog", -2082818701],
  ])("%j → %i", (text, expected) => {
    expect(stringHashCode(text)).toBe(expected);
  });
});

describe("longHashCode (Long.hashCode)", () => {
  it.each([
    [590404850n, 590404850],
    [0n, 0],
    [-1n, 0],
    [-(2n ** 63n), -2147483648],
    [2n ** 63n - 1n, -2147483648],
    [4294967296n, 1],
    [-4294967297n, 1],
    [9007199254740993n, 2097153],
    [2053013555087303473n, 1786226626],
  ])("%s → %i", (value, expected) => {
    expect(longHashCode(value)).toBe(expected);
  });
});

describe("doubleHashCode (Double.hashCode)", () => {
  it.each([
    [0, 0],
    [-0, -2147483648],
    [1.5, 1073217536],
    [NaN, 2146959360],
    [1e300, -164130400],
    [-2.75, -1073348608],
    [Infinity, 2146435072],
    [590404850, 952211566],
  ])("%d → %i", (value, expected) => {
    expect(doubleHashCode(value)).toBe(expected);
  });
});

describe("javaHashCode", () => {
  it.each<[KeyValue, JavaKeyType, number]>([
    ["user_1", "String", -836030275],
    [590404850, "String", 435288487], // the number's text, as String.valueOf(long) prints it
    [590404850n, "String", 435288487],
    ["590404850", "Long", 590404850],
    [590404850, "Long", 590404850],
    ["-9223372036854775808", "Long", -2147483648],
    ["9223372036854775807", "Long", -2147483648],
    ["+4294967296", "Long", 1],
    [9007199254740993n, "Long", 2097153],
    [0, "Integer", 0],
    ["-1", "Integer", -1],
    ["-2147483648", "Integer", -2147483648],
    [2147483647, "Integer", 2147483647],
    [590404850n, "Integer", 590404850],
    [true, "Boolean", 1231],
    [false, "Boolean", 1237],
    ["true", "Boolean", 1231],
    [1.5, "Double", 1073217536],
    [" 1.5 ", "Double", 1073217536],
    ["-0.0", "Double", -2147483648],
    ["NaN", "Double", 2146959360],
    ["1e300", "Double", -164130400],
    [590404850n, "Double", 952211566],
  ])("%o as %s → %i", (key, javaType, expected) => {
    expect(javaHashCode(key, javaType)).toBe(expected);
  });

  it.each<[KeyValue, JavaKeyType, string]>([
    ["12a", "Long", 'Cannot hash key "12a" as java.lang.Long: not a decimal integer'],
    ["", "Long", "not a decimal integer"],
    ["9223372036854775808", "Long", "outside the range -2^63 .. 2^63-1"],
    [2 ** 53, "Long", "not a safe integer"],
    [1.5, "Long", "not a safe integer"],
    [true, "Long", "not a decimal integer"],
    ["2147483648", "Integer", "outside the range -2^31 .. 2^31-1"],
    [2 ** 31, "Integer", "outside the range"],
    [1.5, "Integer", "not a decimal integer"],
    ["yes", "Boolean", 'expected true, false, "true" or "false"'],
    ["0x10", "Double", "not a decimal number"],
    ["", "Double", "not a decimal number"],
    [1.5, "String", "only integral numbers have the same text in Java"],
  ])("rejects %o as %s", (key, javaType, message) => {
    expect(() => javaHashCode(key, javaType)).toThrow(KeyTypeError);
    expect(() => javaHashCode(key, javaType)).toThrow(message);
  });
});

describe("javaHashCode properties", () => {
  it("hashes a Long the same whether it arrives as a number, text or BigInt", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const expected = javaHashCode(BigInt(n), "Long");
        expect(javaHashCode(n, "Long")).toBe(expected);
        expect(javaHashCode(String(n), "Long")).toBe(expected);
      }),
    );
  });

  it("agrees with (int)(v ^ (v >>> 32)) done on two 32-bit halves", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (v) => {
        const bits = BigInt.asUintN(64, v);
        const high = Number(bits >> 32n) | 0;
        const low = Number(bits & 0xffffffffn) | 0;
        expect(longHashCode(v)).toBe(high ^ low);
      }),
    );
  });

  it("hashes an int as itself, as Integer and as a non-negative Long", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (n) => {
        expect(javaHashCode(n, "Integer")).toBe(n);
        if (n >= 0) expect(javaHashCode(n, "Long")).toBe(n);
      }),
    );
  });
});
