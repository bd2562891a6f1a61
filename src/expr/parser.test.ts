import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import { ExprSyntaxError } from "./errors.ts";
import { MAX_NESTING, MAX_TREE_HEIGHT, parse } from "./parser.ts";
import { syntaxErrorOf } from "./testing/syntaxErrorOf.ts";

/** A compact fully-parenthesised rendering that shows how the parser grouped things. */
function shape(node: Expr): string {
  switch (node.type) {
    case "Number":
      return node.raw;
    case "String":
      return JSON.stringify(node.value);
    case "Boolean":
      return String(node.value);
    case "Nil":
      return "nil";
    case "Regex":
      return `/${node.pattern}/`;
    case "Variable":
      return node.name;
    case "OperatorRef":
      return `op(${node.op})`;
    case "Unary":
      return `(${node.op}${shape(node.operand)})`;
    case "Binary":
      return `(${shape(node.left)} ${node.op} ${shape(node.right)})`;
    case "Conditional":
      return `(${shape(node.test)} ? ${shape(node.consequent)} : ${shape(node.alternate)})`;
    case "Call":
      return `${node.callee}(${node.args.map(shape).join(", ")})`;
    case "Member":
      return `${shape(node.object)}.${node.property}`;
    case "Index":
      return `${shape(node.object)}[${shape(node.index)}]`;
    case "Lambda":
      return `λ(${node.params.join(",")}) ${shape(node.body)}`;
  }
}

function p(source: string): string {
  return shape(parse(source));
}

function syntaxError(source: string): ExprSyntaxError {
  return syntaxErrorOf(source, parse);
}

describe("parser precedence (Aviator's levels)", () => {
  it("binds * / % tighter than + -, left-associative", () => {
    expect(p("a + b * c - d / e % f")).toBe("((a + (b * c)) - ((d / e) % f))");
    expect(p("a - b - c")).toBe("((a - b) - c)");
  });

  it("puts shifts between additive and relational operators", () => {
    expect(p("a << 1 + 2 < b")).toBe("((a << (1 + 2)) < b)");
    expect(p("a >> b >>> c")).toBe("((a >> b) >>> c)");
  });

  it("puts relational above equality, =~ at the equality level", () => {
    expect(p("a < b == c >= d")).toBe("((a < b) == (c >= d))");
    expect(p("s =~ /x/ == true")).toBe("((s =~ /x/) == true)");
  });

  it("orders & ^ | && || as Aviator does", () => {
    expect(p("a & b ^ c | d && e || f")).toBe("(((((a & b) ^ c) | d) && e) || f)");
    expect(p("a || b && c")).toBe("(a || (b && c))");
    expect(p("a == 1 & b == 2")).toBe("((a == 1) & (b == 2))");
  });

  it("parses the ternary lowest and right-associative", () => {
    expect(p("a || b ? c : d")).toBe("((a || b) ? c : d)");
    expect(p("a ? b : c ? d : e")).toBe("(a ? b : (c ? d : e))");
    expect(p("a ? b ? c : d : e")).toBe("(a ? (b ? c : d) : e)");
    expect(p("x + (a ? 1 : 2)")).toBe("(x + (a ? 1 : 2))");
  });

  it("binds prefix operators tighter than binary ones but looser than **", () => {
    expect(p("!a && -b < ~c")).toBe("((!a) && ((-b) < (~c)))");
    expect(p("-2 ** 2")).toBe("(-(2 ** 2))");
    expect(p("2 ** 3 ** 2")).toBe("(2 ** (3 ** 2))");
    expect(p("2 ** -1")).toBe("(2 ** (-1))");
    expect(p("-a * b")).toBe("((-a) * b)");
    expect(p("!!x")).toBe("(!(!x))");
  });

  it("parses postfix members and indexes on calls, parentheses and variables", () => {
    expect(p("first(getEventsForPattern('a')).price")).toBe('first(getEventsForPattern("a")).price');
    expect(p("f(x).a.b")).toBe("f(x).a.b");
    expect(p("(x).a")).toBe("x.a");
    expect(parse("(x).a").type).toBe("Member");
    expect(parse("x.a").type).toBe("Variable");
    expect(p("xs[0].price")).toBe("xs[0].price");
    expect(p("-xs[1]")).toBe("(-xs[1])");
  });

  it("parses calls, lambdas and operator references", () => {
    expect(p("string.contains(name, 'x')")).toBe('string.contains(name, "x")');
    expect(p("f()")).toBe("f()");
    expect(p("reduce(xs, lambda(acc, e) -> acc + e.price end, 0)")).toBe(
      "reduce(xs, λ(acc,e) (acc + e.price), 0)",
    );
    expect(p("filter(xs, lambda(x) -> x > 1; end)")).toBe("filter(xs, λ(x) (x > 1))");
    expect(p("reduce(xs, +, 0)")).toBe("reduce(xs, op(+), 0)");
    expect(p("f(-, !)")).toBe("f(op(-), op(!))");
    expect(p("lambda() -> 1 end")).toBe("λ() 1");
  });

  it("reads literals, quoted names and a trailing semicolon", () => {
    expect(p("true != false && nil == x")).toBe("((true != false) && (nil == x))");
    expect(p("#`product id` == 'a';")).toBe('(product id == "a")');
    expect(parse("#nil").type).toBe("Variable");
    const n = parse("0x10");
    expect(n.type === "Number" && [n.kind, n.value]).toEqual(["long", 16]);
  });

  it("records source offsets on nodes", () => {
    const node = parse("  a + bc");
    expect([node.start, node.end]).toEqual([2, 8]);
  });
});

describe("parser errors", () => {
  it("reports line:column of the offending token", () => {
    const e = syntaxError("string.contains(name, 'x'");
    expect(e.message).toBe("1:26: expected ')' but found end of expression");
    expect([e.line, e.column, e.detail]).toEqual([1, 26, "expected ')' but found end of expression"]);
  });

  it("counts lines and columns in multi-line input", () => {
    const e = syntaxError("eventType == 'view'\n  && price >\n  && x");
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.detail).toBe("expected an expression but found '&&'");
    const e2 = syntaxError("a ==\n\n    1 1");
    expect(e2.message).toBe("3:7: expected end of expression but found number 1");
  });

  it("refuses statements, assignments and calls on values", () => {
    expect(syntaxError("let x = 1").detail).toMatch(/'let' is a reserved word/);
    expect(syntaxError("if (a) b").detail).toMatch(/'if' is a reserved word.*#`if`/);
    expect(syntaxError("f(x)(y)").detail).toMatch(/only named builtin functions/);
    expect(syntaxError("#`a b`(1)").detail).toMatch(/quoted name cannot be called/);
    expect(syntaxError("lambda(x) -> x").detail).toBe(
      "expected 'end' to close the lambda but found end of expression",
    );
    expect(syntaxError("lambda(x, x) -> x end").detail).toMatch(/duplicate parameter/);
    expect(syntaxError("lambda(a.b) -> 1 end").detail).toMatch(/parameter name/);
    expect(syntaxError("a ? b").detail).toBe("expected ':' but found end of expression");
    expect(syntaxError("f(1,)").detail).toMatch(/expected an expression/);
    expect(syntaxError("a;;").detail).toMatch(/expected end of expression/);
    expect(syntaxError("").detail).toBe("expected an expression but found end of expression");
  });

  it("validates regex literals at parse time, pointing inside the pattern", () => {
    const e = syntaxError("s =~ /(a+)+b/");
    expect(e.detail).toMatch(/exponential/);
    expect(syntaxError("s =~ /a++/").detail).toMatch(/possessive/);
    expect(syntaxError("s =~ /[a&&b]/").column).toBe(9);
  });

  it("limits nesting depth without overflowing the stack", () => {
    const deep = `${"(".repeat(10_000)}1${")".repeat(10_000)}`;
    expect(syntaxError(deep).detail).toMatch(new RegExp(`more than ${MAX_NESTING} levels`));
    expect(syntaxError("!".repeat(10_000) + "x").detail).toMatch(/nested too deeply/);
    expect(() => parse(`${"(".repeat(MAX_NESTING - 5)}1${")".repeat(MAX_NESTING - 5)}`)).not.toThrow();
  });

  it("limits the height of long operator chains", () => {
    const chain = Array.from({ length: MAX_TREE_HEIGHT + 10 }, (_, i) => `a == ${i}`).join(" || ");
    expect(syntaxError(chain).detail).toMatch(/too deeply nested/);
    expect(() => parse(Array.from({ length: 200 }, (_, i) => `a == ${i}`).join(" || "))).not.toThrow();
  });
});
