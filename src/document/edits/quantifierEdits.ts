/**
 * Quantifier changes the inspector makes, on top of the builders in `src/model/quantifier.ts`.
 * Each returns a new quantifier in Flink's shape (properties in EnumSet order, `times` present
 * exactly for LOOPING and TIMES).
 */
import type { Condition } from "../../model/condition.ts";
import type { Duration } from "../../model/duration.ts";
import type { Quantifier, QuantifierProperty } from "../../model/pattern.ts";
import type { QuantifierKind } from "../../model/quantifier.ts";
import { canonicalProperties, quantifierKind, withProperty } from "../../model/quantifier.ts";

/** `q` without `property`. */
export function withoutProperty(q: Quantifier, property: QuantifierProperty): Quantifier {
  if (!q.properties.includes(property)) return q;
  return { ...q, properties: q.properties.filter((p) => p !== property) };
}

/** `optional()` on or off. */
export function setOptional(q: Quantifier, optional: boolean): Quantifier {
  return optional ? withProperty(q, "OPTIONAL") : withoutProperty(q, "OPTIONAL");
}

/** `greedy()` on or off. */
export function setGreedy(q: Quantifier, greedy: boolean): Quantifier {
  return greedy ? withProperty(q, "GREEDY") : withoutProperty(q, "GREEDY");
}

/**
 * Switches between single, looping (`oneOrMore` / `timesOrMore(n)`) and times (`times(n)` /
 * `times(a, b)`), keeping the optional/greedy flags, inner contiguity and the bounds where they
 * still make sense. Only a looping stage keeps its until condition (Flink allows `until` nowhere else).
 */
export function setQuantifierKind(q: Quantifier, kind: QuantifierKind): Quantifier {
  if (quantifierKind(q) === kind) return q;
  const flags = q.properties.filter((p) => p === "OPTIONAL" || p === "GREEDY");
  const from = q.times?.from ?? 1;
  const windowTime = q.times?.windowTime ?? null;
  switch (kind) {
    case "SINGLE":
      return {
        ...q,
        properties: canonicalProperties(["SINGLE", ...flags]),
        times: null,
        untilCondition: null,
      };
    case "LOOPING":
      return {
        ...q,
        properties: canonicalProperties(["LOOPING", ...flags]),
        times: { from, to: from, windowTime },
      };
    case "TIMES":
      return {
        ...q,
        properties: canonicalProperties(["TIMES", ...flags]),
        times: { from, to: Math.max(from, q.times?.to ?? from), windowTime },
        untilCondition: null,
      };
  }
}

/**
 * Sets the repetition bounds: `timesOrMore(from)` for a looping stage (`to` is ignored and
 * written equal to `from`, as Flink's writer does), `times(from, to)` for a times stage.
 * Unchanged for a single stage.
 */
export function setTimes(q: Quantifier, from: number, to: number): Quantifier {
  const kind = quantifierKind(q);
  if (kind === "SINGLE") return q;
  const windowTime = q.times?.windowTime ?? null;
  return { ...q, times: { from, to: kind === "LOOPING" ? from : to, windowTime } };
}

/** Sets the per-repetition window (`times(a, b, windowTime)` / `timesOrMore(n, windowTime)`); null removes it. */
export function setTimesWindow(q: Quantifier, windowTime: Duration | null): Quantifier {
  if (!q.times) return q;
  return { ...q, times: { ...q.times, windowTime } };
}

/** Sets or removes `until(condition)`. */
export function setUntil(q: Quantifier, untilCondition: Condition | null): Quantifier {
  return q.untilCondition === untilCondition ? q : { ...q, untilCondition };
}
