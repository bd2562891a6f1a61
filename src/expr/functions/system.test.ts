import { describe, expect, it } from "vitest";
import { builtinFunctionDocs, builtinFunctionNames, compileExpression } from "../index.ts";

function ev(source: string, event: Record<string, unknown> = {}): unknown {
  return compileExpression(source).evaluate({ event, getEventsForPattern: () => [] });
}

describe("conversion and utility functions", () => {
  it("converts with long()", () => {
    expect(ev("long('42')")).toBe(42);
    expect(ev("long('-9223372036854775808')")).toBe(-9223372036854775808n);
    expect(ev("long(3.99)")).toBe(3);
    expect(ev("long(-3.99)")).toBe(-3);
    expect(ev("long(true)")).toBe(1);
    expect(ev("long(id) == 2232732093077520756", { id: "2232732093077520756" })).toBe(true);
    expect(() => ev("long('4.2')")).toThrow(/for input string/);
    expect(() => ev("long('9223372036854775808')")).toThrow(/out of range/);
    expect(() => ev("long(nil)")).toThrow(/could not cast nil/);
  });

  it("converts with double() and bigint()", () => {
    expect(ev("double(3)")).toBe(3);
    expect(ev("type(double(3))")).toBe("double");
    expect(ev("double(3) / 2")).toBe(1.5);
    expect(ev("double(' 2.5 ')")).toBe(2.5);
    expect(ev("double('1e3')")).toBe(1000);
    expect(ev("double('NaN') == double('NaN')")).toBe(true);
    expect(ev("double('2.5d')")).toBe(2.5);
    expect(() => ev("double('abc')")).toThrow(/for input string/);
    expect(ev("bigint('123456789012345678901234567890')")).toBe(123456789012345678901234567890n);
    expect(ev("type(bigint(5))")).toBe("bigint");
    expect(ev("bigint(5.7)")).toBe(5n);
  });

  it("formats with str() like Java's String.valueOf", () => {
    expect(ev("str(1)")).toBe("1");
    expect(ev("str(1.0)")).toBe("1.0");
    expect(ev("str(0.001)")).toBe("0.001");
    expect(ev("str(1e-4)")).toBe("1.0E-4");
    expect(ev("str(12345678.9)")).toBe("1.23456789E7");
    expect(ev("str(nil)")).toBe("null");
    expect(ev("str(true)")).toBe("true");
    expect(ev("str(-0.0)")).toBe("-0.0");
    expect(ev("str(1.0 / 0)")).toBe("Infinity");
    expect(ev("str(xs)", { xs: [1, [2.0, "a"]] })).toBe("[1, [2, a]]");
  });

  it("answers boolean(), type(), identity(), min() and max()", () => {
    expect(ev("boolean(nil)")).toBe(false);
    expect(ev("boolean('false')")).toBe(true);
    expect(ev("boolean(false)")).toBe(false);
    expect(ev("type('a') + type(nil) + type(true) + type(/x/) + type(lambda(x) -> x end)")).toBe(
      "stringnilbooleanpatternfunction",
    );
    expect(ev("type(xs)", { xs: [] })).toBe("java.util.List");
    expect(ev("identity(5)")).toBe(5);
    expect(ev("min(3, 1.5, 2)")).toBe(1.5);
    expect(ev("max(3, 1.5, 2)")).toBe(3);
    expect(ev("max(nil, 2)")).toBe(2);
    expect(ev("min(2, nil)")).toBe(null);
    expect(ev("max()")).toBe(null);
    expect(() => ev("max(1, 'a')")).toThrow(/could not compare/);
  });

  it("publishes the builtin names and docs for completion", () => {
    expect(builtinFunctionNames).toContain("string.contains");
    expect(builtinFunctionNames).toContain("getEventsForPattern");
    expect(builtinFunctionNames).toContain("math.floor");
    expect([...builtinFunctionNames].sort()).toEqual(builtinFunctionNames);
    expect(builtinFunctionDocs.find((d) => d.name === "reduce")).toMatchObject({ minArgs: 3, maxArgs: 3 });
  });
});
