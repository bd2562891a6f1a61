/**
 * The operational form of `quantifiedOracle.ts`: the `ComputationState`s a {@link QuantifiedPattern}
 * runs through, event by event, for the run model of `runModel.ts` (after-match skip strategies,
 * timeouts). Same TAKE / IGNORE conditions ({@link conditionsOf}, {@link greedyGuard}); what this
 * adds is which state a run waits in, read from `NFACompiler.createTimesState` / `createLooping` /
 * `createSingletonState`, because timeouts and per-state windows depend on it:
 *
 * - A stage's head waits for its first event; `times(from, to)` has one state per later event
 *   (mandatory up to `from`, with a self IGNORE; optional after, whose IGNORE goes to a separate
 *   ignore state without PROCEED); a looping stage has the mandatory states, then the looping
 *   state and its ignore state. After a times stage's last possible event the run waits in the
 *   next stage's head (the TAKE's target is the sink).
 * - A run in a state that may be left PROCEEDs to the next head on the event right after its
 *   last one and then takes there or — IGNORE after PROCEED — waits in that head.
 * - Completion: the TAKE that reaches (or PROCEEDs to) the Final state adds a Final run
 *   (`findFinalStateAfterProceed`), and a run stays in the loop / optional state beside it.
 * - Windows (`NFA.advanceTime`): FIRST_AND_LAST times a run out at start + W. `windowTimes` times
 *   out a run *waiting in* a state that has one at previous event + W (reported with that
 *   timestamp when both apply). `NFACompiler.createState(type, isTake)` gives one to the take
 *   states of a single stage declaring PREVIOUS_AND_CURRENT (the last stage, where the graph
 *   puts its window) and, for a times / looping stage with a per-repetition window, to take states
 *   whose name contains ":" — every one but the first the stage creates (the state for its last
 *   event, or the looping state), as `getUniqueInternalName` gives the plain name first. Ignore
 *   states are not take states and have none; a stage with a quantifier ignores PREVIOUS_AND_CURRENT.
 *   Nor has the copy of the next head a greedy loop with until PROCEEDs to (`copy` names it by
 *   `createState(name, type)`).
 */
import type { StreamEvent } from "./linearPattern.ts";
import { conditionsOf, greedyGuard, type Predicate } from "./quantifiedOracle.ts";
import { boundsOf, named, type QuantifiedPattern } from "./quantifiedPattern.ts";
import type { MatchPositions, RunSpace, StepResult } from "./runModel.ts";

/** A computation state: the events taken per stage (the last entry is the current stage's). */
interface QuantifiedRun {
  readonly taken: MatchPositions;
  /** In an ignore state (or a mandatory state after ignoring): no PROCEED until it takes. */
  readonly ignored: boolean;
  /** Waiting in a head that a greedy stage's `updateWithGreedyCondition` restricts. */
  readonly guard: Predicate | null;
  /**
   * Waiting in the copy of a head a greedy loop with until PROCEEDs to (`createLooping`:
   * `copy(sinkState)`, made by `createState(name, type)`, so without a `windowTimes` entry).
   */
  readonly inCopy?: boolean;
}

const NOTHING: StepResult<QuantifiedRun> = { runs: [], matches: [] };

/** The runs of `pattern` over `events` (one key, feed order). */
export function quantifiedRunSpace(
  pattern: QuantifiedPattern,
  events: readonly StreamEvent[],
): RunSpace<QuantifiedRun> {
  const { stages } = pattern;
  const last = stages.length - 1;
  const ts = (pos: number) => (events[pos] as StreamEvent).ts;
  const stageAt = (i: number) => {
    const stage = stages[i];
    if (stage === undefined) throw new RangeError(`no stage ${i}`);
    return stage;
  };
  const conditions = stages.map((stage) => conditionsOf(stage, events));
  const conditionsAt = (i: number) => conditions[i] ?? conditionsOf(stageAt(i), events);

  /** Stage `i` now holds `current` (the TAKE of its last event), after the stages in `before`. */
  const enter = (
    before: MatchPositions,
    i: number,
    current: readonly number[],
  ): StepResult<QuantifiedRun> => {
    const { min, max } = boundsOf(stageAt(i).quantifier);
    const taken = [...before, current];
    const matches = i === last && current.length >= min ? [taken] : [];
    if (current.length < max) return { runs: [{ taken, ignored: false, guard: null }], matches };
    // A times stage's last TAKE targets the next head itself, never the until copy.
    if (i === last) return { runs: [], matches };
    const leftAt = (current[current.length - 1] as number) + 1;
    return {
      runs: [{ taken: [...taken, []], ignored: false, guard: greedyGuard(stageAt(i), events, leftAt) }],
      matches,
    };
  };

  /** A run waiting in stage `i`'s head (after `before`), restricted by `guard`, on event `q`. */
  const atHead = (
    before: MatchPositions,
    i: number,
    guard: Predicate | null,
    q: number,
    inCopy: boolean,
  ): StepResult<QuantifiedRun> => {
    if (guard !== null && !guard(q)) return NOTHING;
    const { take, edgeIgnore } = conditionsAt(i);
    const taken = take(q) ? enter(before, i, [q]) : NOTHING;
    const stays = edgeIgnore(q) ? [{ taken: [...before, []], ignored: false, guard, inCopy }] : [];
    return { runs: [...taken.runs, ...stays], matches: taken.matches };
  };

  const step = (run: QuantifiedRun, q: number): StepResult<QuantifiedRun> => {
    const i = run.taken.length - 1;
    const before = run.taken.slice(0, i);
    const current = run.taken[i] ?? [];
    if (current.length === 0) return atHead(before, i, run.guard, q, run.inCopy === true);
    const { min, max } = boundsOf(stageAt(i).quantifier);
    const { take, innerIgnore } = conditionsAt(i);
    const results: StepResult<QuantifiedRun>[] = [];
    if (current.length < max) {
      if (take(q)) results.push(enter(before, i, [...current, q]));
      if (innerIgnore(q)) results.push({ runs: [{ ...run, ignored: true }], matches: [] });
    }
    if (!run.ignored && current.length >= min && i < last) {
      const stage = stageAt(i);
      const toCopy = stage.greedy && stage.until !== null && named(stage.until, events[q] as StreamEvent);
      results.push(atHead(run.taken, i + 1, greedyGuard(stage, events, q), q, toCopy));
    }
    return { runs: results.flatMap((r) => r.runs), matches: results.flatMap((r) => r.matches) };
  };

  /** The `windowTimes` entry of the state the run waits in, if any. */
  const stateWindow = (run: QuantifiedRun): number | null => {
    const i = run.taken.length - 1;
    const stage = stageAt(i);
    const q = stage.quantifier;
    const k = (run.taken[i] ?? []).length;
    if (run.inCopy === true) return null;
    if (q.kind === "single") {
      const previousAndCurrent = pattern.windowType === "PREVIOUS_AND_CURRENT" && i === last;
      return previousAndCurrent ? pattern.window : null;
    }
    const window = stage.window ?? null;
    // Waiting for event k + 1 of the stage; the first state created is the one for its last
    // event (times) or the looping state, and ignore states take nothing.
    if (q.kind === "looping") return k < q.from ? window : null;
    if (k >= q.from && run.ignored) return null;
    return k + 1 === q.to ? null : window;
  };

  const firstAndLast = pattern.windowType === "PREVIOUS_AND_CURRENT" ? null : pattern.window;
  return {
    begin: (q) => (conditionsAt(0).take(q) ? enter([], 0, [q]) : NOTHING),
    step,
    startOf: (run) => Math.min(...run.taken.flat()),
    timeoutAt: (run, now) => {
      const positions = run.taken.flat();
      const previous = ts(Math.max(...positions));
      const start = ts(Math.min(...positions));
      const window = stateWindow(run);
      if (window !== null && window > 0 && now - previous >= window) return previous + window;
      if (firstAndLast !== null && firstAndLast > 0 && now - start >= firstAndLast)
        return start + firstAndLast;
      return null;
    },
    takenOf: (run) => run.taken,
  };
}
