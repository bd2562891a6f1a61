import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import { parse } from "./parser.ts";
import { print, printName } from "./printer.ts";

function canonical(source: string): string {
  return print(parse(source));
}

/** Drops `start`/`end` so trees from different sources can be compared. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== "start" && k !== "end") out[k] = strip(v);
    return out;
  }
  return value;
}

function roundTrips(source: string): void {
  const ast: Expr = parse(source);
  expect(strip(parse(print(ast)))).toEqual(strip(ast));
}

describe("printer", () => {
  it("prints canonical spacing and only the parentheses precedence needs", () => {
    expect(canonical("a+b*c")).toBe("a + b * c");
    expect(canonical("(a+b)*c")).toBe("(a + b) * c");
    expect(canonical("a-(b-c)")).toBe("a - (b - c)");
    expect(canonical("(a-b)-c")).toBe("a - b - c");
    expect(canonical("((eventType=='view'))&&(price>200)")).toBe("eventType == 'view' && price > 200");
    expect(canonical("(a||b)&&c")).toBe("(a || b) && c");
    expect(canonical("!(a==b)")).toBe("!(a == b)");
    expect(canonical("(-2)**2")).toBe("(-2) ** 2");
    expect(canonical("-(2**2)")).toBe("-2 ** 2");
    expect(canonical("(2**3)**2")).toBe("(2 ** 3) ** 2");
    expect(canonical("2**(3**2)")).toBe("2 ** 3 ** 2");
    expect(canonical("(a?b:c)?d:e")).toBe("(a ? b : c) ? d : e");
    expect(canonical("a?(b?c:d):(e?f:g)")).toBe("a ? b ? c : d : e ? f : g");
    expect(canonical("a - -b")).toBe("a - -b");
  });

  it("keeps literals as written and quotes strings canonically", () => {
    expect(canonical("0x1F + 1.50 + 1e3 + 100N + .5M")).toBe("0x1F + 1.50 + 1e3 + 100N + .5M");
    expect(canonical(`"it's" + '\\n' + '\\#{x}'`)).toBe(String.raw`'it\'s' + '\n' + '\#{x}'`);
    expect(canonical("s =~ /a\\/b\\d+/")).toBe("s =~ /a\\/b\\d+/");
  });

  it("parenthesises objects that would otherwise lex differently", () => {
    expect(canonical("(x).a")).toBe("(x).a");
    expect(canonical("x.a")).toBe("x.a");
    expect(canonical("f(x).a.b")).toBe("f(x).a.b");
    expect(canonical("xs[0].a")).toBe("xs[0].a");
    expect(canonical("(1).a")).toBe("(1).a");
    expect(canonical("(a + b)[0]")).toBe("(a + b)[0]");
  });

  it("prints lambdas, calls and operator references", () => {
    expect(canonical("reduce(xs,lambda(a,e)->a+e.price end,0)")).toBe(
      "reduce(xs, lambda(a, e) -> a + e.price end, 0)",
    );
    expect(canonical("reduce(xs, +, 0)")).toBe("reduce(xs, +, 0)");
    expect(canonical("f((+))")).toBe("f(+)");
  });

  it("quotes names that are not plain identifier paths", () => {
    expect(printName("data.productId")).toBe("data.productId");
    expect(printName("product id")).toBe("#`product id`");
    expect(printName("nil")).toBe("#`nil`");
    expect(canonical("#`a-b` == 1")).toBe("#`a-b` == 1");
    expect(() => printName("a`b")).toThrow();
  });

  it("round-trips representative expressions", () => {
    for (const source of [
      "eventType == 'view' && productId == first(getEventsForPattern('initial_view')).productId && price < first(getEventsForPattern('initial_view')).price",
      "count(filter(getEventsForPattern('a'), lambda(e) -> e.price > 10 end)) >= 2",
      "a ? b : c ? d : e",
      "x =~ /^(\\d+)-(\\w+)$/ ? $1 : nil",
      "~a & b | c ^ d << 2 >> 1 >>> 3",
      "-(-x) + !(!y) ? 1 : 2",
      "(x).y.z[1]",
      "#`weird name`.x == 1",
    ]) {
      roundTrips(source);
    }
  });
});
