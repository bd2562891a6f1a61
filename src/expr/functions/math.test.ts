import { describe, expect, it } from "vitest";
import { compileExpression, ExprRuntimeError } from "../index.ts";

function ev(source: string, event: Record<string, unknown> = {}): unknown {
  return compileExpression(source).evaluate({ event, getEventsForPattern: () => [] });
}

describe("math functions", () => {
  it("keeps the argument type in math.abs", () => {
    expect(ev("math.abs(-5)")).toBe(5);
    expect(ev("type(math.abs(-5))")).toBe("long");
    expect(ev("math.abs(-2.5)")).toBe(2.5);
    expect(ev("type(math.abs(-2.0))")).toBe("double");
    expect(ev("math.abs(-5N)")).toBe(5n);
    expect(ev("math.abs(-9223372036854775807 - 1)")).toBe(-9223372036854775808n); // Java overflow
  });

  it("rounds half up to a long with math.round", () => {
    expect(ev("math.round(2.5)")).toBe(3);
    expect(ev("math.round(-2.5)")).toBe(-2);
    expect(ev("math.round(2.4)")).toBe(2);
    expect(ev("type(math.round(2.5))")).toBe("long");
    expect(ev("math.round(n)", { n: NaN })).toBe(0);
    expect(ev("math.round(1e30)")).toBe(9223372036854775807n);
  });

  it("returns doubles from floor, ceil and the transcendental functions", () => {
    expect(ev("math.floor(1.7)")).toBe(1);
    expect(ev("type(math.floor(1.7))")).toBe("double");
    expect(ev("math.ceil(1.2)")).toBe(2);
    expect(ev("math.floor(7) / 2")).toBe(3.5);
    expect(ev("math.sqrt(16)")).toBe(4);
    expect(ev("math.pow(2, 10)")).toBe(1024);
    expect(ev("type(math.pow(2, 10))")).toBe("double");
    expect(ev("math.pow(2N, 70)")).toBe(2n ** 70n);
    expect(ev("math.log(1)")).toBe(0);
    expect(ev("math.log10(1000)")).toBe(3);
    expect(ev("math.sin(0) + math.cos(0) + math.tan(0)")).toBe(1);
    expect(ev("math.asin(1) == math.acos(0)")).toBe(true);
    expect(ev("math.atan(0)")).toBe(0);
  });

  it("rejects non-numbers", () => {
    expect(() => ev("math.abs('x')")).toThrow(ExprRuntimeError);
    expect(() => ev("math.sqrt(nil)")).toThrow(/must be a number but was nil/);
  });
});
