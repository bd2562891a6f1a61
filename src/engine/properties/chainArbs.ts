/**
 * fast-check arbitraries for the chain family of `chainPattern.ts`, drawing only what Flink's
 * Pattern API accepts: `until` on looping patterns (`Pattern.until`), a NOT stage never first,
 * never right after an optional pattern ("Specifying a pattern with an optional path to NOT
 * condition is not supported yet") and never optional or quantified itself, a `notFollowedBy` at
 * the end only with a window (`NFACompiler.compileFactory`), and no group whose stages are all
 * optional. Properties also drop what the model's validation rejects.
 */
import fc from "fast-check";
import type { AfterMatchSkipStrategy, InnerContiguity, WindowType } from "../../model/pattern.ts";
import { AfterMatchSkip } from "../../model/patternBuilder.ts";
import {
  topLevelStageNames,
  type ChainElement,
  type ChainGroup,
  type ChainNot,
  type ChainPattern,
  type ChainStage,
} from "./chainPattern.ts";
import type { Letter, LinearEdge } from "./linearPattern.ts";
import type { StageQuantifier } from "./quantifiedPattern.ts";

const LETTERS: readonly Letter[] = ["a", "b", "c"];
const lettersArb = fc.subarray([...LETTERS], { minLength: 1, maxLength: 2 });
const edgeArb = fc.constantFrom<LinearEdge>("STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY");
const innerArb = fc.constantFrom<InnerContiguity>("STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY");

const quantifierArb: fc.Arbitrary<StageQuantifier> = fc.oneof(
  fc.constant<StageQuantifier>({ kind: "single" }),
  fc
    .record({ from: fc.integer({ min: 1, max: 2 }), extra: fc.integer({ min: 0, max: 1 }) })
    .map(({ from, extra }): StageQuantifier => ({ kind: "times", from, to: from + extra })),
  fc.integer({ min: 1, max: 2 }).map((from): StageQuantifier => ({ kind: "looping", from })),
);

/** A stage; `optional` with probability ~1/4, `until` on a looping stage ~1/3 of the time. */
export const chainStageArb: fc.Arbitrary<ChainStage> = fc
  .record({
    edge: edgeArb,
    accepts: lettersArb,
    quantifier: quantifierArb,
    inner: innerArb,
    optional: fc.boolean(),
    optionalCoin: fc.boolean(),
    until: fc.option(fc.constantFrom(...LETTERS), { nil: null, freq: 2 }),
  })
  .map(({ optional, optionalCoin, until, ...stage }) => ({
    kind: "stage" as const,
    ...stage,
    optional: optional && optionalCoin,
    until: stage.quantifier.kind === "looping" && until !== null ? [until] : null,
  }));

const notArb: fc.Arbitrary<ChainNot> = fc.record({
  kind: fc.constant("not" as const),
  type: fc.constantFrom("NOT_NEXT" as const, "NOT_FOLLOW" as const),
  accepts: lettersArb,
});

/** The stage before a NOT cannot be optional: the NOT wins, the stage becomes mandatory. */
function mandatoryBeforeNots<E extends ChainElement>(elements: readonly E[]): E[] {
  return elements.map((e, i) =>
    elements[i + 1]?.kind === "not" && e.kind !== "not" ? { ...e, optional: false } : e,
  );
}

/** Positive elements, each followed by at most one NOT (the last one too). */
function withNots<E extends ChainStage | ChainGroup>(
  positives: readonly E[],
  nots: readonly (ChainNot | null)[],
  notAtEnd: boolean,
): (E | ChainNot)[] {
  const out: (E | ChainNot)[] = [];
  positives.forEach((p, i) => {
    out.push(p);
    const not = nots[i];
    if (not !== null && not !== undefined && (i < positives.length - 1 || notAtEnd)) out.push(not);
  });
  return mandatoryBeforeNots(out);
}

const windowArb = fc.option(
  fc.record({
    time: fc.integer({ min: 1, max: 8 }),
    type: fc.constantFrom<WindowType>("FIRST_AND_LAST", "PREVIOUS_AND_CURRENT"),
  }),
  { nil: null },
);

/** A trailing notFollowedBy needs a window: give it one. */
function windowFor(
  elements: readonly ChainElement[],
  window: ChainPattern["window"],
): ChainPattern["window"] {
  const last = elements[elements.length - 1];
  const needs = last?.kind === "not" && last.type === "NOT_FOLLOW";
  return needs && window === null ? { time: 4, type: "FIRST_AND_LAST" } : window;
}

/** (a) 2–3 quantified stages with NOT stages between and after them, at least one NOT. */
export const notLoopPatternArb: fc.Arbitrary<ChainPattern> = fc
  .record({
    stages: fc.array(chainStageArb, { minLength: 2, maxLength: 3 }),
    nots: fc.array(fc.option(notArb, { nil: null, freq: 2 }), { minLength: 3, maxLength: 3 }),
    notAtEnd: fc.boolean(),
    window: windowArb,
  })
  .map(({ stages, nots, notAtEnd, window }) => {
    const elements = withNots(stages, nots, notAtEnd);
    return { elements, window: windowFor(elements, window) };
  })
  .filter(
    (p) =>
      p.elements.some((e) => e.kind === "not") &&
      p.elements.some((e) => e.kind === "stage" && e.quantifier.kind !== "single"),
  );

/** A group's chain: 1–3 stages (the first never optional), a NOT possibly between two. */
const groupArb: fc.Arbitrary<ChainGroup> = fc
  .record({
    edge: edgeArb,
    stages: fc.array(chainStageArb, { minLength: 1, maxLength: 2 }),
    nots: fc.array(fc.option(notArb, { nil: null, freq: 2 }), { minLength: 2, maxLength: 2 }),
    quantifier: quantifierArb,
    inner: innerArb,
    optional: fc.boolean(),
    until: fc.option(fc.constantFrom(...LETTERS), { nil: null, freq: 2 }),
  })
  .map(({ stages, nots, until, ...group }) => {
    const [first, ...rest] = stages;
    const inner = first === undefined ? stages : [{ ...first, optional: false }, ...rest];
    return {
      kind: "group" as const,
      ...group,
      elements: withNots(inner, nots, false),
      until: group.quantifier.kind === "looping" && until !== null ? [until] : null,
    };
  });

/** (b) an optional prefix stage, a group, an optional suffix stage; NOTs around and inside the group. */
export const groupChainPatternArb: fc.Arbitrary<ChainPattern> = fc
  .record({
    prefix: fc.option(chainStageArb, { nil: null }),
    group: groupArb,
    suffix: fc.option(chainStageArb, { nil: null }),
    nots: fc.array(fc.option(notArb, { nil: null, freq: 2 }), { minLength: 3, maxLength: 3 }),
    window: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
  })
  .map(({ prefix, group, suffix, nots, window }) => {
    const positives: (ChainStage | ChainGroup)[] = [
      ...(prefix === null ? [] : [prefix]),
      group,
      ...(suffix === null ? [] : [suffix]),
    ];
    const elements = withNots(positives, nots, false);
    return { elements, window: window === null ? null : { time: window, type: "FIRST_AND_LAST" as const } };
  });

/** A chain with any skip strategy it admits (SKIP_TO_FIRST / LAST name a top-level stage). */
export function withChainSkip(
  patterns: fc.Arbitrary<ChainPattern>,
): fc.Arbitrary<{ readonly pattern: ChainPattern; readonly skip: AfterMatchSkipStrategy }> {
  return patterns.chain((pattern) => {
    const names = topLevelStageNames(pattern.elements);
    const skip = fc.oneof(
      fc.constant<AfterMatchSkipStrategy>(AfterMatchSkip.noSkip()),
      fc.constant<AfterMatchSkipStrategy>(AfterMatchSkip.skipToNext()),
      fc.constant<AfterMatchSkipStrategy>(AfterMatchSkip.skipPastLastEvent()),
      ...(names.length === 0
        ? []
        : [
            fc.constantFrom(...names).map(AfterMatchSkip.skipToFirst),
            fc.constantFrom(...names).map(AfterMatchSkip.skipToLast),
          ]),
    );
    return skip.map((s) => ({ pattern, skip: s }));
  });
}

/**
 * `notFollowedBy` right before an optional stage, then a closing stage: whether the optional
 * stage took an event decides whether the NOT still holds (`copyWithoutTransitiveNots`).
 */
export const notBeforeOptionalArb: fc.Arbitrary<ChainPattern> = fc
  .record({
    first: chainStageArb,
    not: notArb,
    optional: chainStageArb,
    closing: chainStageArb,
    trailing: fc.option(notArb, { nil: null }),
    window: windowArb,
  })
  .map(({ first, not, optional, closing, trailing, window }) => {
    const elements: ChainElement[] = [
      { ...first, optional: false },
      { ...not, type: "NOT_FOLLOW" },
      { ...optional, optional: true },
      ...mandatoryBeforeNots([closing, ...(trailing === null ? [] : [trailing])]),
    ];
    return { elements, window: windowFor(elements, window) };
  });
