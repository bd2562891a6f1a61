/**
 * The computation states of a {@link StateGraph} (`stateGraph.ts`) as a {@link RunSpace}, so the
 * run model of `runModel.ts` plays Flink's `advanceTime` / `doProcess` /
 * `processMatchesAccordingToSkipStrategy` over them. What one run does with one event is
 * `NFA.computeNextStates`, transcribed from Flink's source:
 *
 * - `createDecisionGraph`: from the run's state, follow every PROCEED whose condition holds for
 *   the event (an epsilon move; conditions are evaluated on the current event) and collect the
 *   TAKE and IGNORE transitions whose conditions hold.
 * - IGNORE (never from the start state): the run moves to the transition's target with the events
 *   it has, its previous event unchanged ("IGNORE after PROCEED" waits in the state proceeded to).
 * - TAKE: the event is added under the name of the transition's source state (the pattern the
 *   state belongs to, `getOriginalNameFromInternal`); a run that then reaches the Final state by
 *   PROCEEDs on the same event (`findFinalStateAfterProceed`) also completes a match.
 * - `doProcess`: results in the Final state are potential matches; if any result is a Stop state,
 *   every other result of that run is discarded (`shouldDiscardPath`).
 * - `advanceTime`: a run times out when `windowTimes` of its state holds and `ts − previous ≥ w`
 *   (reported at previous + w), or when `ts − start ≥ windowTime` (reported at start + window); a
 *   timed-out Pending state is a potential match.
 */
import type { StreamEvent } from "./linearPattern.ts";
import type { MatchPositions, RunSpace, StepResult } from "./runModel.ts";
import type { StateGraph } from "./stateGraph.ts";
import type { OracleState, Transition } from "./stateGraphCursor.ts";

/** A `ComputationState`: its state and the events its shared-buffer path holds. */
interface GraphRun {
  readonly state: OracleState;
  /** [stage index, position] per taken event, in taking order. */
  readonly taken: ReadonlyArray<readonly [number, number]>;
  readonly start: number;
  readonly previousTs: number;
}

/** The stage index of a state: its pattern's name is `s<index>` (`name:n` for later states). */
function stageOf(state: OracleState): number {
  const original = state.name.split(":")[0] ?? "";
  const index = Number(original.slice(1));
  if (!original.startsWith("s") || !Number.isInteger(index))
    throw new Error(`no stage for state ${state.name}`);
  return index;
}

/** Guards the oracle against PROCEED cycles (Flink's loops have no visited set). */
const MAX_PROCEEDS = 1000;

/** The runs of `graph` over `events` (one key, feed order); `stageCount` sizes the matches. */
export function stateGraphRunSpace(
  graph: StateGraph,
  events: readonly StreamEvent[],
  stageCount: number,
): RunSpace<GraphRun> {
  const ts = (pos: number) => {
    const event = events[pos];
    if (event === undefined) throw new RangeError(`no event at ${pos}`);
    return event.ts;
  };
  const holds = (t: Transition, pos: number) => t.condition === null || t.condition(pos);

  /** `createDecisionGraph`: the TAKE and IGNORE edges reached through PROCEEDs. */
  const decisionGraph = (state: OracleState, pos: number): Transition[] => {
    const edges: Transition[] = [];
    const stack = [state];
    for (let visits = 0; stack.length > 0; visits++) {
      if (visits > MAX_PROCEEDS) throw new Error("a PROCEED cycle in the state graph");
      const current = stack.pop() as OracleState;
      for (const t of current.transitions) {
        if (!holds(t, pos)) continue;
        if (t.action === "PROCEED") stack.push(t.target);
        else edges.push(t);
      }
    }
    return edges;
  };

  /** `findFinalStateAfterProceed`: the Final state, or null. */
  const finalAfterProceed = (state: OracleState, pos: number): OracleState | null => {
    const stack = [state];
    for (let visits = 0; stack.length > 0; visits++) {
      if (visits > MAX_PROCEEDS) throw new Error("a PROCEED cycle in the state graph");
      const current = stack.pop() as OracleState;
      for (const t of current.transitions) {
        if (t.action !== "PROCEED" || !holds(t, pos)) continue;
        if (t.target.type === "Final") return t.target;
        stack.push(t.target);
      }
    }
    return null;
  };

  const positionsOf = (run: GraphRun): MatchPositions => {
    const match: number[][] = Array.from({ length: stageCount }, () => []);
    for (const [stage, pos] of run.taken) (match[stage] as number[]).push(pos);
    return match;
  };

  /** `computeNextStates` and the stop-state handling of `doProcess` for one run (or the start state). */
  const step = (run: GraphRun | null, state: OracleState, pos: number): StepResult<GraphRun> => {
    const isStart = state.start;
    const results: GraphRun[] = [];
    for (const edge of decisionGraph(state, pos)) {
      if (edge.action === "IGNORE") {
        if (!isStart && run !== null) results.push({ ...run, state: edge.target });
        continue;
      }
      const next: GraphRun = {
        state: edge.target,
        taken: [...(run?.taken ?? []), [stageOf(edge.source), pos]],
        start: run === null || isStart ? pos : run.start,
        previousTs: ts(pos),
      };
      results.push(next);
      const final = finalAfterProceed(edge.target, pos);
      if (final !== null) results.push({ ...next, state: final });
    }
    const matches = results.filter((r) => r.state.type === "Final").map(positionsOf);
    if (results.some((r) => r.state.type === "Stop")) {
      if (isStart) throw new Error("the start state reached a stop state: Flink would lose it");
      return { runs: [], matches };
    }
    return { runs: results.filter((r) => r.state.type !== "Final"), matches };
  };

  const firstAndLast = graph.windowTime ?? 0;
  return {
    begin: (pos) => step(null, graph.start, pos),
    step: (run, pos) => step(run, run.state, pos),
    startOf: (run) => run.start,
    timeoutAt: (run, now) => {
      const window = graph.windowTimes.get(run.state.name);
      if (window !== undefined && window > 0 && now - run.previousTs >= window)
        return run.previousTs + window;
      const startTs = ts(run.start);
      return firstAndLast > 0 && now - startTs >= firstAndLast ? startTs + firstAndLast : null;
    },
    isPending: (run) => run.state.type === "Pending",
    takenOf: positionsOf,
  };
}
