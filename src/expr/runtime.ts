/**
 * The evaluation context: the environment the host provides, lexical frames for lambda
 * parameters, function values, and safe property reads.
 */

import { ExprRuntimeError } from "./errors.ts";
import { FnValue, Internal, describe, isRecord, type Value } from "./values.ts";

/** What a condition is evaluated against (the public API re-exports this). */
export interface ExprEnvironment {
  /** The event under test: field values (nested objects allowed: data.productId). */
  readonly event: Readonly<Record<string, unknown>>;
  /** Events already matched to stage `name` in the current partial match (Flink IterativeCondition ctx), in order. */
  getEventsForPattern(name: string): readonly Readonly<Record<string, unknown>>[];
  /** Broadcast config values, readable as `config.someKey` (undefined when no config). */
  readonly config?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * One activation of a lambda (or the root of an evaluation that needs state). `vars` holds the
 * parameters; `captures` holds `$0..$n` after a successful `=~` (kept on the root frame).
 */
export class Frame {
  captures: (string | undefined)[] | null = null;

  constructor(
    readonly parent: Frame | null,
    readonly vars: readonly Value[],
  ) {}

  /** The outermost frame of this evaluation. */
  root(): Frame {
    return this.parent === null ? this : this.parent.root();
  }
}

/** A compiled node: evaluates against the environment and the current lambda frame. */
export type Thunk = (env: ExprEnvironment, frame: Frame | null) => Value;

/** `lambda(params) -> body end`, closed over the frame it was created in. */
export class LambdaValue extends FnValue {
  readonly name = "lambda";

  constructor(
    readonly arity: number,
    private readonly body: Thunk,
    private readonly frame: Frame | null,
  ) {
    super();
  }

  /** Calls the lambda; `args` becomes the new frame (callers pass a fresh array). */
  call(env: ExprEnvironment, args: readonly Value[]): Value {
    if (args.length !== this.arity) {
      throw new ExprRuntimeError(`lambda expects ${this.arity} argument(s) but got ${args.length}`);
    }
    return this.body(env, new Frame(this.frame, args));
  }
}

/** A function value implemented natively: operator references and `seq.*` predicates. */
export class NativeFn extends FnValue {
  constructor(
    readonly name: string,
    readonly arity: number,
    private readonly impl: (env: ExprEnvironment, args: readonly Value[]) => Value,
  ) {
    super();
  }

  /** Calls the function after checking the argument count. */
  call(env: ExprEnvironment, args: readonly Value[]): Value {
    if (args.length !== this.arity) {
      throw new ExprRuntimeError(`${this.name} expects ${this.arity} argument(s) but got ${args.length}`);
    }
    return this.impl(env, args);
  }
}

/** Calls a function value; anything else is an error (host functions are never called). */
export function invoke(env: ExprEnvironment, fn: Value, args: readonly Value[]): Value {
  if (fn instanceof LambdaValue || fn instanceof NativeFn) return fn.call(env, args);
  throw new ExprRuntimeError(`${describe(fn)} is not a function`);
}

/**
 * Reads field `key` of a map value: only own properties of plain data objects, never anything
 * inherited (`constructor`, `__proto__`, `toString` are just missing), never interpreter
 * internals. Missing → undefined (nil).
 */
export function getProp(obj: Value, key: string): Value {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj) || obj instanceof Internal)
    return undefined;
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** Reads a root-level name: the event's own field, or `config` from the environment. */
export function readRoot(env: ExprEnvironment, key: string): Value {
  const event = env.event;
  if (Object.hasOwn(event, key)) return event[key];
  return key === "config" ? env.config : undefined;
}

/**
 * Reads a dotted variable the way Aviator does: a field literally named `a.b` wins, otherwise
 * the path is followed segment by segment (nil as soon as a segment is missing).
 */
export function readPath(env: ExprEnvironment, name: string, segments: readonly string[]): Value {
  const event = env.event;
  if (Object.hasOwn(event, name)) return event[name];
  return readBelow(readRoot(env, segments[0] ?? ""), segments, 1);
}

/** Reads `segments` (from index `from`) below `v`. */
export function readBelow(v: Value, segments: readonly string[], from: number): Value {
  let r = v;
  for (let i = from; i < segments.length && r != null; i++) r = getProp(r, segments[i] ?? "");
  return r;
}

/** A key/value pair produced when a map is iterated (Java `Map.Entry`: `e.key`, `e.value`). */
function entry(key: string, value: unknown): Readonly<Record<string, unknown>> {
  return { key, value };
}

/**
 * Aviator's `RuntimeUtils.seq`: the elements of a seq (arrays as they are, strings as one-char
 * strings, maps as key/value entries, nil as empty). Anything else is an error.
 */
export function toSeq(v: Value, fnName: string): readonly Value[] {
  if (Array.isArray(v)) return v as readonly Value[];
  if (v == null) return [];
  if (typeof v === "string") return v.split("");
  if (isRecord(v)) return Object.keys(v).map((k) => entry(k, v[k]));
  throw new ExprRuntimeError(`${fnName}: ${describe(v)} is not a sequence`);
}
