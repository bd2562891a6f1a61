/**
 * Closures for operators. The common condition shapes get specialised closures that decide on a
 * `typeof` check and allocate nothing (`eventType == 'view'`, `price > 200`, `a && b`); anything
 * unusual falls back to the general Aviator semantics in compare.ts / arith.ts.
 *
 * Error positions: fast paths cannot fail; slow paths wrap failures with `locate`, so a runtime
 * error points at the operator's expression.
 */

import { add, arithmetic, bitNot, bitwise, negate, power } from "./arith.ts";
import type { BinaryOperator, Expr, UnaryOperator } from "./ast.ts";
import { compareValues, valuesEqual } from "./compare.ts";
import { ExprRuntimeError, locate, positionAt } from "./errors.ts";
import { CompiledPattern } from "./regex.ts";
import { matchFull } from "./regexOps.ts";
import type { Thunk } from "./runtime.ts";
import { JDouble, describe, type Value } from "./values.ts";

/** Where a closure reports errors: the source and the node's offset. */
export interface Site {
  readonly source: string;
  readonly node: Expr;
}

function fail(site: Site, detail: string, node: Expr = site.node): ExprRuntimeError {
  return new ExprRuntimeError(detail, positionAt(site.source, node.start));
}

/** Aviator's ordering for `<`, `<=`, `>`, `>=`: an incomparable pair is an error. */
function order(site: Site, a: Value, b: Value): number {
  const c = compareValues(a, b);
  if (Number.isNaN(c)) throw fail(site, `could not compare ${describe(a)} with ${describe(b)}`);
  return c;
}

type Relational = "<" | "<=" | ">" | ">=";

function holds(op: Relational, c: number): boolean {
  switch (op) {
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    default:
      return c >= 0;
  }
}

const FLIPPED: Readonly<Record<Relational, Relational>> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=" };

/** A constant usable on the numeric fast path: a plain number, or a boxed double other than −0.0. */
function fastNumber(c: Value): number | undefined {
  if (typeof c === "number" && !Number.isNaN(c)) return c;
  if (c instanceof JDouble && !Object.is(c.value, -0)) return c.value;
  return undefined;
}

/**
 * `x op constant` with a numeric constant. For plain JS numbers the JS operators agree with
 * Aviator (safe longs convert exactly; −0 is a long zero) except for NaN, which Java's
 * `Double.compare` puts above everything: `NaN > 1` is true.
 */
function relationalNumberConst(
  site: Site,
  op: Relational,
  x: Thunk,
  c: Value,
  cv: number,
  constLeft: boolean,
): Thunk {
  const slow = constLeft
    ? (a: Value) => holds(FLIPPED[op], order(site, c, a))
    : (a: Value) => holds(op, order(site, a, c));
  switch (op) {
    case "<":
      return (env, f) => {
        const a = x(env, f);
        return typeof a === "number" ? a < cv : slow(a);
      };
    case "<=":
      return (env, f) => {
        const a = x(env, f);
        return typeof a === "number" ? a <= cv : slow(a);
      };
    case ">":
      return (env, f) => {
        const a = x(env, f);
        return typeof a === "number" ? a > cv || a !== a : slow(a);
      };
    default:
      return (env, f) => {
        const a = x(env, f);
        return typeof a === "number" ? a >= cv || a !== a : slow(a);
      };
  }
}

function relationalStringConst(site: Site, op: Relational, x: Thunk, s: string, constLeft: boolean): Thunk {
  const slow = constLeft
    ? (a: Value) => holds(FLIPPED[op], order(site, s, a))
    : (a: Value) => holds(op, order(site, a, s));
  return (env, f) => {
    const a = x(env, f);
    if (typeof a !== "string") return slow(a);
    return op === "<" ? a < s : op === "<=" ? a <= s : op === ">" ? a > s : a >= s;
  };
}

/** `==` / `!=` against a constant. */
function equalityConst(negated: boolean, x: Thunk, c: Value): Thunk {
  if (typeof c === "string") {
    return (env, f) => {
      const a = x(env, f);
      return (typeof a === "string" ? a === c : valuesEqual(a, c)) !== negated;
    };
  }
  const cv = fastNumber(c);
  if (cv !== undefined) {
    return (env, f) => {
      const a = x(env, f);
      return (typeof a === "number" ? a === cv : valuesEqual(a, c)) !== negated;
    };
  }
  if (typeof c === "bigint") {
    // Ids beyond 2^53 arrive as digit strings (project rule); the common case is a plain match.
    const digits = c.toString();
    return (env, f) => {
      const a = x(env, f);
      if (a === digits || a === c) return !negated;
      return valuesEqual(a, c) !== negated;
    };
  }
  return (env, f) => valuesEqual(x(env, f), c) !== negated;
}

/** A compiled comparison; `lc` / `rc` are the operands' constant values when they are literals. */
export function comparison(
  site: Site,
  op: "==" | "!=" | Relational,
  l: Thunk,
  r: Thunk,
  lc: Constant,
  rc: Constant,
): Thunk {
  if (op === "==" || op === "!=") {
    const negated = op === "!=";
    if (rc.constant) return equalityConst(negated, l, rc.value);
    if (lc.constant) return equalityConst(negated, r, lc.value);
    return (env, f) => {
      const a = l(env, f);
      const b = r(env, f);
      return (a === b || compareValues(a, b) === 0) !== negated;
    };
  }
  for (const [x, c, constLeft] of [
    [l, rc, false],
    [r, lc, true],
  ] as const) {
    if (!c.constant) continue;
    const effective = constLeft ? FLIPPED[op] : op;
    if (typeof c.value === "string") return relationalStringConst(site, effective, x, c.value, constLeft);
    const cv = fastNumber(c.value);
    if (cv !== undefined) return relationalNumberConst(site, effective, x, c.value, cv, constLeft);
  }
  return (env, f) => holds(op, order(site, l(env, f), r(env, f)));
}

/** An operand's value when it is known at compile time. */
export type Constant = { readonly constant: true; readonly value: Value } | { readonly constant: false };

/** `&&` / `||`: short-circuit, both operands must be booleans (Aviator's `booleanValue`). */
export function logical(site: Site, op: "&&" | "||", l: Thunk, r: Thunk, left: Expr, right: Expr): Thunk {
  const notBoolean = (v: Value, node: Expr): ExprRuntimeError =>
    fail(site, `operands of '${op}' must be booleans, but this is ${describe(v)}`, node);
  const shortCircuit = op === "||";
  return (env, f) => {
    const a = l(env, f);
    if (a === shortCircuit) return a;
    if (typeof a !== "boolean") throw notBoolean(a, left);
    const b = r(env, f);
    if (typeof b !== "boolean") throw notBoolean(b, right);
    return b;
  };
}

/** Arithmetic, bitwise and `**` operators. */
export function arithmeticOp(site: Site, op: BinaryOperator, l: Thunk, r: Thunk): Thunk {
  const wrap =
    (fn: (a: Value, b: Value) => Value): Thunk =>
    (env, f) => {
      const a = l(env, f);
      const b = r(env, f);
      try {
        return fn(a, b);
      } catch (e) {
        throw locate(e, site.source, site.node.start);
      }
    };
  switch (op) {
    case "+":
      return wrap(add);
    case "-":
    case "*":
    case "/":
    case "%":
      return wrap((a, b) => arithmetic(op, a, b));
    case "**":
      return wrap(power);
    case "&":
    case "|":
    case "^":
    case "<<":
    case ">>":
    case ">>>":
      return wrap((a, b) => bitwise(op, a, b));
    default:
      throw new Error(`not an arithmetic operator: ${op}`);
  }
}

/** `!`, `-`, `~`. */
export function unary(site: Site, op: UnaryOperator, x: Thunk): Thunk {
  if (op === "!") {
    return (env, f) => {
      const v = x(env, f);
      if (typeof v === "boolean") return !v;
      throw fail(site, `'!' needs a boolean but got ${describe(v)}`);
    };
  }
  const fn = op === "-" ? negate : bitNot;
  return (env, f) => {
    const v = x(env, f);
    try {
      return fn(v);
    } catch (e) {
      throw locate(e, site.source, site.node.start);
    }
  };
}

/**
 * `subject =~ pattern`: Java `Matcher.matches()` (the whole string must match); nil never
 * matches. With `captures`, groups are stored as `$0…$n` on the root frame, as Aviator puts them
 * into the environment.
 */
export function match(site: Site, l: Thunk, r: Thunk, captures: boolean): Thunk {
  return (env, f) => {
    const subject = l(env, f);
    const pattern = r(env, f);
    if (!(pattern instanceof CompiledPattern)) {
      throw fail(site, `the right side of '=~' must be a regular expression, but is ${describe(pattern)}`);
    }
    if (subject == null) return false;
    if (typeof subject !== "string")
      throw fail(site, `${describe(subject)} could not match /${pattern.source}/`);
    let m: RegExpExecArray | null;
    try {
      m = matchFull(pattern, subject);
    } catch (e) {
      throw locate(e, site.source, site.node.start);
    }
    if (m === null) return false;
    if (captures && f !== null) f.root().captures = Array.from(m);
    return true;
  };
}
