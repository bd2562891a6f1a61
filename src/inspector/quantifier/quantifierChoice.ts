/**
 * The quantifier as the inspector offers it: Flink's Pattern API calls (`oneOrMore()`,
 * `times(n)`, `times(from, to)`, `timesOrMore(n)`), mapped onto the document's quantifier edits.
 * Pure.
 */
import { setGreedy, setQuantifierKind, setTimes } from "../../document/edits/quantifierEdits.ts";
import type { Quantifier } from "../../model/pattern.ts";
import { quantifierKind } from "../../model/quantifier.ts";

/** The Pattern API call a quantifier corresponds to. */
export type QuantifierChoice = "single" | "oneOrMore" | "times" | "timesRange" | "timesOrMore";

/** The choices in the order the inspector lists them, in Flink's spelling. */
export const QUANTIFIER_CHOICES: readonly { readonly value: QuantifierChoice; readonly label: string }[] = [
  { value: "single", label: "single (one event)" },
  { value: "oneOrMore", label: "oneOrMore()" },
  { value: "times", label: "times(n)" },
  { value: "timesRange", label: "times(from, to)" },
  { value: "timesOrMore", label: "timesOrMore(n)" },
];

/** Which call `q` is: TIMES with from = to is `times(n)`, LOOPING from 1 is `oneOrMore()`. */
export function quantifierChoice(q: Quantifier): QuantifierChoice {
  const times = q.times;
  switch (quantifierKind(q)) {
    case "SINGLE":
      return "single";
    case "LOOPING":
      return times === null || times.from <= 1 ? "oneOrMore" : "timesOrMore";
    case "TIMES":
      return times !== null && times.from !== times.to ? "timesRange" : "times";
  }
}

/**
 * The call to show for `q` when the user last picked `picked`: `times(from, to)` stays a range
 * while its bounds happen to be equal, and `timesOrMore(n)` stays itself at n = 1, so the form
 * does not swap fields under the user's hands. Any other quantifier shows what it is.
 */
export function shownChoice(q: Quantifier, picked: QuantifierChoice | null): QuantifierChoice {
  const actual = quantifierChoice(q);
  if (picked === "timesRange" && actual === "times") return picked;
  if (picked === "timesOrMore" && actual === "oneOrMore") return picked;
  return actual;
}

/**
 * `q` turned into `choice`, keeping what still applies (optional, inner contiguity, window,
 * counts). A new `timesOrMore` starts at 2 and a new range spans at least two counts, so the
 * choice reads back as what the user picked rather than its `oneOrMore` / `times(n)` twin.
 */
export function withChoice(q: Quantifier, choice: QuantifierChoice): Quantifier {
  if (choice === quantifierChoice(q)) return q;
  const from = q.times?.from ?? 1;
  const to = q.times?.to ?? from;
  switch (choice) {
    case "single":
      // Flink's greedy() is for looping and times patterns only.
      return setGreedy(setQuantifierKind(q, "SINGLE"), false);
    case "oneOrMore":
      return setTimes(setQuantifierKind(q, "LOOPING"), 1, 1);
    case "timesOrMore": {
      const n = Math.max(from, 2);
      return setTimes(setQuantifierKind(q, "LOOPING"), n, n);
    }
    case "times":
      return setTimes(setQuantifierKind(q, "TIMES"), from, from);
    case "timesRange":
      return setTimes(setQuantifierKind(q, "TIMES"), from, Math.max(to, from + 1));
  }
}

/** Why `from`/`to` can't be repetition bounds (Flink's `Times.of` checks), or null. */
export function countsProblem(from: number, to: number): string | null {
  if (!Number.isInteger(from) || from < 1 || !Number.isInteger(to)) return "Counts are whole numbers ≥ 1.";
  if (from > to) return `From (${from}) must not be greater than to (${to}).`;
  return null;
}
