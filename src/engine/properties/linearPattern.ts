/**
 * The pattern family the property tests generate: a linear chain of 2–4 stages over a three-letter
 * alphabet (`name` ∈ a, b, c), each stage accepting a set of letters, joined by `next` /
 * `followedBy` / `followedByAny`, with an optional `within` (FIRST_AND_LAST). Small enough for a
 * brute-force oracle, rich enough to reach every contiguity, window and skip-strategy rule of
 * Flink's NFA (`NFACompiler.createSingletonState`, `NFA.doProcess`).
 *
 * Also the fast-check arbitraries for such patterns and for event streams, and
 * {@link buildLinearPattern}, which goes through the Pattern-API-shaped builder users' rules
 * take, so the tests exercise the real compile path.
 */
import fc from "fast-check";
import type { AfterMatchSkipStrategy, GraphNode, InnerContiguity, WindowType } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { EventRecord } from "../api.ts";

/** The event alphabet: the value of an event's `name` field. */
export type Letter = "a" | "b" | "c";
const LETTERS: readonly Letter[] = ["a", "b", "c"];

/** How a stage's first event relates to the previous stage's last: next / followedBy / followedByAny. */
export type LinearEdge = "STRICT" | "SKIP_TILL_NEXT" | "SKIP_TILL_ANY";

/** One stage: the letters its condition accepts, and the contiguity of the edge into it. */
export interface LinearStage {
  readonly accepts: readonly Letter[];
  /** Ignored for the begin stage. */
  readonly edge: LinearEdge;
  /** `times(n)` with this inner contiguity (default: a single stage). */
  readonly times?: { readonly n: number; readonly inner: InnerContiguity };
  /** `optional()`. */
  readonly optional?: boolean;
}

/** A linear pattern: stages named `s0`, `s1`, … in order, and the `within` window in ms. */
export interface LinearPattern {
  readonly stages: readonly LinearStage[];
  readonly window: number | null;
  /** The window's `WithinType` (default FIRST_AND_LAST). */
  readonly windowType?: WindowType;
}

/** One input event; `i` is its arrival index, which identifies it in matches. */
export interface StreamEvent extends EventRecord {
  readonly i: number;
  readonly name: Letter;
  readonly ts: number;
  readonly key: string;
}

/** The name of stage `index` (what the match maps and skip strategies refer to). */
export function stageName(index: number): string {
  return `s${index}`;
}

/** The condition-language expression accepting exactly `letters`. */
function conditionOf(letters: readonly Letter[]): string {
  return letters.map((l) => `name == '${l}'`).join(" || ");
}

/** Whether stage `stage` accepts `event` (the oracle's view of the stage condition). */
export function accepts(stage: LinearStage, event: StreamEvent): boolean {
  return stage.accepts.includes(event.name);
}

/** `pattern` as the model's graph, built with {@link PatternBuilder} the way a user's rule is. */
export function buildLinearPattern(pattern: LinearPattern, skip: AfterMatchSkipStrategy): GraphNode {
  const [first, ...rest] = pattern.stages;
  if (first === undefined) throw new Error("a linear pattern needs a stage");
  const builder = PatternBuilder.begin(stageName(0), skip);
  shapeStage(builder, first);
  rest.forEach((stage, index) => {
    const name = stageName(index + 1);
    if (stage.edge === "STRICT") builder.next(name);
    else if (stage.edge === "SKIP_TILL_NEXT") builder.followedBy(name);
    else builder.followedByAny(name);
    shapeStage(builder, stage);
  });
  if (pattern.window !== null) builder.within(pattern.window, pattern.windowType);
  return builder.build();
}

/** The condition and quantifier of the builder's current stage. */
function shapeStage(builder: PatternBuilder, stage: LinearStage): void {
  builder.where(conditionOf(stage.accepts));
  if (stage.times) {
    builder.times(stage.times.n);
    if (stage.times.inner === "STRICT") builder.consecutive();
    else if (stage.times.inner === "SKIP_TILL_ANY") builder.allowCombinations();
  }
  if (stage.optional === true) builder.optional();
}

// ---- arbitraries --------------------------------------------------------------------------------

const acceptsArb: fc.Arbitrary<readonly Letter[]> = fc.subarray([...LETTERS], { minLength: 1, maxLength: 2 });
/** An edge contiguity, each equally likely. */
const edgeArb: fc.Arbitrary<LinearEdge> = fc.constantFrom("STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY");

/** An optional `within`: null, or 1–10 ms (the streams below advance 0–3 ms per event). */
export const windowArb: fc.Arbitrary<number | null> = fc.option(fc.integer({ min: 1, max: 10 }), {
  nil: null,
});

/** A linear pattern of 2–4 single stages whose edges are drawn from `edges`. */
export function linearPatternArb(edges: fc.Arbitrary<LinearEdge> = edgeArb): fc.Arbitrary<LinearPattern> {
  const stage = fc.record({ accepts: acceptsArb, edge: edges });
  return fc.record({
    stages: fc.array(stage, { minLength: 2, maxLength: 4 }),
    window: windowArb,
    windowType: fc.constantFrom<WindowType>("FIRST_AND_LAST", "PREVIOUS_AND_CURRENT"),
  });
}

/** Every skip strategy the pattern admits (SKIP_TO_FIRST / SKIP_TO_LAST need an existing stage). */
export function skipArb(stageCount: number): fc.Arbitrary<AfterMatchSkipStrategy> {
  const stage = fc.integer({ min: 0, max: stageCount - 1 }).map(stageName);
  return fc.oneof(
    fc.constant<AfterMatchSkipStrategy>({ type: "NO_SKIP", patternName: null }),
    fc.constant<AfterMatchSkipStrategy>({ type: "SKIP_TO_NEXT", patternName: null }),
    fc.constant<AfterMatchSkipStrategy>({ type: "SKIP_PAST_LAST_EVENT", patternName: null }),
    stage.map((p): AfterMatchSkipStrategy => ({ type: "SKIP_TO_FIRST", patternName: p })),
    stage.map((p): AfterMatchSkipStrategy => ({ type: "SKIP_TO_LAST", patternName: p })),
  );
}

/** Stream shape options. */
export interface StreamOptions {
  readonly maxLength: number;
  /** Fewest events (default 4, at most `maxLength`). */
  readonly minLength?: number;
  /** Keys to draw from (default: one key, "k"). */
  readonly keys?: readonly string[];
  /** Largest gap between consecutive timestamps (default 3; 0 gaps give equal timestamps). */
  readonly maxGap?: number;
}

/** Events in timestamp order (ties allowed), arrival indexes 0…n−1. */
export function streamArb(options: StreamOptions): fc.Arbitrary<StreamEvent[]> {
  const keys = options.keys ?? ["k"];
  const item = fc.record({
    name: fc.constantFrom(...LETTERS),
    gap: fc.integer({ min: 0, max: options.maxGap ?? 3 }),
    key: fc.constantFrom(...keys),
  });
  // Long enough to reach the later stages of a pattern more often than fast-check's small sizes would.
  const minLength = Math.min(options.minLength ?? 4, options.maxLength);
  return fc.array(item, { minLength, maxLength: options.maxLength, size: "max" }).map((items) => {
    let ts = 0;
    return items.map(({ name, gap, key }, i) => {
      ts += gap;
      return { i, name, ts, key };
    });
  });
}
