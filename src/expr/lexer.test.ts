import { describe, expect, it } from "vitest";
import { ExprSyntaxError } from "./errors.ts";
import { Lexer, MAX_SOURCE_LENGTH, type Token } from "./lexer.ts";

function tokens(source: string): Token[] {
  const lexer = new Lexer(source);
  const out: Token[] = [];
  for (let t = lexer.next(); t.kind !== "eof"; t = lexer.next()) out.push(t);
  return out;
}

function texts(source: string): string[] {
  return tokens(source).map((t) => `${t.kind}:${t.text}`);
}

function lexError(source: string): ExprSyntaxError {
  try {
    tokens(source);
  } catch (e) {
    if (e instanceof ExprSyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${source}`);
}

describe("lexer", () => {
  it("reads numbers in every Aviator form", () => {
    expect(texts("42 0x1F 1.5 .5 5. 1e3 1E-3 100N 1.5M 7M")).toEqual([
      "number:42",
      "number:0x1F",
      "number:1.5",
      "number:.5",
      "number:5.",
      "number:1e3",
      "number:1E-3",
      "number:100N",
      "number:1.5M",
      "number:7M",
    ]);
  });

  it("refuses number shapes Aviator would misread", () => {
    expect(lexError("1e+5").detail).toMatch(/'\+' is not allowed in an exponent/);
    expect(lexError("1e").detail).toMatch(/exponent needs at least one digit/);
    expect(lexError("1.5N").detail).toMatch(/must be an integer/);
    expect(lexError("0x").detail).toMatch(/hexadecimal/);
    expect(lexError("12abc").detail).toMatch(/malformed number/);
    expect(lexError("1.2.3").detail).toMatch(/malformed number/);
    expect(lexError("9".repeat(500)).detail).toMatch(/longer than/);
  });

  it("reads strings with Aviator's escapes", () => {
    const [t] = tokens(String.raw`'a\'b\n\t\\\#{x}' "q\"d"`);
    expect(t?.text).toBe("a'b\n\t\\#{x}");
    expect(tokens(String.raw`"q\"d"`)[0]?.text).toBe('q"d');
    expect(tokens("'line1\nline2'")[0]?.text).toBe("line1\nline2");
  });

  it("refuses unknown escapes, interpolation and unterminated strings", () => {
    expect(lexError(String.raw`'\u0041'`).detail).toMatch(/unsupported escape '\\u'/);
    expect(lexError(String.raw`'\"'`).detail).toMatch(/unsupported escape/);
    expect(lexError("'#{x}'").detail).toMatch(/interpolation/);
    const e = lexError("a == 'abc");
    expect([e.line, e.column]).toEqual([1, 6]);
    expect(e.detail).toBe("unterminated string literal");
  });

  it("reads dotted names, quoted names and $captures", () => {
    expect(texts("data.productId a.b.c $1 _x héllo")).toEqual([
      "name:data.productId",
      "name:a.b.c",
      "name:$1",
      "name:_x",
      "name:héllo",
    ]);
    const [q1, q2] = tokens("#`product id` #data.x");
    expect([q1?.text, q1?.quoted, q2?.text, q2?.quoted]).toEqual(["product id", true, "data.x", true]);
    expect(lexError("#").detail).toMatch(/blank name/);
  });

  it("stops a name at a dot that is not followed by a segment", () => {
    expect(texts("f(x).price")).toEqual(["name:f", "punct:(", "name:x", "punct:)", "punct:.", "name:price"]);
  });

  it("tells regex literals from division by position", () => {
    expect(texts("a / b")).toEqual(["name:a", "punct:/", "name:b"]);
    expect(texts("s =~ /a\\/b/")).toEqual(["name:s", "punct:=~", "regex:a\\/b"]);
    expect(texts("(a) / /x/")).toEqual(["punct:(", "name:a", "punct:)", "punct:/", "regex:x"]);
    expect(texts("reduce(xs, /, 1)")).toEqual([
      "name:reduce",
      "punct:(",
      "name:xs",
      "punct:,",
      "punct:/",
      "punct:,",
      "number:1",
      "punct:)",
    ]);
    expect(lexError("s =~ /abc").detail).toMatch(/unterminated regular expression/);
  });

  it("reads the longest operator first and skips ## comments", () => {
    expect(texts("a >>> b ** c <= d != e =~ f && g || h -> ## comment\n i")).toEqual([
      "name:a",
      "punct:>>>",
      "name:b",
      "punct:**",
      "name:c",
      "punct:<=",
      "name:d",
      "punct:!=",
      "name:e",
      "punct:=~",
      "name:f",
      "punct:&&",
      "name:g",
      "punct:||",
      "name:h",
      "punct:->",
      "name:i",
    ]);
  });

  it("reports stray characters with their position", () => {
    const e = lexError("a == 1 &&\n  b @ c");
    expect(e.message).toBe("2:5: unexpected character '@'");
    expect(lexError("a = 1").detail).toMatch(/use '==' to compare/);
    expect(lexError("a\u00a0== 1").detail).toMatch(/non-breaking space/);
  });

  it("limits the source length", () => {
    expect(() => new Lexer("a".repeat(MAX_SOURCE_LENGTH + 1))).toThrow(ExprSyntaxError);
  });
});
