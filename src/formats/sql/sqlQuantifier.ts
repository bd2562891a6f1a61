/**
 * A stage's quantifier as a MATCH_RECOGNIZE quantifier, checked against the way Flink's planner
 * turns SQL back into a Pattern (`CommonExecMatch.PatternVisitor.applyQuantifier`, format notes
 * §10.1): `*` → oneOrMore().optional().consecutive(), `+` → oneOrMore().consecutive(),
 * `?` → optional(), `{n,m}` → times(n, m).consecutive(), `{n,}` → timesOrMore(n).consecutive(),
 * plus greedy() for variable-length greedy quantifiers (a trailing `?` makes them reluctant).
 * Only quantifiers whose round trip gives back the stage's own quantifier are written.
 */
import type { Quantifier } from "../../model/pattern.ts";
import { isGreedy, isOptional, quantifierKind } from "../../model/quantifier.ts";
import type { ExportNotes } from "../exportNote.ts";

/** The SQL quantifier and what Flink's planner will make of it. */
export interface SqlQuantifier {
  /** Suffix after the variable: "", "?", "+", "*?", "{3}", "{2,}"… */
  readonly suffix: string;
  /** The planner will call greedy(): Flink rejects that on the last variable and before an optional one. */
  readonly greedy: boolean;
  readonly optional: boolean;
}

/** Maps `q`, or records error notes for `stage` and returns null. */
export function sqlQuantifier(q: Quantifier, stage: string, notes: ExportNotes): SqlQuantifier | null {
  const problems: string[] = [];
  const refuse = (message: string) => problems.push(message);
  const done = (result: SqlQuantifier): SqlQuantifier | null => {
    for (const problem of problems) notes.error(stage, problem);
    return problems.length === 0 ? result : null;
  };
  const kind = quantifierKind(q);
  const optional = isOptional(q);
  const greedy = isGreedy(q);
  if (q.untilCondition !== null) {
    refuse("until() has no MATCH_RECOGNIZE equivalent in Apache Flink SQL");
  }
  if (q.times?.windowTime) {
    refuse(
      "a per-repetition window (times.windowTime) has no MATCH_RECOGNIZE equivalent in Apache Flink SQL",
    );
  }
  if (kind === "SINGLE" || q.times === null) {
    if (kind !== "SINGLE")
      notes.warning(stage, `${kind} without 'times' is read by Flink's JSON reader as a single stage`);
    if (greedy)
      refuse("GREEDY on a single stage is malformed (Flink: not applicable to singleton quantifier)");
    return done({ suffix: optional ? "?" : "", greedy: false, optional });
  }
  const { from, to } = q.times;
  const repeats = kind === "LOOPING" || to > 1;
  if (repeats && q.consumingStrategy !== "STRICT") {
    const inner =
      q.consumingStrategy === "SKIP_TILL_ANY" ? "allowCombinations()" : "relaxed (skip till next)";
    refuse(
      `its inner contiguity is ${inner}, but SQL loops are always consecutive(); make the stage consecutive to export it`,
    );
  }
  if (optional && from > 1) {
    const form = kind === "LOOPING" ? `timesOrMore(${from})` : `times(${from}, ${to})`;
    refuse(`an optional ${form} needs a group pattern, which Apache Flink SQL does not support`);
  }
  if (problems.length > 0) return done({ suffix: "", greedy: false, optional });
  // The planner skips greedy() when the quantifier is fixed-length (`{n}`) or `?`: there it has no effect.
  const reluctant = greedy ? "" : "?";
  if (kind === "TIMES") {
    if (optional) {
      return to === 1
        ? { suffix: "?", greedy: false, optional }
        : { suffix: `{0,${to}}${reluctant}`, greedy, optional };
    }
    return from === to
      ? { suffix: `{${from}}`, greedy: false, optional }
      : { suffix: `{${from},${to}}${reluctant}`, greedy, optional };
  }
  if (optional) return { suffix: `*${reluctant}`, greedy, optional };
  return { suffix: from === 1 ? `+${reluctant}` : `{${from},}${reluctant}`, greedy, optional };
}
