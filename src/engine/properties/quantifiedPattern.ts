/**
 * The looping-quantifier pattern family: a chain of 2–3 stages over the three-letter alphabet of
 * `linearPattern.ts`, where each stage is single, `times(from, to)` or `timesOrMore(from)`
 * (`oneOrMore()` is `timesOrMore(1)`), with an inner contiguity (`consecutive()` / default /
 * `allowCombinations()`), an optional `until(name == …)` on looping stages and an optional
 * `greedy()`, and an optional FIRST_AND_LAST `within` ({@link windowedPatternArb}: either window
 * type and per-repetition windows `times(from, to, window)`).
 *
 * Only combinations Flink's `Pattern` / `Quantifier` accept are generated: `until` only on
 * looping stages (`Pattern.until`: "The until condition is only applicable to looping states"),
 * `greedy` only on non-single quantifiers whose inner strategy is not SKIP_TILL_ANY
 * (`Quantifier.greedy`: "Option not applicable to FollowedByAny pattern").
 */
import fc from "fast-check";
import type { AfterMatchSkipStrategy, GraphNode, InnerContiguity, WindowType } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { stageName, type Letter, type LinearEdge, type StreamEvent } from "./linearPattern.ts";

/** single, `times(from, to)` (`times(n)` when equal) or `timesOrMore(from)`. */
export type StageQuantifier =
  | { readonly kind: "single" }
  | { readonly kind: "times"; readonly from: number; readonly to: number }
  | { readonly kind: "looping"; readonly from: number };

/** One stage of a {@link QuantifiedPattern}. */
export interface QuantifiedStage {
  readonly accepts: readonly Letter[];
  /** Contiguity of the edge into the stage; ignored for the begin stage. */
  readonly edge: LinearEdge;
  readonly quantifier: StageQuantifier;
  /** Between iterations (ignored for single stages). */
  readonly inner: InnerContiguity;
  /** `until(letters)`: looping stages only. */
  readonly until: readonly Letter[] | null;
  readonly greedy: boolean;
  /** `optional()` (drawn only by the optional-loop union property). */
  readonly optional?: boolean;
  /** The per-repetition window of `times(from, to, window)` / `timesOrMore(from, window)`. */
  readonly window?: number;
}

/** Stages named `s0`, `s1`, … and an optional window in ms (FIRST_AND_LAST unless said). */
export interface QuantifiedPattern {
  readonly stages: readonly QuantifiedStage[];
  readonly window: number | null;
  readonly windowType?: WindowType;
}

/** Whether `letters` contains the event's name. */
export function named(letters: readonly Letter[] | null, event: StreamEvent): boolean {
  return letters !== null && letters.includes(event.name);
}

/** The fewest and most events a stage takes (`Infinity` for looping stages). */
export function boundsOf(quantifier: StageQuantifier): { readonly min: number; readonly max: number } {
  switch (quantifier.kind) {
    case "single":
      return { min: 1, max: 1 };
    case "times":
      return { min: quantifier.from, max: quantifier.to };
    case "looping":
      return { min: quantifier.from, max: Number.POSITIVE_INFINITY };
  }
}

const conditionOf = (letters: readonly Letter[]) => letters.map((l) => `name == '${l}'`).join(" || ");

/** `pattern` as the model's graph, through the Pattern-API-shaped {@link PatternBuilder}. */
export function buildQuantifiedPattern(
  pattern: QuantifiedPattern,
  skip: AfterMatchSkipStrategy = { type: "NO_SKIP", patternName: null },
): GraphNode {
  const builder = PatternBuilder.begin(stageName(0), skip);
  pattern.stages.forEach((stage, index) => {
    if (index > 0) {
      const name = stageName(index);
      if (stage.edge === "STRICT") builder.next(name);
      else if (stage.edge === "SKIP_TILL_NEXT") builder.followedBy(name);
      else builder.followedByAny(name);
    }
    builder.where(conditionOf(stage.accepts));
    const q = stage.quantifier;
    if (q.kind === "single") return;
    if (q.kind === "times") builder.times(q.from, q.to, stage.window);
    else builder.timesOrMore(q.from, stage.window);
    if (stage.inner === "STRICT") builder.consecutive();
    else if (stage.inner === "SKIP_TILL_ANY") builder.allowCombinations();
    if (stage.until !== null) builder.until(conditionOf(stage.until));
    if (stage.greedy) builder.greedy();
    if (stage.optional === true) builder.optional();
  });
  if (pattern.window !== null) builder.within(pattern.window, pattern.windowType);
  return builder.build();
}

// ---- arbitraries --------------------------------------------------------------------------------

const LETTERS: readonly Letter[] = ["a", "b", "c"];
const lettersArb = fc.subarray([...LETTERS], { minLength: 1, maxLength: 2 });
const innerArb = fc.constantFrom<InnerContiguity>("STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY");
const edgeArb = fc.constantFrom<LinearEdge>("STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY");

const quantifierArb: fc.Arbitrary<StageQuantifier> = fc.oneof(
  fc.constant<StageQuantifier>({ kind: "single" }),
  fc
    .record({ from: fc.integer({ min: 1, max: 2 }), extra: fc.integer({ min: 0, max: 2 }) })
    .map(({ from, extra }): StageQuantifier => ({ kind: "times", from, to: from + extra })),
  fc.integer({ min: 1, max: 2 }).map((from): StageQuantifier => ({ kind: "looping", from })),
);

/** A stage with a legal combination of quantifier, inner contiguity, until and greedy. */
const quantifiedStageArb: fc.Arbitrary<QuantifiedStage> = fc
  .record({
    accepts: lettersArb,
    edge: edgeArb,
    quantifier: quantifierArb,
    inner: innerArb,
    until: fc.option(fc.constantFrom<Letter>(...LETTERS), { nil: null, freq: 3 }),
    greedy: fc.boolean(),
  })
  .map(({ until, greedy, ...stage }): QuantifiedStage => ({
    ...stage,
    until: stage.quantifier.kind === "looping" && until !== null ? [until] : null,
    greedy: greedy && stage.quantifier.kind !== "single" && stage.inner !== "SKIP_TILL_ANY",
  }));

/** 2–3 stages, at least one of them quantified, and an optional 1–10 ms window. */
export const quantifiedPatternArb: fc.Arbitrary<QuantifiedPattern> = fc
  .record({
    stages: fc.array(quantifiedStageArb, { minLength: 2, maxLength: 3 }),
    window: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  })
  .filter((p) => p.stages.some((s) => s.quantifier.kind !== "single"));

/** A looping stage with an until condition, greedy or not (inner strategy permitting). */
export const untilStageArb: fc.Arbitrary<QuantifiedStage> = fc
  .record({
    stage: quantifiedStageArb,
    from: fc.integer({ min: 1, max: 2 }),
    until: fc.constantFrom<Letter>(...LETTERS),
    greedy: fc.boolean(),
  })
  .map(({ stage, from, until, greedy }) => ({
    ...stage,
    quantifier: { kind: "looping", from },
    until: [until],
    greedy: greedy && stage.inner !== "SKIP_TILL_ANY",
  }));

/** A greedy `times(from, to)` (from < to) or looping stage; inner strategy never SKIP_TILL_ANY. */
export const greedyStageArb: fc.Arbitrary<QuantifiedStage> = fc
  .record({ stage: quantifiedStageArb, from: fc.integer({ min: 1, max: 2 }), looping: fc.boolean() })
  .map(({ stage, from, looping }) => ({
    ...stage,
    quantifier: looping ? { kind: "looping", from } : { kind: "times", from, to: from + 1 },
    inner: stage.inner === "SKIP_TILL_ANY" ? "SKIP_TILL_NEXT" : stage.inner,
    until: looping ? stage.until : null,
    greedy: true,
  }));

/**
 * At most one stage of {@link quantifiedPatternArb}, then a stage drawn from `focus`, then a
 * single stage (so that the focused stage has to be left).
 */
export function focusedPatternArb(focus: fc.Arbitrary<QuantifiedStage>): fc.Arbitrary<QuantifiedPattern> {
  return fc
    .record({
      pattern: quantifiedPatternArb,
      index: fc.nat(),
      stage: focus,
      closing: fc.record({ accepts: lettersArb, edge: edgeArb }),
    })
    .map(({ pattern, index, stage, closing }) => {
      const at = index % 2;
      const last: QuantifiedStage = {
        ...closing,
        quantifier: { kind: "single" },
        inner: "SKIP_TILL_NEXT",
        until: null,
        greedy: false,
      };
      const stages = [...pattern.stages.slice(0, at), stage, last];
      return { ...pattern, stages };
    });
}

/**
 * {@link quantifiedPatternArb} with either window type and per-repetition windows on some
 * quantified stages, kept within the FIRST_AND_LAST window (`checkPatternWindowTimes`: "Window
 * length of the partial pattern cannot exceed the whole pattern's").
 */
export const windowedPatternArb: fc.Arbitrary<QuantifiedPattern> = fc
  .record({
    pattern: quantifiedPatternArb,
    windowType: fc.constantFrom<WindowType>("FIRST_AND_LAST", "PREVIOUS_AND_CURRENT"),
    windows: fc.array(fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), {
      minLength: 3,
      maxLength: 3,
    }),
  })
  .map(({ pattern, windowType, windows }) => {
    const cap = windowType === "FIRST_AND_LAST" ? (pattern.window ?? Infinity) : Infinity;
    const stages = pattern.stages.map((stage, i) => {
      const window = windows[i];
      if (stage.quantifier.kind === "single" || window === undefined) return stage;
      return { ...stage, window: Math.min(window, cap) };
    });
    return { ...pattern, windowType, stages };
  });
