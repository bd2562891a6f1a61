/**
 * Oracles for single-stage linear patterns (see `linearPattern.ts`), written from Flink's
 * definitions rather than from the engine:
 *
 * - {@link enumerateMatches}: the declarative NO_SKIP answer. A match is a tuple of events, one
 *   per stage, where each edge holds: `next` = the very next event fed for the key,
 *   `followedBy` = the first later event the stage accepts (SKIP_TILL_NEXT's ignore condition is
 *   `!take`, `NFACompiler.getIgnoreCondition`), `followedByAny` = any later accepted event (its
 *   ignore condition is `true`); and each event comes before its run's deadline (see
 *   {@link deadlineOf}).
 * - {@link simulateLinearNfa}: the run model of `runModel.ts` (`NFA.advanceTime` / `doProcess` /
 *   `processMatchesAccordingToSkipStrategy`, every `AfterMatchSkipStrategy`, every order of
 *   equal-start matches) over single-stage runs (the events a partial match has taken).
 */
import type { AfterMatchSkipStrategy } from "../../model/pattern.ts";
import { accepts, stageName, type LinearPattern, type StreamEvent } from "./linearPattern.ts";
import { simulateRuns, type RunSpace, type StepResult } from "./runModel.ts";

/**
 * Every NO_SKIP match of `pattern` over `events` (one key's events in feed order), as arrays of
 * positions in `events`, one per stage.
 */
export function enumerateMatches(pattern: LinearPattern, events: readonly StreamEvent[]): number[][] {
  const { stages } = pattern;
  const found: number[][] = [];
  const extend = (tuple: number[]): void => {
    const stage = stages[tuple.length];
    if (stage === undefined) {
      found.push(tuple);
      return;
    }
    const previous = tuple[tuple.length - 1] as number;
    const deadline = deadlineOf(pattern, events, tuple);
    for (let pos = previous + 1; pos < events.length && at(events, pos).ts < deadline; pos++) {
      const taken = accepts(stage, at(events, pos));
      if (taken) extend([...tuple, pos]);
      // next: only the very next event; followedBy: only the first accepted one.
      if (stage.edge === "STRICT" || (stage.edge === "SKIP_TILL_NEXT" && taken)) break;
    }
  };
  events.forEach((event, pos) => {
    if (stages[0] && accepts(stages[0], event)) extend([pos]);
  });
  return found;
}

/**
 * When the run that has taken `taken` (positions, one per stage) is dropped: `NFA.advanceTime`
 * drops it before any event with `ts ≥` this time (`isStateTimedOut`: `timestamp − t ≥ window`)
 * and reports it as timed out at this time. FIRST_AND_LAST measures from the first event.
 * PREVIOUS_AND_CURRENT binds to the state of the stage that declared it
 * (`NFACompiler.createState` puts it in `windowTimes` under that state's name) — here the last
 * stage, where `GraphSpec.toPattern` puts the window — and measures from the previous event.
 */
function deadlineOf(
  pattern: LinearPattern,
  events: readonly StreamEvent[],
  taken: readonly number[],
): number {
  const { window } = pattern;
  if (window === null) return Number.POSITIVE_INFINITY;
  if (pattern.windowType !== "PREVIOUS_AND_CURRENT") return at(events, taken[0] ?? -1).ts + window;
  if (taken.length !== pattern.stages.length - 1) return Number.POSITIVE_INFINITY;
  return at(events, taken[taken.length - 1] ?? -1).ts + window;
}

/** What becomes of the run one start event opens: completed, timed out, discarded by `next`, or still open. */
export type RunOutcome =
  | { readonly kind: "match" | "discarded" | "open"; readonly taken: readonly number[] }
  | { readonly kind: "timeout"; readonly taken: readonly number[]; readonly timestamp: number };

/**
 * The fate of the run the event at `start` opens, for patterns without `followedByAny` (so each
 * start opens exactly one run and it never branches), when the stream ends with a +∞
 * watermark. Before each later event `advanceTime` drops the run once its {@link deadlineOf}
 * is reached; otherwise the run takes an accepted event, ignores a rejected one under
 * `followedBy`, and has no edge left under `next`, so `doProcess` drops it silently. The final
 * watermark times out whatever has a deadline.
 */
export function runOutcome(
  pattern: LinearPattern,
  events: readonly StreamEvent[],
  start: number,
): RunOutcome {
  const taken = [start];
  for (let pos = start + 1; pos < events.length; pos++) {
    if (at(events, pos).ts >= deadlineOf(pattern, events, taken)) break;
    const stage = pattern.stages[taken.length];
    if (stage === undefined) throw new Error("a run waits past the last stage");
    if (accepts(stage, at(events, pos))) {
      taken.push(pos);
      if (taken.length === pattern.stages.length) return { kind: "match", taken };
    } else if (stage.edge === "STRICT") return { kind: "discarded", taken };
    else if (stage.edge === "SKIP_TILL_ANY") throw new Error("followedByAny runs branch");
  }
  const deadline = deadlineOf(pattern, events, taken);
  return deadline === Number.POSITIVE_INFINITY
    ? { kind: "open", taken }
    : { kind: "timeout", taken, timestamp: deadline };
}

/** A match or partial match as the logs write it: `s0=3 s1=5` (stage = arrival indexes). */
export function describeTuple(events: readonly StreamEvent[], positions: readonly number[]): string {
  return positions.map((pos, stage) => `${stageName(stage)}=${at(events, pos).i}`).join(" ");
}

/**
 * What the NFA emits while fed `events` the way Flink's `NFATestHarness` feeds them, then
 * `advanceTime(finalTime)` if given: the run model of `runModel.ts` over single-stage runs. Returns
 * every log a tie order can produce (normalized), or null when there are more than `maxOutcomes`.
 */
export function simulateLinearNfa(
  pattern: LinearPattern,
  skip: AfterMatchSkipStrategy,
  events: readonly StreamEvent[],
  finalTime: number | null = null,
  maxOutcomes = 64,
): string[][] | null {
  return simulateRuns(linearRunSpace(pattern, events), skip, events, finalTime, maxOutcomes);
}

/** A run: the positions it has taken, one per stage so far (it waits for stage `taken.length`). */
type Run = readonly number[];

/**
 * `NFA.doProcess` for single stages: a run takes an accepted event, and ignores per edge (STRICT
 * has no ignore edge; SKIP_TILL_NEXT ignores only what it does not take); a run times out at its
 * {@link deadlineOf}.
 */
function linearRunSpace(pattern: LinearPattern, events: readonly StreamEvent[]): RunSpace<Run> {
  const { stages } = pattern;
  const take = (run: Run, pos: number): StepResult<Run> => {
    const taken = [...run, pos];
    return taken.length === stages.length
      ? { runs: [], matches: [taken.map((p) => [p])] }
      : { runs: [taken], matches: [] };
  };
  return {
    begin: (pos) =>
      stages[0] && accepts(stages[0], at(events, pos)) ? take([], pos) : { runs: [], matches: [] },
    step: (run, pos) => {
      const stage = stages[run.length];
      if (stage === undefined) throw new Error("a run waits past the last stage");
      const ok = accepts(stage, at(events, pos));
      const taken = ok ? take(run, pos) : { runs: [], matches: [] };
      const ignores = stage.edge === "SKIP_TILL_ANY" || (stage.edge === "SKIP_TILL_NEXT" && !ok);
      return { runs: [...taken.runs, ...(ignores ? [run] : [])], matches: taken.matches };
    },
    startOf: (run) => run[0] as number,
    timeoutAt: (run, ts) => {
      // A run without a deadline never times out, not even at advanceTime(+∞).
      const deadline = deadlineOf(pattern, events, run);
      return deadline !== Number.POSITIVE_INFINITY && ts >= deadline ? deadline : null;
    },
    takenOf: (run) => run.map((p) => [p]),
  };
}

function at(events: readonly StreamEvent[], pos: number): StreamEvent {
  const event = events[pos];
  if (event === undefined) throw new RangeError(`no event at ${pos}`);
  return event;
}
