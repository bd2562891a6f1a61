/**
 * NOT patterns: 1–2 single stages (`linearPattern.ts`), then `notNext` or `notFollowedBy`, then
 * optionally one more single stage; an optional `within` of either type (required when
 * `notFollowedBy` ends the pattern: `NFACompiler.compileFactory` rejects it otherwise).
 *
 * {@link enumerateNotMatches} is the NO_SKIP oracle, read from `NFACompiler.createMiddleStates`
 * and `NFA`:
 * - `notNext(N)`: one state after the previous stage that PROCEEDs on ¬N (to the next stage, or
 *   an IGNORE edge into the final state when it is last) and to a stop state on N. So the event
 *   right after the previous stage's last event p must come and not be N; a following stage then
 *   matches as if N were absent (its own edge, measured from p); at the end the match is emitted
 *   by the `process` of event p + 1.
 * - `notFollowedBy(N)` in the middle has no state: the next stage's state gets a PROCEED to the
 *   stop state on N (`addStopStates`), so no event in (p, c) may be N. The stage's event c itself
 *   may be N: `doProcess` adds a run that reached the final state to the potential matches before
 *   it discards the paths of a run that reached a stop state.
 * - `notFollowedBy(N)` at the end with a window: a Pending state that IGNOREs ¬N and stops on N.
 *   `advanceTime` puts a timed-out Pending run among the potential matches, so the match is
 *   released by the first `advanceTime` at or past its deadline, if no N came before it.
 * - Windows: FIRST_AND_LAST drops every run at first + W. PREVIOUS_AND_CURRENT binds to the states
 *   of the last stage (`createState` with `isTake`: `windowTimes`), checked by `advanceTime` for
 *   runs *in* such a state, from the run's previous taken event: a run that reaches the last
 *   stage by PROCEEDing from a `notNext` state and takes at once is never checked.
 */
import fc from "fast-check";
import type { GraphNode, WindowType } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { enumerateMatches } from "./linearOracle.ts";
import {
  stageName,
  type LinearEdge,
  type LinearStage,
  type Letter,
  type StreamEvent,
} from "./linearPattern.ts";

/** A NOT pattern: `pre` stages, the NOT stage, an optional `post` stage, an optional window. */
export interface NotPattern {
  readonly pre: readonly LinearStage[];
  readonly not: { readonly kind: "NOT_NEXT" | "NOT_FOLLOW"; readonly accepts: readonly Letter[] };
  readonly post: LinearStage | null;
  readonly window: { readonly time: number; readonly type: WindowType } | null;
}

const conditionOf = (letters: readonly Letter[]) => letters.map((l) => `name == '${l}'`).join(" || ");

/** `pattern` as the model's graph, through {@link PatternBuilder}; the window goes on the last stage. */
export function buildNotPattern(pattern: NotPattern): GraphNode {
  const builder = PatternBuilder.begin(stageName(0));
  const edge = (stage: LinearStage, name: string) => {
    if (stage.edge === "STRICT") builder.next(name);
    else if (stage.edge === "SKIP_TILL_NEXT") builder.followedBy(name);
    else builder.followedByAny(name);
  };
  pattern.pre.forEach((stage, i) => {
    if (i > 0) edge(stage, stageName(i));
    builder.where(conditionOf(stage.accepts));
  });
  const notName = stageName(pattern.pre.length);
  if (pattern.not.kind === "NOT_NEXT") builder.notNext(notName);
  else builder.notFollowedBy(notName);
  builder.where(conditionOf(pattern.not.accepts));
  if (pattern.post) {
    edge(pattern.post, stageName(pattern.pre.length + 1));
    builder.where(conditionOf(pattern.post.accepts));
  }
  if (pattern.window) builder.within(pattern.window.time, pattern.window.type);
  return builder.build();
}

/**
 * Every NO_SKIP match of `pattern` over `events` (one key, feed order, then `advanceTime(+∞)`) as
 * the log line `feedLog` writes for it: `<pos>p:match …` from a `process` call, `<pos>a:match …`
 * or `end:match …` from an `advanceTime`.
 */
export function enumerateNotMatches(pattern: NotPattern, events: readonly StreamEvent[]): string[] {
  const ev = (pos: number): StreamEvent => {
    const event = events[pos];
    if (event === undefined) throw new RangeError(`no event at ${pos}`);
    return event;
  };
  const isNot = (pos: number) => pattern.not.accepts.includes(ev(pos).name);
  const { window } = pattern;
  const firstAndLast = window?.type === "FIRST_AND_LAST" ? window.time : null;
  const previousAndCurrent = window?.type === "PREVIOUS_AND_CURRENT" ? window.time : null;
  const found: string[] = [];
  const pre = enumerateMatches({ stages: pattern.pre, window: firstAndLast }, events);
  for (const tuple of pre) {
    const p = tuple[tuple.length - 1] as number;
    const deadline = firstAndLast === null ? Infinity : ev(tuple[0] as number).ts + firstAndLast;
    const describe = (extra: number | null) =>
      [...tuple, ...(extra === null ? [] : [extra])]
        .map((pos, s) => `${stageName(s === tuple.length ? s + 1 : s)}=${ev(pos).i}`)
        .join(" ");
    const { post } = pattern;
    if (post === null && pattern.not.kind === "NOT_NEXT") {
      const q = p + 1;
      if (q >= events.length || isNot(q) || ev(q).ts >= deadline) continue;
      if (previousAndCurrent !== null && ev(q).ts - ev(p).ts >= previousAndCurrent) continue;
      found.push(`${q}p:match ${describe(null)}`);
    } else if (post === null) {
      const release = previousAndCurrent === null ? deadline : ev(p).ts + previousAndCurrent;
      let r = p + 1;
      while (r < events.length && ev(r).ts < release && !isNot(r)) r++;
      if (r < events.length && ev(r).ts < release) continue; // an N came in time
      found.push(`${r < events.length ? `${r}a` : "end"}:match ${describe(null)}`);
    } else {
      if (pattern.not.kind === "NOT_NEXT" && (p + 1 >= events.length || isNot(p + 1))) continue;
      for (let c = p + 1; c < events.length && ev(c).ts < deadline; c++) {
        // P&C: checked while the run waits in the last stage's state.
        const waited = pattern.not.kind === "NOT_FOLLOW" || c > p + 1;
        const inWindow = previousAndCurrent === null || !waited || ev(c).ts - ev(p).ts < previousAndCurrent;
        const taken = post.accepts.includes(ev(c).name);
        if (taken && inWindow) found.push(`${c}p:match ${describe(c)}`);
        if (pattern.not.kind === "NOT_FOLLOW" && isNot(c)) break;
        if (post.edge === "STRICT" || (post.edge === "SKIP_TILL_NEXT" && taken)) break;
      }
    }
  }
  return found;
}

// ---- arbitraries --------------------------------------------------------------------------------

const LETTERS: readonly Letter[] = ["a", "b", "c"];
const lettersArb = fc.subarray([...LETTERS], { minLength: 1, maxLength: 2 });
const stageArb: fc.Arbitrary<LinearStage> = fc.record({
  accepts: lettersArb,
  edge: fc.constantFrom<LinearEdge>("STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY"),
});

/** NOT patterns Flink compiles: `notFollowedBy` at the end always has a window. */
export const notPatternArb: fc.Arbitrary<NotPattern> = fc
  .record({
    pre: fc.array(stageArb, { minLength: 1, maxLength: 2 }),
    not: fc.record({
      kind: fc.constantFrom("NOT_NEXT" as const, "NOT_FOLLOW" as const),
      accepts: lettersArb,
    }),
    post: fc.option(stageArb, { nil: null }),
    window: fc.option(
      fc.record({
        time: fc.integer({ min: 1, max: 8 }),
        type: fc.constantFrom<WindowType>("FIRST_AND_LAST", "PREVIOUS_AND_CURRENT"),
      }),
      { nil: null },
    ),
  })
  .filter((p) => !(p.not.kind === "NOT_FOLLOW" && p.post === null && p.window === null));
