/**
 * Reading and building {@link Quantifier}s in Flink's terms. The JSON keeps a property set;
 * everything else in CEP Studio asks these questions instead of inspecting the set.
 */
import type { Condition } from "./condition.ts";
import type { Duration } from "./duration.ts";
import { QUANTIFIER_PROPERTIES } from "./pattern.ts";
import type { InnerContiguity, Quantifier, QuantifierProperty } from "./pattern.ts";

/** SINGLE (exactly one event), LOOPING (oneOrMore / timesOrMore) or TIMES (times(n) / times(a, b)). */
export type QuantifierKind = "SINGLE" | "LOOPING" | "TIMES";

/** The quantifier's kind; a set with none of the three reads as SINGLE, as Flink's default. */
export function quantifierKind(q: Quantifier): QuantifierKind {
  if (q.properties.includes("LOOPING")) return "LOOPING";
  if (q.properties.includes("TIMES")) return "TIMES";
  return "SINGLE";
}

export function isOptional(q: Quantifier): boolean {
  return q.properties.includes("OPTIONAL");
}

export function isGreedy(q: Quantifier): boolean {
  return q.properties.includes("GREEDY");
}

/** Sorts properties into EnumSet order and drops duplicates, as Flink's writer does. */
export function canonicalProperties(properties: Iterable<QuantifierProperty>): QuantifierProperty[] {
  const set = new Set(properties);
  return QUANTIFIER_PROPERTIES.filter((p) => set.has(p));
}

/** Flink's `Quantifier.one(SKIP_TILL_NEXT)`: the quantifier of a fresh pattern. */
export function singleQuantifier(): Quantifier {
  return { consumingStrategy: "SKIP_TILL_NEXT", properties: ["SINGLE"], times: null, untilCondition: null };
}

/** `timesOrMore(from[, windowTime])`; `oneOrMore()` is `from` = 1. */
export function loopingQuantifier(from: number, windowTime: Duration | null = null): Quantifier {
  return {
    consumingStrategy: "SKIP_TILL_NEXT",
    properties: ["LOOPING"],
    times: { from, to: from, windowTime },
    untilCondition: null,
  };
}

/** `times(from, to[, windowTime])`, with Flink's rule that `from` = 0 means optional with from = 1. */
export function timesQuantifier(from: number, to: number, windowTime: Duration | null = null): Quantifier {
  const optional = from === 0;
  return {
    consumingStrategy: "SKIP_TILL_NEXT",
    properties: optional ? ["TIMES", "OPTIONAL"] : ["TIMES"],
    times: { from: optional ? 1 : from, to, windowTime },
    untilCondition: null,
  };
}

/** Returns `q` with `property` added (kept in EnumSet order). */
export function withProperty(q: Quantifier, property: QuantifierProperty): Quantifier {
  return { ...q, properties: canonicalProperties([...q.properties, property]) };
}

export function withInnerContiguity(q: Quantifier, consumingStrategy: InnerContiguity): Quantifier {
  return { ...q, consumingStrategy };
}

export function withUntil(q: Quantifier, untilCondition: Condition): Quantifier {
  return { ...q, untilCondition };
}
