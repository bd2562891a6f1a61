/**
 * The short texts the canvas shows for a pattern's parts, in Flink's words: quantifier badges in
 * regular-expression shorthand (`+`, `{2,4}`, `?`), contiguity as the Java API names it
 * (`next`, `followedByAny`, `consecutive()`), windows and after-match skip strategies.
 */
import type { Duration, TimeUnit } from "../model/duration.ts";
import type { AfterMatchSkipStrategy, EdgeContiguity, Quantifier, Window } from "../model/pattern.ts";
import { isGreedy, isOptional, quantifierKind } from "../model/quantifier.ts";

/** The Pattern API method that creates an edge of each contiguity. */
export const CONTIGUITY_WORDS: Readonly<Record<EdgeContiguity, string>> = {
  STRICT: "next",
  SKIP_TILL_NEXT: "followedBy",
  SKIP_TILL_ANY: "followedByAny",
  NOT_NEXT: "notNext",
  NOT_FOLLOW: "notFollowedBy",
};

/** True for the negative contiguities (the target stage must NOT match). */
export function isNegativeContiguity(type: EdgeContiguity): boolean {
  return type === "NOT_NEXT" || type === "NOT_FOLLOW";
}

/**
 * The quantifier as a badge: `1` (single), `+` (oneOrMore), `{n,}` (timesOrMore), `{n}` / `{n,m}`
 * (times), with `?` appended for optional().
 */
export function quantifierBadge(q: Quantifier): string {
  const { times } = q;
  let badge: string;
  switch (quantifierKind(q)) {
    case "SINGLE":
      badge = "1";
      break;
    case "LOOPING":
      badge = !times || times.from <= 1 ? "+" : `{${times.from},}`;
      break;
    case "TIMES":
      badge = !times ? "{?}" : times.from === times.to ? `{${times.from}}` : `{${times.from},${times.to}}`;
      break;
  }
  return isOptional(q) ? `${badge}?` : badge;
}

/** What the quantifier badge means, in Pattern API calls (the badge's tooltip). */
export function quantifierCalls(q: Quantifier): string {
  const { times } = q;
  const calls: string[] = [];
  switch (quantifierKind(q)) {
    case "SINGLE":
      calls.push("exactly one event");
      break;
    case "LOOPING":
      calls.push(!times || times.from <= 1 ? "oneOrMore()" : `timesOrMore(${times.from})`);
      break;
    case "TIMES":
      calls.push(
        !times || times.from === times.to
          ? `times(${times?.from ?? "?"})`
          : `times(${times.from}, ${times.to})`,
      );
      break;
  }
  if (isOptional(q)) calls.push("optional()");
  if (isGreedy(q)) calls.push("greedy()");
  return calls.join(".");
}

/**
 * Inner contiguity of a looping or times stage (between its own iterations), or null when it is
 * the default (relaxed) or the stage takes one event only.
 */
export function innerContiguityLabel(q: Quantifier): string | null {
  if (quantifierKind(q) === "SINGLE") return null;
  if (q.consumingStrategy === "STRICT") return "consecutive()";
  if (q.consumingStrategy === "SKIP_TILL_ANY") return "allowCombinations()";
  return null;
}

const UNIT_WORDS: Readonly<Record<TimeUnit, string>> = {
  NANOSECONDS: "ns",
  MICROSECONDS: "µs",
  MILLISECONDS: "ms",
  SECONDS: "s",
  MINUTES: "min",
  HOURS: "h",
  DAYS: "d",
};

/** `5 min`, `30 s`, `2 h`. */
export function formatDuration(duration: Duration): string {
  return `${duration.size} ${UNIT_WORDS[duration.unit]}`;
}

/** `within 5 min` plus how Flink measures it. */
export function windowLabel(window: Window): { text: string; measure: string } {
  return {
    text: `within ${formatDuration(window.time)}`,
    measure: window.type === "FIRST_AND_LAST" ? "first → last event" : "previous → current event",
  };
}

/** The after-match skip strategy as its `AfterMatchSkipStrategy` factory call. */
export function skipStrategyLabel(strategy: AfterMatchSkipStrategy): string {
  const name = strategy.patternName ?? "?";
  switch (strategy.type) {
    case "NO_SKIP":
      return "noSkip()";
    case "SKIP_TO_NEXT":
      return "skipToNext()";
    case "SKIP_PAST_LAST_EVENT":
      return "skipPastLastEvent()";
    case "SKIP_TO_FIRST":
      return `skipToFirst("${name}")`;
    case "SKIP_TO_LAST":
      return `skipToLast("${name}")`;
  }
}
