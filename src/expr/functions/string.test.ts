import { describe, expect, it } from "vitest";
import { compileExpression, ExprRuntimeError } from "../index.ts";

function ev(source: string, event: Record<string, unknown> = {}): unknown {
  return compileExpression(source).evaluate({ event, getEventsForPattern: () => [] });
}

function fails(source: string, event: Record<string, unknown> = {}): string {
  try {
    ev(source, event);
  } catch (e) {
    if (e instanceof ExprRuntimeError) return e.detail;
    throw e;
  }
  throw new Error(`no error for ${source}`);
}

describe("string functions", () => {
  it("tests containment and affixes", () => {
    expect(ev("string.contains(s, 'ell')", { s: "hello" })).toBe(true);
    expect(ev("string.contains(s, 'xyz')", { s: "hello" })).toBe(false);
    expect(ev("string.startsWith(s, 'he')", { s: "hello" })).toBe(true);
    expect(ev("string.endsWith(s, 'lo')", { s: "hello" })).toBe(true);
    expect(ev("string.indexOf(s, 'l')", { s: "hello" })).toBe(2);
    expect(ev("string.indexOf(s, 'z')", { s: "hello" })).toBe(-1);
    expect(ev("string.length(s)", { s: "héllo" })).toBe(5);
  });

  it("fails on nil or non-string arguments, like Aviator's casts", () => {
    expect(fails("string.contains(missing, 'a')")).toBe(
      "string.contains: argument 1 must be a string but was nil",
    );
    expect(fails("string.length(5)")).toMatch(/must be a string but was long 5/);
  });

  it("takes substrings with Java's bounds checks", () => {
    expect(ev("string.substring('hello', 1)")).toBe("ello");
    expect(ev("string.substring('hello', 1, 3)")).toBe("el");
    expect(ev("string.substring('hello', 1.9, 3)")).toBe("el"); // intValue truncates
    expect(fails("string.substring('hello', 3, 1)")).toMatch(/begin 3, end 1/);
    expect(fails("string.substring('hello', 0, 9)")).toMatch(/length 5/);
  });

  it("splits with Java String.split semantics", () => {
    expect(ev("string.split('a,b,,c,,', ',')")).toEqual(["a", "b", "", "c"]);
    expect(ev("string.split('a,b,,c,,', ',', -1)")).toEqual(["a", "b", "", "c", "", ""]);
    expect(ev("string.split('a,b,c', ',', 2)")).toEqual(["a", "b,c"]);
    expect(ev("string.split('abc', '')")).toEqual(["a", "b", "c"]);
    expect(ev("string.split(',a', ',')")).toEqual(["", "a"]);
    expect(ev("string.split('a1b22c', '\\\\d+')")).toEqual(["a", "b", "c"]);
    expect(ev("string.split('', ',')")).toEqual([""]);
    expect(ev("string.split('abc', 'x')")).toEqual(["abc"]);
  });

  it("joins seqs with Java formatting", () => {
    expect(ev("string.join(xs, '-')", { xs: ["a", 1, null, 2.5] })).toBe("a-1-null-2.5");
    expect(ev("string.join(xs)", { xs: ["a", "b"] })).toBe("ab");
    expect(fails("string.join('abc', ',')")).toMatch(/is not a seq/);
  });

  it("replaces with Java regex and replacement syntax", () => {
    expect(ev("string.replace_all('a1b22', '\\\\d', '#')")).toBe("a#b##");
    expect(ev("string.replace_first('a1b22', '\\\\d+', '#')")).toBe("a#b22");
    expect(ev("string.replace_all('john smith', '(\\\\w+) (\\\\w+)', '$2, $1')")).toBe("smith, john");
    expect(ev("string.replace_all('abc', 'x*', '-')")).toBe("-a-b-c-");
    expect(ev("string.replace_all('a.b', '\\\\.', '\\\\$')")).toBe("a$b");
    expect(ev("string.replace_all('2024-01', '(?<y>\\\\d+)-(?<m>\\\\d+)', '${m}/${y}')")).toBe("01/2024");
    expect(fails("string.replace_all('abc', 'b', '$1')")).toBe("No group 1");
    expect(fails("string.replace_all('abc', '(', 'x')")).toMatch(/string.replace_all: /);
  });
});
