/**
 * How builtin functions are described, and the argument coercions they share (mirroring
 * Aviator's `FunctionUtils.getStringValue` / `getNumberValue`, which throw on the wrong type).
 */

import { ExprRuntimeError } from "../errors.ts";
import type { ExprEnvironment } from "../runtime.ts";
import { FnValue, JBigInt, JDouble, describe, type Value } from "../values.ts";

/** A builtin function. */
export interface Builtin {
  /** The name as called, e.g. `string.contains`. */
  readonly name: string;
  /** Fewest arguments accepted. */
  readonly minArgs: number;
  /** Most arguments accepted (`Infinity` for variadic functions). */
  readonly maxArgs: number;
  /** Argument positions that take a function, with the parameter count that function must accept. */
  readonly fnParams?: Readonly<Record<number, number>>;
  /** One-line description for editor completion. */
  readonly doc: string;
  /** The implementation; `args.length` is within [minArgs, maxArgs]. */
  readonly call: (env: ExprEnvironment, args: readonly Value[]) => Value;
  /** Optional allocation-free entry point for one-argument calls on hot paths. */
  readonly call1?: (env: ExprEnvironment, a: Value) => Value;
}

/** Defines a builtin (a helper so the tables below stay terse). */
export function builtin(
  name: string,
  minArgs: number,
  maxArgs: number,
  doc: string,
  call: Builtin["call"],
  extra: { fnParams?: Readonly<Record<number, number>>; call1?: NonNullable<Builtin["call1"]> } = {},
): Builtin {
  return { name, minArgs, maxArgs, doc, call, ...extra };
}

/** A string argument (Java `(String) value`: nil and other types are errors). */
export function stringArg(fn: string, v: Value, position: number): string {
  if (typeof v === "string") return v;
  throw new ExprRuntimeError(`${fn}: argument ${position} must be a string but was ${describe(v)}`);
}

/** A numeric argument (long, double or bigint). */
export function numberArg(fn: string, v: Value, position: number): Value {
  if (typeof v === "number" || typeof v === "bigint" || v instanceof JDouble || v instanceof JBigInt)
    return v;
  throw new ExprRuntimeError(`${fn}: argument ${position} must be a number but was ${describe(v)}`);
}

/** A function argument (a lambda, a predicate from `seq.*`, or an operator reference). */
export function fnArg(fn: string, v: Value, position: number): FnValue {
  if (v instanceof FnValue) return v;
  throw new ExprRuntimeError(`${fn}: argument ${position} must be a function but was ${describe(v)}`);
}

/** The boolean a predicate returned (Aviator's `booleanValue`: anything else is an error). */
export function predicateResult(fn: string, v: Value): boolean {
  if (typeof v === "boolean") return v;
  throw new ExprRuntimeError(`${fn}: the function must return a boolean but returned ${describe(v)}`);
}
