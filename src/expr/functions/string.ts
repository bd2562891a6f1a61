/**
 * Aviator's `string.*` functions (`runtime/function/string/*` in Aviator 5.x): contains,
 * startsWith, endsWith, indexOf, length, substring, split, join, replace_first, replace_all.
 * Aviator has no upper/lower-case or trim functions; neither do we, so a condition written here
 * never calls something Flink's Aviator lacks.
 */

import { concat } from "../arith.ts";
import { ExprRuntimeError } from "../errors.ts";
import { cachedPattern, RegexSyntaxError, type CompiledPattern } from "../regex.ts";
import { javaReplace, javaSplit } from "../regexOps.ts";
import { describe, javaToString, toJavaInt } from "../values.ts";
import { builtin, numberArg, stringArg, type Builtin } from "./types.ts";

function pattern(fn: string, source: string): CompiledPattern {
  try {
    return cachedPattern(source);
  } catch (e) {
    if (e instanceof RegexSyntaxError) throw new ExprRuntimeError(`${fn}: ${e.message}`);
    throw e;
  }
}

function substring(fn: string, s: string, begin: number, end: number): string {
  if (begin < 0 || end > s.length || begin > end) {
    throw new ExprRuntimeError(`${fn}: begin ${begin}, end ${end}, length ${s.length}`);
  }
  return s.substring(begin, end);
}

/** The `string.*` builtins. */
export const stringFunctions: readonly Builtin[] = [
  builtin("string.contains", 2, 2, "string.contains(s, part): true when s contains part", (_, [s, p]) => {
    return stringArg("string.contains", s, 1).includes(stringArg("string.contains", p, 2));
  }),
  builtin("string.startsWith", 2, 2, "string.startsWith(s, prefix)", (_, [s, p]) => {
    return stringArg("string.startsWith", s, 1).startsWith(stringArg("string.startsWith", p, 2));
  }),
  builtin("string.endsWith", 2, 2, "string.endsWith(s, suffix)", (_, [s, p]) => {
    return stringArg("string.endsWith", s, 1).endsWith(stringArg("string.endsWith", p, 2));
  }),
  builtin("string.indexOf", 2, 2, "string.indexOf(s, part): index of part in s, or -1", (_, [s, p]) => {
    return stringArg("string.indexOf", s, 1).indexOf(stringArg("string.indexOf", p, 2));
  }),
  builtin(
    "string.length",
    1,
    1,
    "string.length(s): number of UTF-16 code units",
    (_, [s]) => stringArg("string.length", s, 1).length,
    { call1: (_, s) => stringArg("string.length", s, 1).length },
  ),
  builtin("string.substring", 2, 3, "string.substring(s, begin[, end])", (_, args) => {
    const fn = "string.substring";
    const s = stringArg(fn, args[0], 1);
    const begin = toJavaInt(numberArg(fn, args[1], 2));
    const end = args.length > 2 ? toJavaInt(numberArg(fn, args[2], 3)) : s.length;
    return substring(fn, s, begin, end);
  }),
  builtin("string.split", 2, 3, "string.split(s, regex[, limit]): Java String.split", (_, args) => {
    const fn = "string.split";
    const s = stringArg(fn, args[0], 1);
    const re = pattern(fn, stringArg(fn, args[1], 2));
    const limit = args.length > 2 ? toJavaInt(numberArg(fn, args[2], 3)) : 0;
    return javaSplit(s, re, limit);
  }),
  builtin("string.join", 1, 2, "string.join(seq[, separator])", (_, args) => {
    const fn = "string.join";
    const seq = args[0];
    const sep = args.length > 1 ? stringArg(fn, args[1], 2) : "";
    if (!Array.isArray(seq)) throw new ExprRuntimeError(`${fn}: ${describe(seq)} is not a seq`);
    let out = "";
    (seq as readonly unknown[]).forEach((e, i) => {
      out = concat(out, i === 0 ? javaToString(e) : sep + javaToString(e));
    });
    return out;
  }),
  builtin("string.replace_first", 3, 3, "string.replace_first(s, regex, replacement)", (_, args) => {
    const fn = "string.replace_first";
    const s = stringArg(fn, args[0], 1);
    const re = pattern(fn, stringArg(fn, args[1], 2));
    return javaReplace(s, re, stringArg(fn, args[2], 3), false);
  }),
  builtin("string.replace_all", 3, 3, "string.replace_all(s, regex, replacement)", (_, args) => {
    const fn = "string.replace_all";
    const s = stringArg(fn, args[0], 1);
    const re = pattern(fn, stringArg(fn, args[1], 2));
    return javaReplace(s, re, stringArg(fn, args[2], 3), true);
  }),
];
