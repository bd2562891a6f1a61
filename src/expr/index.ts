/**
 * CEP Studio's condition language: an Aviator 5.x-compatible expression interpreter.
 *
 * Conditions written here run unchanged as Flink dynamic-CEP `AVIATOR` conditions. The module is
 * pure TypeScript (no DOM, no Node APIs, no `eval`), so the same code runs in the Web Worker,
 * the CLI and the tests.
 *
 * ```ts
 * const c = compileExpression("eventType == 'view' && price > 200");
 * c.test({ event: { eventType: "view", price: 250 }, getEventsForPattern: () => [] }); // true
 * ```
 *
 * Beyond stock Aviator (CEP Studio extensions): `getEventsForPattern`, `first`, `last`, `.field`
 * after a call or parenthesis, `config.key`, and digit strings comparing numerically with numbers
 * (our loaders keep ids beyond 2^53 as strings). Narrower than Aviator: no statements (`let`,
 * `if`, `fn`…), no string interpolation, no BigDecimal arithmetic (`1.5M` is a double), only the
 * Java regex features JS can express identically, and integral JS numbers always count as longs.
 */

import type { Expr } from "./ast.ts";
import { compileTree, run, type CompiledTree } from "./compile.ts";
import { ExprRuntimeError, hostErrorDetail } from "./errors.ts";
import { builtins, builtinNames } from "./functions/index.ts";
import { parse } from "./parser.ts";
import { print } from "./printer.ts";
import type { ExprEnvironment } from "./runtime.ts";
import { JBigInt, JDouble, describe, type Value } from "./values.ts";

export type {
  BinaryExpression,
  BinaryOperator,
  BooleanLiteral,
  CallExpression,
  ConditionalExpression,
  Expr,
  IndexExpression,
  LambdaExpression,
  MemberExpression,
  NilLiteral,
  NodeBase,
  NumberKind,
  NumberLiteral,
  OperatorReference,
  OperatorRefSymbol,
  RegexLiteral,
  StringLiteral,
  UnaryExpression,
  UnaryOperator,
  Variable,
} from "./ast.ts";
export { ExprRuntimeError, ExprSyntaxError, positionAt, type SourcePosition } from "./errors.ts";
export type { ExprEnvironment } from "./runtime.ts";
export { MAX_SOURCE_LENGTH } from "./lexer.ts";
export { MAX_NESTING, MAX_TREE_HEIGHT } from "./parser.ts";
/** Pattern values (`/…/`) and function values (lambdas) may appear in `evaluate` results. */
export { PatternValue as ExprPattern, FnValue as ExprFunction } from "./values.ts";

/** A condition parsed once into a closure tree, ready to run per event. */
export interface CompiledExpression {
  readonly source: string;
  readonly ast: Expr;
  /** Raw value (nil → null; integral doubles → number; big integers → bigint). */
  evaluate(env: ExprEnvironment): unknown;
  /**
   * As a condition: true only for boolean true. A non-boolean result is an ExprRuntimeError, as on
   * Flink, whose `AviatorCondition` casts the result to `Boolean` (nil fails the unboxing).
   */
  test(env: ExprEnvironment): boolean;
  /** Stage names this expression reads with getEventsForPattern('x') literal args (for validation & UI). */
  readonly referencedStages: readonly string[];
  /** Top-level event field paths it reads (e.g. ["eventType", "data.productId"]) for UI completion/validation. */
  readonly referencedFields: readonly string[];
}

/** Parses an expression into its AST; throws ExprSyntaxError (`line:column: detail`). */
export function parseExpression(source: string): Expr {
  return parse(source);
}

/**
 * Parses and compiles an expression. Throws ExprSyntaxError for bad syntax and for what can be
 * checked before running: unknown functions, wrong argument counts, exceeded limits.
 */
export function compileExpression(source: string): CompiledExpression {
  const ast = parse(source);
  return new Compiled(source, ast, compileTree(ast, source));
}

/**
 * Prints an AST as canonical source; `parseExpression(printExpression(ast))` equals `ast` up to
 * positions. Throws a plain Error only for a hand-built Variable whose name contains a backquote
 * (no source spelling exists for it; the parser never produces one).
 */
export function printExpression(ast: Expr): string {
  return print(ast);
}

/** Every builtin function name, sorted (for editor completion). */
export const builtinFunctionNames: readonly string[] = builtinNames;

/** Builtin functions with their arity and a one-line description (for editor completion). */
export const builtinFunctionDocs: readonly {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly doc: string;
}[] = Object.freeze(
  builtins.map(({ name, minArgs, maxArgs, doc }) => Object.freeze({ name, minArgs, maxArgs, doc })),
);

class Compiled implements CompiledExpression {
  readonly referencedStages: readonly string[];
  readonly referencedFields: readonly string[];

  constructor(
    readonly source: string,
    readonly ast: Expr,
    private readonly tree: CompiledTree,
  ) {
    this.referencedStages = Object.freeze([...tree.referencedStages]);
    this.referencedFields = Object.freeze([...tree.referencedFields]);
  }

  evaluate(env: ExprEnvironment): unknown {
    return toHost(this.run(env));
  }

  test(env: ExprEnvironment): boolean {
    const v = this.run(env);
    if (typeof v === "boolean") return v;
    throw new ExprRuntimeError(`a condition must evaluate to a boolean, but this one gave ${describe(v)}`);
  }

  private run(env: ExprEnvironment): Value {
    try {
      return run(this.tree, env);
    } catch (e) {
      if (e instanceof ExprRuntimeError) throw e;
      throw new ExprRuntimeError(hostErrorDetail(e), undefined, { cause: e });
    }
  }
}

/** Unboxes interpreter values for the host: integral doubles → number, small bigints → bigint. */
function toHost(v: Value): unknown {
  if (v === undefined) return null;
  if (v instanceof JDouble || v instanceof JBigInt) return v.value;
  if (Array.isArray(v)) return unboxArray(v as readonly unknown[], 0, { left: 100_000 });
  return v;
}

/**
 * Copies an array only when it holds boxed values (results of map(), seq.list()…); host arrays
 * come back as they are. The budget bounds the walk over (possibly cyclic) host data.
 */
function unboxArray(xs: readonly unknown[], depth: number, budget: { left: number }): readonly unknown[] {
  budget.left -= xs.length;
  if (depth > 64 || budget.left < 0) return xs;
  let out: unknown[] | null = null;
  for (let i = 0; i < xs.length; i++) {
    const e = xs[i];
    let h: unknown = e;
    if (e === undefined) h = null;
    else if (e instanceof JDouble || e instanceof JBigInt) h = e.value;
    else if (Array.isArray(e)) h = unboxArray(e as readonly unknown[], depth + 1, budget);
    if (h !== e && out === null) out = xs.slice(0, i);
    if (out !== null) out.push(h);
  }
  return out ?? xs;
}
