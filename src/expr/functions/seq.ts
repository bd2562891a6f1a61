/**
 * Sequence functions (`runtime/function/seq/*` in Aviator 5.x) plus the CEP-specific
 * `getEventsForPattern`, `first` and `last`.
 *
 * Aviator semantics kept: a nil seq is empty for reduce/every/not_any/include/count, and yields nil
 * from filter/map/sort/some; `seq.some` returns the first matching element (not a boolean);
 * predicates must return booleans. Differences: `reverse` returns a reversed copy (Aviator
 * reverses in place; event data is immutable here) and `sort` orders with Aviator's comparison.
 */

import { compareValues, valuesEqual } from "../compare.ts";
import { ExprRuntimeError } from "../errors.ts";
import { getProp, invoke, NativeFn, toSeq, type ExprEnvironment } from "../runtime.ts";
import { describe, isRecord, toJavaInt, type Value } from "../values.ts";
import { builtin, fnArg, numberArg, predicateResult, stringArg, type Builtin } from "./types.ts";

function count(v: Value): number {
  if (v == null) return 0;
  if (Array.isArray(v)) return (v as readonly unknown[]).length;
  if (typeof v === "string") return v.length;
  if (isRecord(v)) return Object.keys(v).length;
  throw new ExprRuntimeError(`count: ${describe(v)} is not a sequence`);
}

function first(v: Value): Value {
  if (v == null) return null;
  if (typeof v === "string") return v.length > 0 ? v.charAt(0) : null;
  if (Array.isArray(v)) return (v as readonly unknown[])[0] ?? null;
  throw new ExprRuntimeError(`first: ${describe(v)} is not a seq`);
}

function last(v: Value): Value {
  if (v == null) return null;
  if (typeof v === "string") return v.length > 0 ? v.charAt(v.length - 1) : null;
  if (Array.isArray(v)) {
    const xs = v as readonly unknown[];
    return xs[xs.length - 1] ?? null;
  }
  throw new ExprRuntimeError(`last: ${describe(v)} is not a seq`);
}

function eventsFor(env: ExprEnvironment, name: Value): Value {
  return env.getEventsForPattern(stringArg("getEventsForPattern", name, 1));
}

/** Sorts a copy with Aviator's comparison; incomparable elements are an error. */
function sorted(fn: string, xs: readonly Value[]): Value[] {
  // Java's Arrays.sort fails on null elements (JS would quietly move them to the end).
  if (xs.some((x) => x == null)) throw new ExprRuntimeError(`${fn}: cannot sort a seq containing nil`);
  return [...xs].sort((a, b) => {
    const c = compareValues(a, b);
    if (Number.isNaN(c)) {
      throw new ExprRuntimeError(`${fn}: could not compare ${describe(a)} with ${describe(b)}`);
    }
    return c;
  });
}

/** `seq.min` / `seq.max` (Aviator: a nil element makes min nil and is skipped by max). */
function extreme(fn: string, xs: readonly Value[], wantMax: boolean): Value {
  let result: Value = null;
  let seen = false;
  for (const x of xs) {
    if (x == null) {
      if (!wantMax) return null;
      continue;
    }
    if (!seen) {
      result = x;
      seen = true;
      continue;
    }
    const c = compareValues(x, result);
    if (Number.isNaN(c))
      throw new ExprRuntimeError(`${fn}: could not compare ${describe(x)} with ${describe(result)}`);
    if (wantMax ? c > 0 : c < 0) result = x;
  }
  return result;
}

type Relation = "seq.eq" | "seq.neq" | "seq.lt" | "seq.le" | "seq.gt" | "seq.ge";

/** `seq.gt(v[, property])` & co: a predicate comparing its argument (or one of its fields) with v. */
function relation(name: Relation, test: (c: number) => boolean): Builtin {
  return builtin(name, 1, 2, `${name}(value[, property]): predicate for filter/every/some`, (_, args) => {
    const value = args[0];
    const property = args.length > 1 ? stringArg(name, args[1], 2) : undefined;
    return new NativeFn(name, 1, (_env, [x]) => {
      const subject = property === undefined ? x : getProp(x, property);
      const c = compareValues(subject, value);
      if (Number.isNaN(c))
        throw new ExprRuntimeError(`${name}: could not compare ${describe(subject)} with ${describe(value)}`);
      return test(c);
    });
  });
}

/** `seq.nil()`, `seq.exists()`, `seq.true()`, `seq.false()`. */
function constantPredicate(name: string, test: (x: Value) => boolean): Builtin {
  return builtin(name, 0, 0, `${name}(): predicate for filter/every/some`, () => {
    return new NativeFn(name, 1, (_env, [x]) => test(x));
  });
}

/** `seq.and(p…)` / `seq.or(p…)`: combine predicates (no predicate at all is a plain boolean). */
function combinator(name: "seq.and" | "seq.or", isAnd: boolean): Builtin {
  return builtin(name, 0, Infinity, `${name}(predicate…): combine predicates`, (_, preds) => {
    if (preds.length === 0) return isAnd;
    preds.forEach((p, i) => fnArg(name, p, i + 1));
    return new NativeFn(name, 1, (env, [x]) => {
      for (const p of preds) {
        const ok = invoke(env, p, [x]) === true;
        if (ok !== isAnd) return ok;
      }
      return isAnd;
    });
  });
}

/** The sequence builtins. */
export const seqFunctions: readonly Builtin[] = [
  builtin(
    "getEventsForPattern",
    1,
    1,
    "getEventsForPattern('stage'): events matched to a stage",
    (env, [n]) => {
      return eventsFor(env, n);
    },
    { call1: eventsFor },
  ),
  builtin("first", 1, 1, "first(seq): first element, nil when empty", (_, [s]) => first(s), {
    call1: (_, s) => first(s),
  }),
  builtin("last", 1, 1, "last(seq): last element, nil when empty", (_, [s]) => last(s), {
    call1: (_, s) => last(s),
  }),
  builtin("count", 1, 1, "count(seq): number of elements (nil → 0)", (_, [s]) => count(s), {
    call1: (_, s) => count(s),
  }),
  builtin("is_empty", 1, 1, "is_empty(seq): true when count(seq) == 0", (_, [s]) => count(s) === 0, {
    call1: (_, s) => count(s) === 0,
  }),
  builtin("include", 2, 2, "include(seq, x): true when an element == x", (_, [s, x]) => {
    try {
      return toSeq(s, "include").some((e) => valuesEqual(e, x));
    } catch {
      return false; // Aviator swallows errors here and answers false
    }
  }),
  builtin(
    "filter",
    2,
    2,
    "filter(seq, pred): elements for which pred is true",
    (env, [s, f]) => {
      if (s == null) return null;
      const fn = fnArg("filter", f, 2);
      return toSeq(s, "filter").filter((e) => predicateResult("filter", invoke(env, fn, [e])));
    },
    { fnParams: { 1: 1 } },
  ),
  builtin(
    "map",
    2,
    2,
    "map(seq, fn): fn applied to each element",
    (env, [s, f]) => {
      if (s == null) return null;
      const fn = fnArg("map", f, 2);
      return toSeq(s, "map").map((e) => invoke(env, fn, [e]));
    },
    { fnParams: { 1: 1 } },
  ),
  builtin(
    "reduce",
    3,
    3,
    "reduce(seq, fn(acc, e), init): fold",
    (env, [s, f, init]) => {
      const fn = fnArg("reduce", f, 2);
      let acc = init;
      for (const e of toSeq(s, "reduce")) acc = invoke(env, fn, [acc, e]);
      return acc;
    },
    { fnParams: { 1: 2 } },
  ),
  builtin(
    "seq.every",
    2,
    2,
    "seq.every(seq, pred): pred true for all (nil → true)",
    (env, [s, f]) => {
      const fn = fnArg("seq.every", f, 2);
      return toSeq(s, "seq.every").every((e) => predicateResult("seq.every", invoke(env, fn, [e])));
    },
    { fnParams: { 1: 1 } },
  ),
  builtin(
    "seq.not_any",
    2,
    2,
    "seq.not_any(seq, pred): pred false for all",
    (env, [s, f]) => {
      const fn = fnArg("seq.not_any", f, 2);
      return !toSeq(s, "seq.not_any").some((e) => predicateResult("seq.not_any", invoke(env, fn, [e])));
    },
    { fnParams: { 1: 1 } },
  ),
  builtin(
    "seq.some",
    2,
    2,
    "seq.some(seq, pred): first element for which pred is true, or nil",
    (env, [s, f]) => {
      const fn = fnArg("seq.some", f, 2);
      for (const e of toSeq(s, "seq.some")) if (predicateResult("seq.some", invoke(env, fn, [e]))) return e;
      return null;
    },
    { fnParams: { 1: 1 } },
  ),
  builtin("sort", 1, 1, "sort(seq): sorted copy", (_, [s]) => {
    if (s == null) return null;
    if (!Array.isArray(s)) throw new ExprRuntimeError(`sort: ${describe(s)} is not an array or list`);
    return sorted("sort", s as readonly Value[]);
  }),
  builtin("reverse", 1, 1, "reverse(seq): reversed copy", (_, [s]) => {
    if (s == null) return null;
    if (!Array.isArray(s)) throw new ExprRuntimeError(`reverse: ${describe(s)} is not an array or list`);
    return [...(s as readonly Value[])].reverse();
  }),
  builtin("seq.min", 1, 1, "seq.min(seq): smallest element", (_, [s]) => {
    return s == null ? null : extreme("seq.min", toSeq(s, "seq.min"), false);
  }),
  builtin("seq.max", 1, 1, "seq.max(seq): largest element", (_, [s]) => {
    return s == null ? null : extreme("seq.max", toSeq(s, "seq.max"), true);
  }),
  builtin("seq.get", 2, 2, "seq.get(coll, key): element at index, or value for key", (_, [c, k]) => {
    if (c == null) throw new ExprRuntimeError(`seq.get: the collection is nil (key ${describe(k)})`);
    if (Array.isArray(c)) {
      const xs = c as readonly unknown[];
      const i = toJavaInt(numberArg("seq.get", k, 2));
      if (i < 0 || i >= xs.length)
        throw new ExprRuntimeError(`seq.get: index ${i} out of bounds for length ${xs.length}`);
      return xs[i];
    }
    if (isRecord(c)) return typeof k === "string" ? getProp(c, k) : null;
    throw new ExprRuntimeError(`seq.get: ${describe(c)} is not a collection`);
  }),
  builtin("seq.contains_key", 2, 2, "seq.contains_key(coll, key): key or index present", (_, [c, k]) => {
    if (c == null) return false;
    if (Array.isArray(c)) {
      const i = toJavaInt(numberArg("seq.contains_key", k, 2));
      return i >= 0 && i < (c as readonly unknown[]).length;
    }
    if (isRecord(c)) return typeof k === "string" && Object.hasOwn(c, k);
    throw new ExprRuntimeError(`seq.contains_key: ${describe(c)} is not a map or array`);
  }),
  builtin("seq.list", 0, Infinity, "seq.list(x…): a new list", (_, args) => [...args]),
  builtin("tuple", 0, Infinity, "tuple(x…): a new array", (_, args) => [...args]),
  relation("seq.eq", (c) => c === 0),
  relation("seq.neq", (c) => c !== 0),
  relation("seq.lt", (c) => c < 0),
  relation("seq.le", (c) => c <= 0),
  relation("seq.gt", (c) => c > 0),
  relation("seq.ge", (c) => c >= 0),
  constantPredicate("seq.nil", (x) => x == null),
  constantPredicate("seq.exists", (x) => x != null),
  constantPredicate("seq.true", (x) => x === true),
  constantPredicate("seq.false", (x) => x === false),
  combinator("seq.and", true),
  combinator("seq.or", false),
];
