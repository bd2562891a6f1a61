import { describe, expect, it } from "vitest";
import { compileExpression, ExprRuntimeError } from "../index.ts";

function ev(source: string, event: Record<string, unknown> = {}): unknown {
  return compileExpression(source).evaluate({ event, getEventsForPattern: () => [] });
}

const items = { xs: [3, 1, 2], people: [{ age: 30 }, { age: 17 }, { age: 45 }], none: [] };

describe("sequence functions", () => {
  it("counts seqs, strings and maps; nil counts as empty", () => {
    expect(ev("count(xs)", items)).toBe(3);
    expect(ev("count('abc')")).toBe(3);
    expect(ev("count(m)", { m: { a: 1, b: 2 } })).toBe(2);
    expect(ev("count(missing)")).toBe(0);
    expect(ev("is_empty(none)", items)).toBe(true);
    expect(ev("is_empty(xs)", items)).toBe(false);
    expect(() => ev("count(5)")).toThrow(/is not a sequence/);
  });

  it("filters, maps and reduces with lambdas", () => {
    expect(ev("filter(xs, lambda(x) -> x > 1 end)", items)).toEqual([3, 2]);
    expect(ev("map(xs, lambda(x) -> x * 10 end)", items)).toEqual([30, 10, 20]);
    expect(ev("reduce(xs, lambda(acc, x) -> acc + x end, 0)", items)).toBe(6);
    expect(ev("reduce(xs, *, 1)", items)).toBe(6);
    expect(ev("filter(missing, lambda(x) -> true end)")).toBe(null);
    expect(ev("reduce(missing, +, 42)")).toBe(42);
    expect(() => ev("filter(xs, lambda(x) -> x end)", items)).toThrow(/must return a boolean/);
    expect(() => ev("map(xs, 5)", items)).toThrow(/must be a function/);
  });

  it("answers every / not_any / some like Aviator (some returns the element)", () => {
    expect(ev("seq.every(people, lambda(p) -> p.age > 10 end)", items)).toBe(true);
    expect(ev("seq.not_any(people, lambda(p) -> p.age > 50 end)", items)).toBe(true);
    expect(ev("seq.some(people, lambda(p) -> p.age < 18 end)", items)).toEqual({ age: 17 });
    expect(ev("seq.some(people, lambda(p) -> p.age > 99 end)", items)).toBe(null);
    expect(ev("seq.every(missing, lambda(p) -> false end)")).toBe(true);
  });

  it("tests membership with == semantics", () => {
    expect(ev("include(xs, 2)", items)).toBe(true);
    expect(ev("include(xs, 2.0)", items)).toBe(true);
    expect(ev("include(xs, 9)", items)).toBe(false);
    expect(ev("include(seq.list('view', 'cart'), eventType)", { eventType: "cart" })).toBe(true);
    expect(ev("include(missing, 1)")).toBe(false);
  });

  it("sorts and reverses copies, and finds extremes", () => {
    expect(ev("sort(xs)", items)).toEqual([1, 2, 3]);
    expect(items.xs).toEqual([3, 1, 2]);
    expect(ev("reverse(xs)", items)).toEqual([2, 1, 3]);
    expect(ev("seq.min(xs)", items)).toBe(1);
    expect(ev("seq.max(xs)", items)).toBe(3);
    expect(ev("seq.max(seq.list(1, nil, 5))")).toBe(5);
    expect(ev("seq.min(seq.list(1, nil, 5))")).toBe(null);
    expect(() => ev("sort(seq.list(1, 'a'))")).toThrow(ExprRuntimeError);
    expect(() => ev("sort(seq.list(2, nil))")).toThrow(/containing nil/);
  });

  it("gets elements by index or key", () => {
    expect(ev("seq.get(xs, 0)", items)).toBe(3);
    expect(ev("seq.get(m, 'a')", { m: { a: 1 } })).toBe(1);
    expect(ev("seq.get(m, 'z')", { m: { a: 1 } })).toBe(null);
    expect(() => ev("seq.get(xs, 5)", items)).toThrow(/out of bounds/);
    expect(() => ev("seq.get(missing, 0)")).toThrow(/collection is nil/);
    expect(ev("seq.contains_key(m, 'a')", { m: { a: 1 } })).toBe(true);
    expect(ev("seq.contains_key(xs, 3)", items)).toBe(false);
    expect(ev("first(xs)", items)).toBe(3);
    expect(ev("last(xs)", items)).toBe(2);
    expect(ev("first(none)", items)).toBe(null);
    expect(ev("last(missing)")).toBe(null);
    expect(ev("xs[2]", items)).toBe(2);
    expect(() => ev("xs[3]", items)).toThrow(/out of bounds/);
    expect(() => ev("missing[0]")).toThrow(/nil is not an array/);
  });

  it("iterates strings as characters and maps as entries", () => {
    expect(ev("map('ab', lambda(c) -> c + '!' end)")).toEqual(["a!", "b!"]);
    expect(ev("map(m, lambda(e) -> e.key + '=' + e.value end)", { m: { a: 1, b: 2 } })).toEqual([
      "a=1",
      "b=2",
    ]);
  });

  it("builds predicates with seq.gt & co", () => {
    expect(ev("filter(xs, seq.gt(1))", items)).toEqual([3, 2]);
    expect(ev("filter(people, seq.ge(30, 'age'))", items)).toEqual([{ age: 30 }, { age: 45 }]);
    expect(ev("filter(seq.list(1, nil, 2), seq.exists())")).toEqual([1, 2]);
    expect(ev("filter(seq.list(1, nil), seq.nil())")).toEqual([null]);
    expect(ev("filter(xs, seq.and(seq.gt(1), seq.lt(3)))", items)).toEqual([2]);
    expect(ev("filter(xs, seq.or(seq.eq(1), seq.eq(3)))", items)).toEqual([3, 1]);
    expect(ev("seq.and()")).toBe(true);
    expect(ev("count(filter(seq.list(true, false), seq.true()))")).toBe(1);
  });

  it("reads the partial match through getEventsForPattern", () => {
    const c = compileExpression("count(getEventsForPattern('a'))");
    expect(c.evaluate({ event: {}, getEventsForPattern: (n) => (n === "a" ? [{}, {}] : []) })).toBe(2);
    expect(() => ev("getEventsForPattern(1)")).toThrow(/must be a string/);
  });
});
