/**
 * The computation states of a NOT pattern (`notPattern.ts`) as a {@link RunSpace}, so the run
 * model of `runModel.ts` plays Flink's `advanceTime` / `doProcess` /
 * `processMatchesAccordingToSkipStrategy` over them: which partial matches time out (with their
 * events and timestamp) and when a pending `notFollowedBy` at the end is released as a match or
 * dropped by the forbidden event, under every after-match skip strategy.
 *
 * Where a run waits, read from `NFACompiler.createMiddleStates` / `createSingletonState` /
 * `addStopStates`:
 * - `pre`: a single stage before the NOT; takes what it accepts, ignores per its edge.
 * - `notNext`: the `notNext` state after the last `pre` event p. On N it PROCEEDs to a stop
 *   state (the run is discarded); otherwise it PROCEEDs on: to the final state (a match of the
 *   `pre` events, emitted by this `process`) or into the `post` state, which takes the same event.
 * - `post`: the stage after the NOT. After `notFollowedBy` the state also PROCEEDs to a stop state
 *   on N: `doProcess` still adds a final state reached by this event to the potential matches,
 *   but drops every other path of the run (`shouldDiscardPath`).
 * - `pending`: `notFollowedBy` at the end (a Pending state): ignores ¬N, stops on N; when
 *   `advanceTime` finds it timed out it becomes a potential match (`getState(cs).isPending()`).
 *
 * Windows (`NFA.advanceTime` / `isStateTimedOut`: `ts − t ≥ window`): FIRST_AND_LAST from the
 * start event, for every run. PREVIOUS_AND_CURRENT is in `windowTimes` of the last stage's states
 * only (where `within` is declared), measured from the run's previous taken event (ignoring does
 * not move it); a timed-out run is reported at `t + window`.
 */
import type { LinearStage, StreamEvent } from "./linearPattern.ts";
import type { NotPattern } from "./notPattern.ts";
import type { MatchPositions, RunSpace, StepResult } from "./runModel.ts";

/** A NOT-pattern run: the events it has taken (`pre` stages in order) and the state it waits in. */
interface NotRun {
  readonly taken: readonly number[];
  readonly at: "pre" | "notNext" | "post" | "pending";
}

const NONE: StepResult<NotRun> = { runs: [], matches: [] };

/** The NOT pattern's runs over `events`, for `simulateRuns`. */
export function notRunSpace(pattern: NotPattern, events: readonly StreamEvent[]): RunSpace<NotRun> {
  const { pre, not, post, window } = pattern;
  const ev = (pos: number): StreamEvent => {
    const event = events[pos];
    if (event === undefined) throw new RangeError(`no event at ${pos}`);
    return event;
  };
  const isNot = (pos: number) => not.accepts.includes(ev(pos).name);
  const takes = (stage: LinearStage, pos: number) => stage.accepts.includes(ev(pos).name);
  // Stage indexes: pre 0…k−1, the NOT stage k (takes nothing), post k+1.
  const positionsOf = (taken: readonly number[], last: number | null): MatchPositions => [
    ...taken.map((p) => [p]),
    [],
    ...(last === null ? [] : [[last]]),
  ];

  /** Where the take of the last `pre` stage leads. */
  const afterPre = (taken: readonly number[]): NotRun => ({
    taken,
    at: not.kind === "NOT_NEXT" ? "notNext" : post === null ? "pending" : "post",
  });

  const takePre = (taken: readonly number[]): NotRun =>
    taken.length === pre.length ? afterPre(taken) : { taken, at: "pre" };

  /** A single stage's state on `pos`: take into the final state, ignore per the edge. */
  const single = (run: NotRun, stage: LinearStage, pos: number, onTake: StepResult<NotRun>) => {
    const ok = takes(stage, pos);
    const ignores = stage.edge === "SKIP_TILL_ANY" || (stage.edge === "SKIP_TILL_NEXT" && !ok);
    return {
      runs: [...(ok ? onTake.runs : []), ...(ignores ? [run] : [])],
      matches: ok ? onTake.matches : [],
    };
  };

  const stepPost = (run: NotRun, pos: number): StepResult<NotRun> => {
    if (post === null) throw new Error("no post stage");
    // A run PROCEEDing from the notNext state waits on in the post state.
    const waiting: NotRun = { taken: run.taken, at: "post" };
    const result = single(waiting, post, pos, { runs: [], matches: [positionsOf(run.taken, pos)] });
    // notFollowedBy's stop state: final states stay potential matches, every other path goes.
    return not.kind === "NOT_FOLLOW" && isNot(pos) ? { runs: [], matches: result.matches } : result;
  };

  const step = (run: NotRun, pos: number): StepResult<NotRun> => {
    switch (run.at) {
      case "pre": {
        const stage = pre[run.taken.length];
        if (stage === undefined) throw new Error("a pre run waits past the pre stages");
        return single(run, stage, pos, { runs: [takePre([...run.taken, pos])], matches: [] });
      }
      case "notNext":
        if (isNot(pos)) return NONE;
        return post === null ? { runs: [], matches: [positionsOf(run.taken, null)] } : stepPost(run, pos);
      case "post":
        return stepPost(run, pos);
      case "pending":
        return isNot(pos) ? NONE : { runs: [run], matches: [] };
    }
  };

  /** Whether the run waits in a state of the last stage (the one `within` is declared on). */
  const inLastStage = (run: NotRun) =>
    post === null ? run.at === "notNext" || run.at === "pending" : run.at === "post";

  const deadlineOf = (run: NotRun): number | null => {
    if (window === null) return null;
    if (window.type === "FIRST_AND_LAST") return ev(run.taken[0] as number).ts + window.time;
    return inLastStage(run) ? ev(run.taken[run.taken.length - 1] as number).ts + window.time : null;
  };

  return {
    begin: (pos) => {
      const first = pre[0];
      return first !== undefined && takes(first, pos) ? { runs: [takePre([pos])], matches: [] } : NONE;
    },
    step,
    startOf: (run) => run.taken[0] as number,
    timeoutAt: (run, ts) => {
      const deadline = deadlineOf(run);
      return deadline !== null && ts >= deadline ? deadline : null;
    },
    isPending: (run) => run.at === "pending",
    takenOf: (run) => positionsOf(run.taken, null),
  };
}
