import { describe, expect, it } from "vitest";
import { compareValues, javaDoubleCompare, numericStringValue, valuesEqual } from "./compare.ts";
import {
  JBigInt,
  JDouble,
  Kind,
  doubleToLong,
  javaDoubleToString,
  javaToString,
  kindOf,
  makeDouble,
  makeLong,
  toJavaInt,
} from "./values.ts";

describe("value representation", () => {
  it("classifies JS values into Aviator types", () => {
    expect(kindOf(1)).toBe(Kind.Long);
    expect(kindOf(-0)).toBe(Kind.Long);
    expect(kindOf(1.5)).toBe(Kind.Double);
    expect(kindOf(NaN)).toBe(Kind.Double);
    expect(kindOf(2 ** 60)).toBe(Kind.Double);
    expect(kindOf(new JDouble(2))).toBe(Kind.Double);
    expect(kindOf(2n ** 60n)).toBe(Kind.Long);
    expect(kindOf(2n ** 63n)).toBe(Kind.BigInt);
    expect(kindOf(new JBigInt(1n))).toBe(Kind.BigInt);
    expect(kindOf(undefined)).toBe(Kind.Nil);
    expect(kindOf({})).toBe(Kind.Map);
    expect(kindOf(Object.create(null))).toBe(Kind.Map);
    expect(kindOf(new Date())).toBe(Kind.Other);
    expect(kindOf(() => 1)).toBe(Kind.Other);
  });

  it("boxes integral doubles and wraps longs to 64 bits", () => {
    expect(makeDouble(2)).toBeInstanceOf(JDouble);
    expect(makeDouble(2.5)).toBe(2.5);
    expect(makeLong(2n ** 63n)).toBe(-(2n ** 63n));
    expect(makeLong(5n)).toBe(5);
  });

  it("converts like Java casts", () => {
    expect(doubleToLong(NaN)).toBe(0);
    expect(doubleToLong(1e300)).toBe(2n ** 63n - 1n);
    expect(doubleToLong(-1e300)).toBe(-(2n ** 63n));
    expect(doubleToLong(-2.7)).toBe(-2);
    expect(toJavaInt(2 ** 32 + 5)).toBe(5);
    expect(toJavaInt(1e20)).toBe(2147483647);
    expect(toJavaInt(2n ** 40n + 7n)).toBe(7);
  });

  it("formats doubles like Double.toString", () => {
    expect(javaDoubleToString(1)).toBe("1.0");
    expect(javaDoubleToString(1234567)).toBe("1234567.0");
    expect(javaDoubleToString(12345678)).toBe("1.2345678E7");
    expect(javaDoubleToString(0.001)).toBe("0.001");
    expect(javaDoubleToString(0.0001)).toBe("1.0E-4");
    expect(javaDoubleToString(-1.5e-10)).toBe("-1.5E-10");
    expect(javaDoubleToString(1e21)).toBe("1.0E21");
    expect(javaToString(new JDouble(3))).toBe("3.0");
    expect(javaToString(-0)).toBe("0");
  });
});

describe("comparison primitives", () => {
  it("implements Double.compare", () => {
    expect(javaDoubleCompare(NaN, Infinity)).toBe(1);
    expect(javaDoubleCompare(NaN, NaN)).toBe(0);
    expect(javaDoubleCompare(-0, 0)).toBe(-1);
    expect(javaDoubleCompare(1, 2)).toBe(-1);
  });

  it("reads numeric strings exactly", () => {
    expect(numericStringValue("2232732093077520756")?.value).toBe(2232732093077520756n);
    expect(numericStringValue("-12")?.value).toBe(-12);
    expect(numericStringValue("1.5")).toEqual({ value: 1.5, kind: Kind.Double });
    expect(numericStringValue(" 1")).toBeUndefined();
    expect(numericStringValue("1e5x")).toBeUndefined();
    expect(numericStringValue("")).toBeUndefined();
    // Beyond a double's range: a plain string, which (as in Aviator) does not compare with a number.
    expect(numericStringValue("1e400")).toBeUndefined();
    expect(numericStringValue("-1.5E999")).toBeUndefined();
    expect(numericStringValue("1e-400")).toEqual({ value: 0, kind: Kind.Double });
    expect(valuesEqual("1e400", Number.POSITIVE_INFINITY)).toBe(false);
    expect(compareValues("1e400", 1)).toBeNaN();
  });

  it("is antisymmetric across types", () => {
    const values: unknown[] = [
      null,
      1,
      2.5,
      new JDouble(2),
      3n ** 40n,
      new JBigInt(2n),
      "2",
      "abc",
      true,
      false,
      [1],
    ];
    for (const a of values) {
      for (const b of values) {
        const ab = compareValues(a, b);
        const ba = compareValues(b, a);
        if (Number.isNaN(ab)) expect(ba).toBeNaN();
        else expect(Math.sign(ab)).toBe(-Math.sign(ba) || 0);
      }
    }
    expect(valuesEqual(new JDouble(2), "2")).toBe(true);
  });
});
