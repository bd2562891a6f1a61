/**
 * The chain family the state-graph oracle (`stateGraph.ts`) judges: stages with any quantifier
 * (single, `times(from, to)`, `timesOrMore(from)`), inner contiguity, `optional()` and `until()`,
 * `notNext` / `notFollowedBy` stages between or after them, and group patterns holding such a
 * chain under their own quantifier, inner contiguity, `optional()` and `until()`. One description
 * gives both sides of a property: the model's graph (through the Pattern-API-shaped
 * {@link PatternBuilder}, as users' rules are built) and the chain of Flink `Pattern`s the oracle
 * compiles. Atomic stages (NOT stages included) are named `s0`, `s1`, … in pattern order; groups
 * are Flink's `GroupPattern`s.
 */
import type { AfterMatchSkipStrategy, GraphNode, InnerContiguity, WindowType } from "../../model/pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { Letter, LinearEdge, StreamEvent } from "./linearPattern.ts";
import type { StageQuantifier } from "./quantifiedPattern.ts";
import { simulateRuns } from "./runModel.ts";
import { compileStateGraph } from "./stateGraph.ts";
import type { OraclePattern, Predicate, Strategy } from "./stateGraphCursor.ts";
import { stateGraphRunSpace } from "./stateGraphRuns.ts";

/** A stage (atomic pattern) with a quantifier. */
export interface ChainStage {
  readonly kind: "stage";
  readonly edge: LinearEdge;
  readonly accepts: readonly Letter[];
  readonly quantifier: StageQuantifier;
  readonly inner: InnerContiguity;
  readonly optional: boolean;
  /** Looping stages only. */
  readonly until: readonly Letter[] | null;
  /** The per-repetition window of `times(from, to, window)` / `timesOrMore(from, window)`. */
  readonly window?: number;
}

/** `notNext(name)` / `notFollowedBy(name)` with its condition. */
export interface ChainNot {
  readonly kind: "not";
  readonly type: "NOT_NEXT" | "NOT_FOLLOW";
  readonly accepts: readonly Letter[];
}

/** A group pattern over a chain of stages and NOTs. */
export interface ChainGroup {
  readonly kind: "group";
  readonly edge: LinearEdge;
  readonly elements: readonly (ChainStage | ChainNot)[];
  readonly quantifier: StageQuantifier;
  readonly inner: InnerContiguity;
  readonly optional: boolean;
  readonly until: readonly Letter[] | null;
}

export type ChainElement = ChainStage | ChainNot | ChainGroup;

/** A chain and its `within` (on the last pattern, as `GraphSpec.toPattern` puts it). */
export interface ChainPattern {
  readonly elements: readonly ChainElement[];
  readonly window: { readonly time: number; readonly type: WindowType } | null;
}

const conditionOf = (letters: readonly Letter[]) => letters.map((l) => `name == '${l}'`).join(" || ");

/** How many atomic stages (match-map names) the chain has. */
export function stageCountOf(elements: readonly ChainElement[]): number {
  return elements.reduce((n, e) => n + (e.kind === "group" ? stageCountOf(e.elements) : 1), 0);
}

/**
 * The names a skip strategy may name: the top-level atomic stages (`checkPatternSkipStrategy`
 * walks the top-level chain only, where a group is named "GroupPattern").
 */
export function topLevelStageNames(elements: readonly ChainElement[]): string[] {
  const names: string[] = [];
  let next = 0;
  for (const e of elements) {
    if (e.kind === "group") next += stageCountOf(e.elements);
    else names.push(`s${next++}`);
  }
  return names;
}

/** `pattern` as the model's graph, through {@link PatternBuilder}. */
export function buildChainPattern(
  pattern: ChainPattern,
  skip: AfterMatchSkipStrategy = AfterMatchSkip.noSkip(),
): GraphNode {
  const counter = { next: 0 };
  const builder = buildElements(pattern.elements, counter, skip);
  if (pattern.window !== null) builder.within(pattern.window.time, pattern.window.type);
  return builder.build();
}

function buildElements(
  elements: readonly ChainElement[],
  counter: { next: number },
  skip: AfterMatchSkipStrategy,
): PatternBuilder {
  let builder: PatternBuilder | null = null;
  for (const element of elements) {
    if (element.kind === "not") {
      if (builder === null) throw new Error("a chain cannot begin with a NOT stage");
      const name = `s${counter.next++}`;
      (element.type === "NOT_NEXT" ? builder.notNext(name) : builder.notFollowedBy(name)).where(
        conditionOf(element.accepts),
      );
      continue;
    }
    const target =
      element.kind === "stage" ? `s${counter.next++}` : buildElements(element.elements, counter, skip);
    if (builder === null) builder = PatternBuilder.begin(target, skip);
    else if (element.edge === "STRICT") builder.next(target);
    else if (element.edge === "SKIP_TILL_NEXT") builder.followedBy(target);
    else builder.followedByAny(target);
    if (element.kind === "stage") builder.where(conditionOf(element.accepts));
    shapeQuantifier(builder, element);
  }
  if (builder === null) throw new Error("an empty chain");
  return builder;
}

function shapeQuantifier(builder: PatternBuilder, element: ChainStage | ChainGroup): void {
  const q = element.quantifier;
  const window = element.kind === "stage" ? element.window : undefined;
  if (q.kind === "times") builder.times(q.from, q.to, window);
  else if (q.kind === "looping") builder.timesOrMore(q.from, window);
  if (q.kind !== "single" && element.inner === "STRICT") builder.consecutive();
  if (q.kind !== "single" && element.inner === "SKIP_TILL_ANY") builder.allowCombinations();
  if (element.until !== null) builder.until(conditionOf(element.until));
  if (element.optional) builder.optional();
}

/** The chain of Flink `Pattern`s the oracle compiles, conditions read on `events`. */
export function toOraclePattern(pattern: ChainPattern, events: readonly StreamEvent[]): OraclePattern {
  const is =
    (letters: readonly Letter[]): Predicate =>
    (pos) => {
      const event = events[pos];
      if (event === undefined) throw new RangeError(`no event at ${pos}`);
      return letters.includes(event.name);
    };
  const counter = { next: 0 };
  const chain = (elements: readonly ChainElement[]): OraclePattern => {
    let previous: OraclePattern | null = null;
    for (const element of elements) {
      // `Pattern.begin` (also inside a group) is STRICT.
      const edge: Strategy =
        previous === null ? "STRICT" : element.kind === "not" ? element.type : element.edge;
      if (element.kind === "not") {
        previous = atomic(`s${counter.next++}`, previous, edge, is(element.accepts));
        continue;
      }
      const base: OraclePattern =
        element.kind === "stage"
          ? atomic(`s${counter.next++}`, previous, edge, is(element.accepts))
          : { ...atomic("GroupPattern", previous, edge, () => true), raw: chain(element.elements) };
      const q = element.quantifier;
      previous = {
        ...base,
        // `consecutive()` / `allowCombinations()` apply to quantified patterns only.
        inner: q.kind === "single" ? "SKIP_TILL_NEXT" : element.inner,
        kind: q.kind === "single" ? "SINGLE" : q.kind === "times" ? "TIMES" : "LOOPING",
        optional: element.optional,
        // `timesOrMore(n)` is `Times.of(n)`: from = to = n.
        times:
          q.kind === "single"
            ? null
            : {
                from: q.from,
                to: q.kind === "times" ? q.to : q.from,
                window: (element.kind === "stage" ? element.window : undefined) ?? null,
              },
        until: element.until === null ? null : is(element.until),
      };
    }
    if (previous === null) throw new Error("an empty chain");
    return previous;
  };
  const last = chain(pattern.elements);
  const { window } = pattern;
  return {
    ...last,
    firstAndLast: window?.type === "FIRST_AND_LAST" ? window.time : null,
    previousAndCurrent: window?.type === "PREVIOUS_AND_CURRENT" ? window.time : null,
  };
}

function atomic(
  name: string,
  previous: OraclePattern | null,
  strategy: Strategy,
  condition: Predicate,
): OraclePattern {
  return {
    name,
    previous,
    condition,
    strategy,
    inner: "SKIP_TILL_NEXT",
    kind: "SINGLE",
    optional: false,
    times: null,
    until: null,
    firstAndLast: null,
    previousAndCurrent: null,
    raw: null,
  };
}

/**
 * Every log (normalized, one per tie order) the run model writes for `pattern` over the
 * state-graph oracle's computation states, fed as `NFATestHarness` feeds it, then
 * `advanceTime(finalTime)` if given; null when there are too many tie orders.
 */
export function simulateChain(
  pattern: ChainPattern,
  skip: AfterMatchSkipStrategy,
  events: readonly StreamEvent[],
  finalTime: number | null,
): string[][] | null {
  const graph = compileStateGraph(toOraclePattern(pattern, events));
  return simulateRuns(
    stateGraphRunSpace(graph, events, stageCountOf(pattern.elements)),
    skip,
    events,
    finalTime,
  );
}
