import { describe, expect, it } from "vitest";
import { compileExpression, ExprRuntimeError, ExprSyntaxError, type ExprEnvironment } from "./index.ts";

type Event = Record<string, unknown>;

function env(event: Event = {}, stages: Record<string, Event[]> = {}, config?: Event): ExprEnvironment {
  return { event, getEventsForPattern: (name) => stages[name] ?? [], config };
}

function ev(source: string, event: Event = {}, stages: Record<string, Event[]> = {}): unknown {
  return compileExpression(source).evaluate(env(event, stages));
}

function runtimeError(source: string, event: Event = {}): ExprRuntimeError {
  try {
    compileExpression(source).evaluate(env(event));
  } catch (e) {
    if (e instanceof ExprRuntimeError) return e;
    throw e;
  }
  throw new Error(`no error for ${source}`);
}

describe("literals", () => {
  it("evaluates numbers with Aviator's types", () => {
    expect(ev("42")).toBe(42);
    expect(ev("0x1F")).toBe(31);
    expect(ev("0xFFFFFFFFFFFFFFFF")).toBe(-1); // hex accumulates in a long and wraps
    expect(ev("1.5")).toBe(1.5);
    expect(ev("type(2.0)")).toBe("double");
    expect(ev("type(2)")).toBe("long");
    expect(ev("type(100N)")).toBe("bigint");
    expect(ev("100N")).toBe(100n);
    expect(ev("type(9223372036854775807)")).toBe("long");
    expect(ev("type(9223372036854775808)")).toBe("bigint"); // beyond the long range
    expect(ev("9007199254740993")).toBe(9007199254740993n); // exact digits beyond 2^53
    expect(ev("type(1.5M)")).toBe("double"); // decimals are evaluated as doubles here
  });

  it("computes decimal literals the way Aviator's lexer does", () => {
    expect(ev("99.99")).toBe(99.99000000000001);
    expect(ev("price == 99.99", { price: 99.99 })).toBe(false);
    expect(ev("price < 99.99", { price: 99.99 })).toBe(true);
    expect(ev("1e-7")).toBe(1.0000000000000002e-7);
    expect(ev("1130.02")).toBe(1130.02);
  });

  it("evaluates strings, booleans and nil", () => {
    expect(ev("'a\\tb'")).toBe("a\tb");
    expect(ev("true")).toBe(true);
    expect(ev("nil")).toBe(null);
    expect(ev("missing")).toBe(null);
  });
});

describe("arithmetic", () => {
  it("divides longs with truncation and doubles exactly", () => {
    expect(ev("7 / 2")).toBe(3);
    expect(ev("-7 / 2")).toBe(-3);
    expect(ev("7.0 / 2")).toBe(3.5);
    expect(ev("7 / 2.0")).toBe(3.5);
    expect(ev("price * 1.0 / 3", { price: 9 })).toBe(3);
    expect(ev("type(price * 1.0 / 3)", { price: 9 })).toBe("double");
    expect(ev("price * 1.0 / 4", { price: 9 })).toBe(2.25);
    expect(ev("7 % 3")).toBe(1);
    expect(ev("-7 % 3")).toBe(-1);
    expect(ev("7.5 % 2")).toBe(1.5);
    expect(ev("1 / 0.0")).toBe(Infinity);
  });

  it("fails integer division by zero", () => {
    expect(runtimeError("1 / 0").detail).toBe("/ by zero");
    expect(runtimeError("1 % 0").detail).toBe("/ by zero");
    expect(runtimeError("1N / 0").detail).toMatch(/divide by zero/);
  });

  it("wraps long overflow like Java and keeps bigints exact", () => {
    expect(ev("9223372036854775807 + 1")).toBe(-9223372036854775808n);
    expect(ev("x * x", { x: 4294967296 })).toBe(0); // 2^64 wraps to 0
    expect(ev("9007199254740991 + 2")).toBe(9007199254740993n);
    expect(ev("9223372036854775807N + 1")).toBe(9223372036854775808n);
    expect(ev("type(1N + 1)")).toBe("bigint");
    expect(ev("-7N % 3")).toBe(2n); // BigInteger.mod is non-negative
    expect(runtimeError("7N % -3").detail).toMatch(/modulus not positive/);
    expect(ev("10N / 3")).toBe(3n);
    expect(ev("1N + 0.5")).toBe(1.5);
    expect(ev("-9223372036854775808")).toBe(-9223372036854775808n);
  });

  it("concatenates when either side is a string, formatting like Java", () => {
    expect(ev("'a' + 1")).toBe("a1");
    expect(ev("'a' + 1.0")).toBe("a1.0");
    expect(ev("1.5 + 'a'")).toBe("1.5a");
    expect(ev("'a' + 1e10")).toBe("a1.0E10");
    expect(ev("'a' + nil")).toBe("anull");
    expect(ev("nil + 'a'")).toBe("nulla");
    expect(ev("true + 'a'")).toBe("truea");
    expect(ev("'n=' + xs", { xs: [1, "b", null] })).toBe("n=[1, b, null]");
    expect(ev("'m=' + m", { m: { a: 1 } })).toBe("m={a=1}");
    expect(ev("/a+/ + 'x'")).toBe("a+x");
    expect(ev("1 + 2 + 'a'")).toBe("3a");
    expect(ev("'a' + 1 + 2")).toBe("a12");
  });

  it("rejects arithmetic on nil, booleans and collections", () => {
    expect(runtimeError("x + 1").detail).toBe("could not add nil with long 1");
    expect(runtimeError("x - 1").detail).toMatch(/could not sub nil/);
    expect(runtimeError("true * 2").detail).toMatch(/could not mult boolean true/);
    expect(runtimeError("xs + 'a'", { xs: [] }).detail).toMatch(/could not add seq/);
    expect(runtimeError("-'a'").detail).toMatch(/doesn't support negative/);
    expect(runtimeError("'5' * 2").detail).toMatch(/could not mult string '5'/);
  });

  it("supports ** and bitwise operators on longs", () => {
    expect(ev("2 ** 10")).toBe(1024);
    expect(ev("type(2 ** 10)")).toBe("long");
    expect(ev("2 ** -1")).toBe(0.5);
    expect(ev("2.0 ** 2")).toBe(4);
    expect(ev("type(2.0 ** 2)")).toBe("double");
    expect(ev("2N ** 100")).toBe(2n ** 100n);
    expect(ev("6 & 3")).toBe(2);
    expect(ev("6 | 3")).toBe(7);
    expect(ev("6 ^ 3")).toBe(5);
    expect(ev("~5")).toBe(-6);
    expect(ev("1 << 62")).toBe(4611686018427387904n);
    expect(ev("1 << 64")).toBe(1); // Java masks long shift counts to 6 bits
    expect(ev("-8 >> 1")).toBe(-4);
    expect(ev("-1 >>> 60")).toBe(15);
    expect(runtimeError("1.5 & 1").detail).toMatch(/could not apply '&'/);
    expect(runtimeError("2N ** 1000000").detail).toMatch(/exceeds/);
    expect(ev("1N << 100")).toBe(2n ** 100n);
    expect(ev("-8N >> 1")).toBe(-4n);
    expect(runtimeError("1N >> -2000000000").detail).toMatch(/exceeds/);
    expect(runtimeError("1N << 2000000000").detail).toMatch(/exceeds/);
    expect(runtimeError("1 << 2N").detail).toMatch(/could not apply '<<'/);
  });
});

describe("comparisons", () => {
  it("compares numbers across long, double and bigint exactly", () => {
    expect(ev("1 == 1.0")).toBe(true);
    expect(ev("3 > 2.5")).toBe(true);
    expect(ev("9007199254740993 > 9007199254740992")).toBe(true);
    expect(ev("9007199254740993 == 9007199254740992")).toBe(false);
    expect(ev("100N == 100")).toBe(true);
    expect(ev("x < 9223372036854775808", { x: 9223372036854775807n })).toBe(true);
  });

  it("follows Double.compare for NaN and -0.0", () => {
    expect(ev("n == n", { n: NaN })).toBe(true);
    expect(ev("n > 1", { n: NaN })).toBe(true);
    expect(ev("n >= 1", { n: NaN })).toBe(true);
    expect(ev("n < 1", { n: NaN })).toBe(false);
    expect(ev("1 < n", { n: NaN })).toBe(true);
    expect(ev("-0.0 < 0.0")).toBe(true);
    expect(ev("-0.0 == 0")).toBe(false);
  });

  it("compares strings lexicographically and booleans false < true", () => {
    expect(ev("'abc' < 'abd'")).toBe(true);
    expect(ev("'B' < 'a'")).toBe(true);
    expect(ev("'10' < '9'")).toBe(true);
    expect(ev("name >= 'm'", { name: "zed" })).toBe(true);
    expect(ev("false < true")).toBe(true);
  });

  it("treats digit strings as exact integers against numbers (project rule)", () => {
    const id = { categoryId: "2232732093077520756" };
    expect(ev("categoryId == 2232732093077520756", id)).toBe(true);
    expect(ev("categoryId == 2232732093077520757", id)).toBe(false);
    expect(ev("2232732093077520756 == categoryId", id)).toBe(true);
    expect(ev("categoryId != 2232732093077520757", id)).toBe(true);
    expect(ev("categoryId > 2232732093077520755", id)).toBe(true);
    expect(ev("categoryId < 2232732093077520757", id)).toBe(true);
    expect(ev("'0042' == 42")).toBe(true);
    expect(ev("price > 1000", { price: "1130.02" })).toBe(true);
    expect(ev("price == 1130.02", { price: "1130.02" })).toBe(true);
    expect(ev("'99999999999999999999' > 9223372036854775807")).toBe(true);
  });

  it("keeps other mixed-type pairs unequal, and fails ordering them", () => {
    expect(ev("'abc' == 1")).toBe(false);
    expect(ev("'abc' != 1")).toBe(true);
    expect(ev("true == 1")).toBe(false);
    expect(ev("xs == 'a'", { xs: [] })).toBe(false);
    expect(runtimeError("'abc' < 1").detail).toBe("could not compare string 'abc' with long 1");
    expect(runtimeError("true > 1").detail).toMatch(/could not compare boolean true/);
  });

  it("orders nil below everything and equal only to nil", () => {
    expect(ev("nil == nil")).toBe(true);
    expect(ev("missing == nil")).toBe(true);
    expect(ev("missing != nil")).toBe(false);
    expect(ev("x == nil", { x: 0 })).toBe(false);
    expect(ev("nil < 1")).toBe(true);
    expect(ev("1 > nil")).toBe(true);
    expect(ev("'' > nil")).toBe(true);
    expect(ev("missing < 0")).toBe(true);
    expect(ev("missing > 0")).toBe(false);
    expect(ev("nil >= nil")).toBe(true);
  });

  it("compares lists and maps structurally for ==", () => {
    expect(ev("a == b", { a: [1, "x"], b: [1, "x"] })).toBe(true);
    expect(ev("a == b", { a: [1], b: [2] })).toBe(false);
    expect(ev("a == b", { a: { k: 1 }, b: { k: 1.0 } })).toBe(true);
    expect(runtimeError("a < b", { a: [1], b: [2] }).detail).toMatch(/could not compare seq/);
  });
});

describe("logic", () => {
  it("short-circuits && and ||", () => {
    expect(ev("false && (1 / 0 == 1)")).toBe(false);
    expect(ev("true || (1 / 0 == 1)")).toBe(true);
    expect(ev("true && false || true")).toBe(true);
  });

  it("requires boolean operands, like Aviator's booleanValue", () => {
    expect(runtimeError("missing && true").detail).toBe("operands of '&&' must be booleans, but this is nil");
    expect(runtimeError("true && 1").detail).toMatch(/must be booleans, but this is long 1/);
    expect(runtimeError("false || 'x'").detail).toMatch(/string 'x'/);
    expect(runtimeError("!1").detail).toBe("'!' needs a boolean but got long 1");
    expect(runtimeError("1 ? 2 : 3").detail).toMatch(/condition of '\?:' must be a boolean/);
  });

  it("evaluates the ternary lazily", () => {
    expect(ev("x > 1 ? 'big' : 1 / 0", { x: 5 })).toBe("big");
    expect(ev("x > 1 ? 'big' : 'small'", { x: 0 })).toBe("small");
  });
});

describe("regex match", () => {
  it("requires a full match (Matcher.matches)", () => {
    expect(ev("s =~ /abc/", { s: "abc" })).toBe(true);
    expect(ev("s =~ /abc/", { s: "xabcx" })).toBe(false);
    expect(ev("s =~ /a|ab/", { s: "ab" })).toBe(true);
    expect(ev("s =~ /(?i)hello/", { s: "HeLLo" })).toBe(true);
    expect(ev("missing =~ /a/")).toBe(false);
    expect(runtimeError("n =~ /1/", { n: 1 }).detail).toMatch(/could not match/);
  });

  it("exposes groups as $0..$n after a successful match", () => {
    const src = "email =~ /([\\w.]+)@(\\w+)\\.com/ ? $1 + ' at ' + $2 : 'no'";
    expect(ev(src, { email: "bob.x@example.com" })).toBe("bob.x at example");
    expect(ev(src, { email: "nope" })).toBe("no");
    expect(ev("s =~ /(a)(b)?/ && $2 == nil && $0 == 'a'", { s: "a" })).toBe(true);
    expect(ev("$1", { $1: "field" })).toBe("field"); // without a match, $1 is an ordinary name
  });

  it("rejects non-regex right sides", () => {
    expect(() => compileExpression("s =~ 'abc'")).toThrow(ExprSyntaxError);
    expect(runtimeError("s =~ p", { s: "a", p: "a" }).detail).toMatch(/must be a regular expression/);
  });

  it("bounds the subject length", () => {
    expect(runtimeError("s =~ /a*/", { s: "a".repeat(20_000) }).detail).toMatch(/too long for a regex/);
  });
});

describe("runtime error positions", () => {
  it("points at the failing sub-expression", () => {
    const e = runtimeError("a == 1 &&\n  b + 1 > 2", { a: 1 });
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(e.message).toBe("2:3: could not add nil with long 1");
  });
});
