import { describe, expect, it } from "vitest";
import { cachedPattern, compileJavaPattern, MAX_REGEX_SOURCE, RegexSyntaxError } from "./regex.ts";
import { javaReplace, javaSplit, matchFull } from "./regexOps.ts";

function matches(pattern: string, input: string): boolean {
  return matchFull(compileJavaPattern(pattern), input) !== null;
}

function rejects(pattern: string): string {
  try {
    compileJavaPattern(pattern);
  } catch (e) {
    if (e instanceof RegexSyntaxError) return e.message;
    throw e;
  }
  throw new Error(`accepted ${pattern}`);
}

describe("Java regex translation", () => {
  it("matches the whole input, trying alternatives to reach the end", () => {
    expect(matches("a|ab", "ab")).toBe(true);
    expect(matches("ab", "abc")).toBe(false);
    expect(matches("(?m)a$", "a\nb")).toBe(false);
    expect(matches("(?s)a.b", "a\nb")).toBe(true);
    expect(matches("a.b", "a\nb")).toBe(false);
  });

  it("uses Java's ASCII \\s and POSIX classes", () => {
    expect(matches("\\s", "\u00a0")).toBe(false);
    expect(matches("\\s", "\u000b")).toBe(true);
    expect(matches("[\\s,]+", " ,\t")).toBe(true);
    expect(matches("\\p{Alpha}+\\p{Digit}", "abc1")).toBe(true);
    expect(matches("\\P{Digit}", "a")).toBe(true);
    expect(matches("[\\p{Upper}_]+", "A_B")).toBe(true);
  });

  it("translates quoting, octal, \\e and anchors", () => {
    expect(matches("\\Qa.b*\\E", "a.b*")).toBe(true);
    expect(matches("\\Qa.b", "axb")).toBe(false);
    expect(matches("\\0101", "A")).toBe(true);
    expect(matches("\\x{41}", "A")).toBe(true);
    expect(matches("\\e", "\u001b")).toBe(true);
    expect(matches("\\Aab\\z", "ab")).toBe(true);
    expect(matches("a\\Z", "a")).toBe(true);
  });

  it("reads back references the Java way", () => {
    expect(matches("(a)\\1", "aa")).toBe(true);
    expect(matches("(a)\\10", "aa0")).toBe(true); // only one group: \1 then '0'
    expect(matches("(?<w>x)\\k<w>", "xx")).toBe(true);
    expect(rejects("(a)\\2")).toMatch(/missing group 2/);
    expect(rejects("\\k<w>")).toMatch(/named group <w> does not exist/);
    expect(matches("\\\\1(?:)", "\\1")).toBe(true); // an escaped backslash, then a literal 1
  });

  it("refuses constructs JS would read differently", () => {
    expect(rejects("[a-z&&[^e]]")).toMatch(/nested character classes|intersection/);
    expect(rejects("[ab&&c]")).toMatch(/intersection/);
    expect(rejects("(?>a)")).toMatch(/atomic/);
    expect(rejects("a(?i)b")).toMatch(/unsupported group/);
    expect(rejects("a*+")).toMatch(/possessive/);
    expect(rejects("a{")).toMatch(/illegal repetition/);
    expect(rejects("\\p{L}")).toMatch(/POSIX/);
    expect(rejects("\\h")).toMatch(/unsupported escape/);
    expect(rejects("(?x)a")).toMatch(/inline flag 'x'/);
    expect(rejects("[]a]")).toMatch(/empty character class/);
    expect(rejects("(a")).toMatch(/unclosed group/);
    expect(rejects("a)")).toMatch(/unmatched/);
    expect(rejects("*a")).toMatch(/invalid regular expression/);
  });

  it("refuses catastrophic nesting and over-long patterns", () => {
    expect(rejects("(a+)+")).toMatch(/exponential/);
    expect(rejects("(a*)*b")).toMatch(/exponential/);
    expect(rejects("((ab)*c)*")).toMatch(/exponential/);
    expect(rejects("(a+){2,100}")).toMatch(/exponential/);
    expect(() => compileJavaPattern("(\\d{1,3}\\.){3}\\d{1,3}")).not.toThrow();
    expect(() => compileJavaPattern("(\\d+\\.){3}")).not.toThrow();
    expect(rejects("a".repeat(MAX_REGEX_SOURCE + 1))).toMatch(/longer than/);
  });

  it("caches runtime patterns", () => {
    expect(cachedPattern("a+")).toBe(cachedPattern("a+"));
  });
});

describe("Matcher operations", () => {
  it("splits like String.split", () => {
    const comma = compileJavaPattern(",");
    expect(javaSplit("a,,b,,", comma, 0)).toEqual(["a", "", "b"]);
    expect(javaSplit(",,", comma, 0)).toEqual([]);
    expect(javaSplit("x", comma, 0)).toEqual(["x"]);
    expect(javaSplit("a,b,c", comma, 1)).toEqual(["a,b,c"]);
  });

  it("replaces with Java replacement escapes", () => {
    const digits = compileJavaPattern("(\\d)");
    expect(javaReplace("a1b2", digits, "<$1>", true)).toBe("a<1>b<2>");
    expect(javaReplace("a1b2", digits, "\\$", false)).toBe("a$b2");
    expect(() => javaReplace("a1", digits, "$", true)).toThrow(/group index is missing/);
    expect(() => javaReplace("a1", digits, "\\", true)).toThrow(/escaped is missing/);
    expect(javaReplace("a1", digits, "$11", true)).toBe("a11"); // $1 then literal '1'
  });
});
