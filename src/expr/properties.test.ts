import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RESERVED_WORDS, type BinaryOperator, type Expr, type OperatorRefSymbol } from "./ast.ts";
import {
  builtinFunctionDocs,
  compileExpression,
  ExprRuntimeError,
  ExprSyntaxError,
  parseExpression,
  printExpression,
} from "./index.ts";
import { numberLiteralValue } from "./literals.ts";

// ---- arbitraries --------------------------------------------------------------------------------

const at = { start: 0, end: 0 };

const identifier = fc
  .tuple(
    fc.constantFrom("a", "b", "x", "price", "data", "e", "$", "_", "é", "end", "nil"),
    fc.constantFrom("", "1", "Id", "_x"),
  )
  .map(([h, t]) => h + t);
const plainName = identifier.filter((n) => !RESERVED_WORDS.has(n));
const eventKeys = [
  "price",
  "eventType",
  "data",
  "tags",
  "id",
  "constructor",
  "__proto__",
  "toString",
  "n",
] as const;

const numberRaw = fc.oneof(
  fc.nat({ max: 1_000_000 }).map(String),
  fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
  fc.tuple(fc.nat({ max: 9999 }), fc.nat({ max: 9999 })).map(([a, b]) => `${a}.${b}`),
  fc
    .tuple(fc.nat({ max: 99 }), fc.boolean(), fc.nat({ max: 30 }))
    .map(([a, neg, e]) => `${a}e${neg ? "-" : ""}${e}`),
  fc.nat({ max: 0xffff }).map((n) => `0x${n.toString(16)}`),
  fc.nat({ max: 999 }).map((n) => `${n}N`),
  fc.nat({ max: 999 }).map((n) => `.${n}M`),
);

const regexSource = fc.constantFrom(
  "a+",
  "\\d{1,3}",
  "(x|y)*z",
  "[a-z]+@\\w+",
  "a\\/b",
  "",
  "(?i)view",
  "(\\d+)-(\\w+)",
);
const binaryOps: readonly BinaryOperator[] = [
  "||",
  "&&",
  "|",
  "^",
  "&",
  "==",
  "!=",
  "=~",
  "<",
  "<=",
  ">",
  ">=",
  "<<",
  ">>",
  ">>>",
  "+",
  "-",
  "*",
  "/",
  "%",
  "**",
];
const opRefs: readonly OperatorRefSymbol[] = ["+", "-", "*", "/", "%", "!", "&", "|"];

function exprArbitrary(variable: fc.Arbitrary<string>, callee: fc.Arbitrary<string>): fc.Arbitrary<Expr> {
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    numberRaw.map((raw): Expr => ({ type: "Number", raw, ...numberLiteralValue(raw), ...at })),
    fc.string({ maxLength: 8, unit: "binary" }).map((value): Expr => ({ type: "String", value, ...at })),
    fc.boolean().map((value): Expr => ({ type: "Boolean", value, ...at })),
    fc.constant<Expr>({ type: "Nil", ...at }),
    regexSource.map((pattern): Expr => ({ type: "Regex", pattern, ...at })),
    variable.map((name): Expr => ({ type: "Variable", name, ...at })),
    fc.constantFrom(...opRefs).map((op): Expr => ({ type: "OperatorRef", op, ...at })),
  );
  return fc.letrec<{ expr: Expr }>((tie) => {
    const sub = tie("expr");
    return {
      expr: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc
          .tuple(fc.constantFrom("!", "-", "~"), sub)
          .map(([op, operand]): Expr => ({ type: "Unary", op, operand, ...at })),
        fc
          .tuple(fc.constantFrom(...binaryOps), sub, sub)
          .map(([op, left, right]): Expr => ({ type: "Binary", op, left, right, ...at })),
        fc.tuple(sub, sub, sub).map(([test, consequent, alternate]): Expr => ({
          type: "Conditional",
          test,
          consequent,
          alternate,
          ...at,
        })),
        fc
          .tuple(callee, fc.array(sub, { maxLength: 3 }))
          .map(([c, args]): Expr => ({ type: "Call", callee: c, args, ...at })),
        fc
          .tuple(sub, identifier)
          .map(([object, property]): Expr => ({ type: "Member", object, property, ...at })),
        fc.tuple(sub, sub).map(([object, index]): Expr => ({ type: "Index", object, index, ...at })),
        fc
          .tuple(fc.uniqueArray(plainName, { maxLength: 2 }), sub)
          .map(([params, body]): Expr => ({ type: "Lambda", params, body, ...at })),
      ),
    };
  }).expr;
}

/** Any AST the parser could produce (names include ones that must be quoted). */
const anyAst = exprArbitrary(
  fc.oneof(
    plainName,
    fc.tuple(plainName, identifier).map(([a, b]) => `${a}.${b}`),
    fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.includes("`")),
  ),
  fc.oneof(plainName, fc.constantFrom("string.contains", "math.abs")),
);

/** ASTs that mostly compile: real builtins and event field names. */
const builtinNames = builtinFunctionDocs.filter((d) => d.name !== "getEventsForPattern").map((d) => d.name);
const runnableAst = exprArbitrary(
  fc.constantFrom(...eventKeys, "data.x", "tags", "$1"),
  fc.constantFrom(...builtinNames),
);

const eventValue = fc.anything({
  maxDepth: 2,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withTypedArray: true,
  withSparseArray: true,
  key: fc.constantFrom(...eventKeys, "x", "key", "value"),
});
const event = fc.dictionary(fc.constantFrom(...eventKeys, "x"), eventValue, { maxKeys: 6 });

// ---- helpers ------------------------------------------------------------------------------------

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== "start" && k !== "end") out[k] = strip(v);
    return out;
  }
  return value;
}

// (Object.prototype.__proto__ is null, which is a legitimate nil result, so only objects count.)
const prototypeMembers = new Set<unknown>(
  Object.getOwnPropertyNames(Object.prototype)
    .map((k) => (Object.prototype as Record<string, unknown>)[k])
    .filter((v) => typeof v === "object" || typeof v === "function")
    .filter((v) => v !== null),
);

/** Wraps plain objects so any read of a property the object does not own is recorded. */
function guard(value: unknown, violations: string[], depth = 0): unknown {
  if (depth > 4 || typeof value !== "object" || value === null) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) return value.map((v) => guard(v, violations, depth + 1));
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = Object.create(proto) as Record<string, unknown>;
  for (const k of Object.keys(value)) {
    Object.defineProperty(copy, k, {
      value: guard((value as Record<string, unknown>)[k], violations, depth + 1),
      enumerable: true,
      writable: false,
    });
  }
  return new Proxy(copy, {
    get(target, key, receiver) {
      if (typeof key === "string" && !Object.hasOwn(target, key)) violations.push(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

// ---- properties ---------------------------------------------------------------------------------

const tokenSoup = fc
  .array(
    fc.constantFrom(
      "a",
      "price",
      "1",
      "2.5",
      "0x1F",
      "'s'",
      '"t"',
      "/x/",
      "(",
      ")",
      "[",
      "]",
      ",",
      "?",
      ":",
      ".",
      "+",
      "-",
      "*",
      "/",
      "%",
      "**",
      "!",
      "~",
      "<",
      "<=",
      "==",
      "!=",
      "=~",
      "&&",
      "||",
      "&",
      "|",
      "^",
      "<<",
      ">>>",
      "lambda",
      "->",
      "end",
      "nil",
      "true",
      "count",
      "filter",
      "reduce",
      "math.abs",
      "string.contains",
      "getEventsForPattern",
      ";",
      "##c\n",
      "#`q`",
      "\n",
      "=",
      "'unterminated",
      "1e",
      "1e+3",
      "#{",
      "$1",
      "\\",
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(" "));

describe("properties", () => {
  it("compileExpression either compiles or throws ExprSyntaxError, for any input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60, unit: "binary" }), tokenSoup), (source) => {
        try {
          compileExpression(source);
        } catch (e) {
          expect(e).toBeInstanceOf(ExprSyntaxError);
          const err = e as ExprSyntaxError;
          expect(err.line).toBeGreaterThanOrEqual(1);
          expect(err.column).toBeGreaterThanOrEqual(1);
          expect(err.message).toBe(`${err.line}:${err.column}: ${err.detail}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("parse(print(ast)) is structurally equal to ast", () => {
    fc.assert(
      fc.property(anyAst, (ast) => {
        const printed = printExpression(ast);
        expect(strip(parseExpression(printed))).toEqual(strip(ast));
      }),
      { numRuns: 3000 },
    );
  });

  it("printing is idempotent on parsed source", () => {
    fc.assert(
      fc.property(anyAst, (ast) => {
        const once = printExpression(ast);
        expect(printExpression(parseExpression(once))).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("evaluation returns a value or throws ExprRuntimeError, never touching prototypes", () => {
    fc.assert(
      fc.property(runnableAst, event, fc.array(event, { maxLength: 3 }), (ast, ev, matched) => {
        let compiled;
        try {
          compiled = compileExpression(printExpression(ast));
        } catch (e) {
          expect(e).toBeInstanceOf(ExprSyntaxError);
          return;
        }
        const violations: string[] = [];
        const env = {
          event: guard(ev, violations) as Record<string, unknown>,
          getEventsForPattern: () => matched.map((m) => guard(m, violations) as Record<string, unknown>),
          config: guard({ minPrice: 5 }, violations) as Record<string, unknown>,
        };
        for (const run of [() => compiled.evaluate(env), () => compiled.test(env)]) {
          try {
            const result = run();
            expect(typeof result).not.toBe("function");
            expect(prototypeMembers.has(result)).toBe(false);
          } catch (e) {
            if (!(e instanceof ExprRuntimeError)) throw e;
          }
        }
        expect(violations).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it("rejects 10 000 nested parentheses cleanly", () => {
    const source = `${"(".repeat(10_000)}x${")".repeat(10_000)}`;
    expect(() => compileExpression(source)).toThrow(ExprSyntaxError);
    expect(() => compileExpression("[".repeat(10_000))).toThrow(ExprSyntaxError);
    expect(() => compileExpression("f(".repeat(10_000))).toThrow(ExprSyntaxError);
    expect(() => compileExpression("lambda() -> ".repeat(5_000))).toThrow(ExprSyntaxError);
  });
});
