/**
 * The NO_SKIP matches of a {@link QuantifiedPattern}, enumerated from the states Flink's
 * `NFACompiler` builds rather than from the engine. Every state a chain of single, times and
 * looping stages compiles to takes the next event of its match with a TAKE condition and waits
 * over events its IGNORE condition accepts, so a match is a sequence of "slots": position q may
 * follow position p in slot (take, ignore) iff `take(q)` and `ignore(r)` for every p < r < q
 * (`NFA.computeNextStates`; a start state never ignores, but a fresh one always exists).
 *
 * The slots, read from `NFACompiler`:
 * - A stage's first event (its head, `createTimesState`' last `createSingletonState`): take =
 *   condition ∧ ¬until (`extendWithUntilCondition(getTakeCondition, until, true)`), ignore = the
 *   edge's strategy (`getIgnoreCondition`: STRICT none, SKIP_TILL_NEXT ¬condition, SKIP_TILL_ANY
 *   true), not extended with until.
 * - Every later event of the stage (the mandatory times states, the optional ones, the looping
 *   state and its ignore state): take = condition ∧ ¬until, ignore = the inner strategy ∧ ¬until
 *   (`getInnerIgnoreCondition` extended with until; STRICT has none).
 * - A stage may be left once it holds `from` events: the optional times states and the looping
 *   state PROCEED to the next stage's head on any event (`getTrueFunction`), whereas an ignore
 *   state has no PROCEED ("after a loop ignores an event it cannot proceed until it takes
 *   another one"), so the next stage's slot starts at the stage's last taken event.
 * - `greedy()` (LOOPING, or TIMES with from ≠ to) ANDs ¬condition onto every transition of the
 *   next stage's head (`updateWithGreedyCondition`), except that with an until condition the
 *   loop PROCEEDs to an unmodified copy of that head when the event after its last one meets
 *   until (`createLooping`: `copy(sinkState)` under `untilCondition`).
 * - A match completes with its last event and NO_SKIP emits it from that `process` call (a
 *   pattern ending in a quantifier emits every admissible prefix: `findFinalStateAfterProceed`).
 * - FIRST_AND_LAST window W: `advanceTime` drops a run before any event with ts ≥ first + W.
 */
import { stageName, type Letter, type StreamEvent } from "./linearPattern.ts";
import { boundsOf, named, type QuantifiedPattern, type QuantifiedStage } from "./quantifiedPattern.ts";

/** A condition on the event at a position of the fed events. */
export type Predicate = (pos: number) => boolean;

/** The TAKE and IGNORE conditions of a stage's states, read from `NFACompiler` (see above). */
export interface StageConditions {
  /** Every state of the stage: condition ∧ ¬until. */
  readonly take: Predicate;
  /** The head's IGNORE: the edge's strategy (`getIgnoreCondition`), not extended with until. */
  readonly edgeIgnore: Predicate;
  /** The later states' IGNORE: the inner strategy ∧ ¬until (`getInnerIgnoreCondition`). */
  readonly innerIgnore: Predicate;
}

/** {@link StageConditions} of `stage` over `events`. */
export function conditionsOf(stage: QuantifiedStage, events: readonly StreamEvent[]): StageConditions {
  const is = (letters: readonly Letter[] | null) => (q: number) => named(letters, eventAt(events, q));
  const accepted = is(stage.accepts);
  const until = is(stage.until);
  const strategy = (kind: QuantifiedStage["edge"], extra: Predicate): Predicate =>
    kind === "STRICT" ? () => false : kind === "SKIP_TILL_NEXT" ? (q) => !accepted(q) && extra(q) : extra;
  return {
    take: (q) => accepted(q) && !until(q),
    edgeIgnore: strategy(stage.edge, () => true),
    innerIgnore: strategy(stage.inner, (q) => !until(q)),
  };
}

/**
 * `updateWithGreedyCondition`: the condition a greedy stage ANDs onto the next stage's head once
 * it is left at position `leftAt` (the event that PROCEEDs) — null when the stage is not greedy,
 * or when until holds for that event and the loop PROCEEDs to the unmodified copy of the head.
 */
export function greedyGuard(
  stage: QuantifiedStage,
  events: readonly StreamEvent[],
  leftAt: number,
): Predicate | null {
  const q = stage.quantifier;
  if (!stage.greedy || q.kind === "single" || (q.kind === "times" && q.from === q.to)) return null;
  const after = events[leftAt];
  if (stage.until !== null && after !== undefined && named(stage.until, after)) return null;
  return (pos) => !named(stage.accepts, eventAt(events, pos));
}

function eventAt(events: readonly StreamEvent[], pos: number): StreamEvent {
  const event = events[pos];
  if (event === undefined) throw new RangeError(`no event at ${pos}`);
  return event;
}

/** What may follow a position: TAKE and IGNORE conditions of the state waiting for it. */
interface Slot {
  readonly take: Predicate;
  readonly ignore: Predicate;
}

/**
 * Every NO_SKIP match of `pattern` over `events` (one key, feed order) as the log line
 * `feedLog` writes for it: `<last position>p:match s0=… s1=…,…`.
 */
export function enumerateQuantifiedMatches(
  pattern: QuantifiedPattern,
  events: readonly StreamEvent[],
): string[] {
  const { stages, window } = pattern;
  const ev = (pos: number): StreamEvent => {
    const event = events[pos];
    if (event === undefined) throw new RangeError(`no event at ${pos}`);
    return event;
  };
  const found: string[] = [];

  /** Visits each position the slot admits after `p` (any position for the begin stage). */
  const follow = (p: number | null, first: number | null, slot: Slot, visit: (q: number) => void) => {
    const deadline = window === null || first === null ? Infinity : ev(first).ts + window;
    for (let q = p === null ? 0 : p + 1; q < events.length && ev(q).ts < deadline; q++) {
      if (slot.take(q)) visit(q);
      if (p !== null && !slot.ignore(q)) break;
    }
  };
  const takes = (stage: QuantifiedStage): Predicate => conditionsOf(stage, events).take;

  /** Starts stage `taken.length` after position `p`; `greedyGuard` restricts its head. */
  const startStage = (taken: readonly number[][], p: number | null, greedyGuard: Predicate | null) => {
    const stage = stages[taken.length];
    if (stage === undefined) {
      const last = p ?? -1;
      const line = taken.map((ps, s) => `${stageName(s)}=${ps.map((q) => ev(q).i).join(",")}`);
      found.push(`${last}p:match ${line.join(" ")}`);
      return;
    }
    const guard = greedyGuard ?? (() => true);
    const edgeIgnore = conditionsOf(stage, events).edgeIgnore;
    const head: Slot = {
      take: (q) => takes(stage)(q) && guard(q),
      ignore: (q) => edgeIgnore(q) && guard(q),
    };
    const first = taken[0]?.[0] ?? null;
    follow(p, first, head, (q) => {
      iterate(taken, [q], first ?? q);
    });
  };

  /** The stage being matched holds `current`: take another event, or leave it. */
  const iterate = (taken: readonly number[][], current: readonly number[], first: number) => {
    const stage = stages[taken.length];
    if (stage === undefined) throw new Error("iterating past the last stage");
    const { min, max } = boundsOf(stage.quantifier);
    const last = current[current.length - 1] as number;
    if (current.length < max) {
      const { take, innerIgnore } = conditionsOf(stage, events);
      follow(last, first, { take, ignore: innerIgnore }, (q) => {
        iterate(taken, [...current, q], first);
      });
    }
    if (current.length >= min) startStage([...taken, [...current]], last, greedyGuardAfter(stage, last));
  };

  const greedyGuardAfter = (stage: QuantifiedStage, last: number) => greedyGuard(stage, events, last + 1);

  startStage([], null, null);
  return found;
}
