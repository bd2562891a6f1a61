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
 * - {@link simulateLinearNfa}: an operational model of `NFA.advanceTime` / `doProcess` /
 *   `processMatchesAccordingToSkipStrategy` at the level of runs (the events a partial match has
 *   taken), with every `AfterMatchSkipStrategy`. Flink polls held matches from a
 *   `PriorityQueue` ordered by start event, whose order among equal starts is a heap detail; the
 *   model returns the outcome of every such tie order.
 */
import type { AfterMatchSkipStrategy } from "../../model/pattern.ts";
import { accepts, stageName, type LinearPattern, type StreamEvent } from "./linearPattern.ts";

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
 * What the NFA emits while fed `events` the way Flink's `NFATestHarness` feeds them
 * (`advanceTime(ts)` then `process(event, ts)` per event), then `advanceTime(finalTime)` if
 * given. One log line per output: `<pos><a|p>:match <tuple>` (`a` = released by advanceTime,
 * `p` = by process) or `<pos>a:timeout@<ts> <tuple>`; see {@link normalizeLog}.
 *
 * Returns every log a tie order can produce (normalized), or null when there are more than
 * `maxOutcomes`.
 */
export function simulateLinearNfa(
  pattern: LinearPattern,
  skip: AfterMatchSkipStrategy,
  events: readonly StreamEvent[],
  finalTime: number | null = null,
  maxOutcomes = 64,
): string[][] | null {
  const outcomes = new Set<string>();
  const logs: string[][] = [];
  // Re-runs the model once per sequence of tie choices, depth first (an odometer over choices).
  let prefix: number[] = [];
  for (;;) {
    const sizes: number[] = [];
    const choose = (n: number): number => {
      const choice = prefix[sizes.length] ?? 0;
      sizes.push(n);
      return choice;
    };
    const log = normalizeLog(new LinearNfaModel(pattern, skip, events, choose).run(finalTime));
    const id = log.join("\n");
    if (!outcomes.has(id)) {
      outcomes.add(id);
      logs.push(log);
      if (logs.length > maxOutcomes) return null;
    }
    const choices = sizes.map((_, k) => prefix[k] ?? 0);
    let k = choices.length - 1;
    while (k >= 0 && (choices[k] as number) + 1 >= (sizes[k] as number)) k--;
    if (k < 0) return logs;
    prefix = [...choices.slice(0, k), (choices[k] as number) + 1];
  }
}

/**
 * Makes logs comparable: the timeouts of one `advanceTime` come out in the order of Flink's
 * partial-match heap array (`for (ComputationState cs : nfaState.getPartialMatches())`), which no
 * definition fixes, so each such run of lines is sorted.
 */
export function normalizeLog(lines: readonly string[]): string[] {
  const out: string[] = [];
  let group: string[] = [];
  let groupKey = "";
  const flush = () => {
    out.push(...group.sort());
    group = [];
  };
  for (const line of lines) {
    const key = line.includes(":timeout@") ? line.slice(0, line.indexOf("@")) : "";
    if (key !== groupKey) flush();
    groupKey = key;
    if (key === "") out.push(line);
    else group.push(line);
  }
  flush();
  return out;
}

/** A run: the positions it has taken, one per stage so far (it waits for stage `taken.length`). */
type Run = readonly number[];

/** One pass of the operational model, with tie choices supplied by `choose`. */
class LinearNfaModel {
  private runs: Run[] = [];
  /** Completed matches an after-match skip strategy holds back (`NFAState.completedMatches`). */
  private held: Run[] = [];
  private readonly log: string[] = [];

  constructor(
    private readonly pattern: LinearPattern,
    private readonly skip: AfterMatchSkipStrategy,
    private readonly events: readonly StreamEvent[],
    private readonly choose: (n: number) => number,
  ) {}

  run(finalTime: number | null): string[] {
    this.events.forEach((event, pos) => {
      this.advanceTime(`${pos}a`, event.ts);
      this.process(pos);
    });
    if (finalTime !== null) this.advanceTime("end", finalTime);
    return this.log;
  }

  /** `NFA.advanceTime`: drop the runs whose window passed (timeouts), then release held matches. */
  private advanceTime(where: string, ts: number): void {
    const timedOut = this.runs.filter((run) => {
      // A run without a deadline never times out, not even at advanceTime(+∞).
      const deadline = deadlineOf(this.pattern, this.events, run);
      return deadline !== Number.POSITIVE_INFINITY && ts >= deadline;
    });
    this.runs = this.runs.filter((run) => !timedOut.includes(run));
    this.release(where);
    for (const run of timedOut) {
      this.log.push(`${where}:timeout@${deadlineOf(this.pattern, this.events, run)} ${this.describe(run)}`);
    }
  }

  /** `NFA.doProcess` for single stages: take / ignore per edge, the start state always stays. */
  private process(pos: number): void {
    const { stages } = this.pattern;
    const event = this.events[pos] as StreamEvent;
    const next: Run[] = [];
    const take = (run: Run) => {
      const taken = [...run, pos];
      if (taken.length === stages.length) this.held.push(taken);
      else next.push(taken);
    };
    for (const run of this.runs) {
      const stage = stages[run.length];
      if (stage === undefined) throw new Error("a run waits past the last stage");
      const ok = accepts(stage, event);
      if (ok) take(run);
      // STRICT has no ignore edge; SKIP_TILL_NEXT ignores only what it does not take.
      if (stage.edge === "SKIP_TILL_ANY" || (stage.edge === "SKIP_TILL_NEXT" && !ok)) next.push(run);
    }
    if (stages[0] && accepts(stages[0], event)) take([]);
    this.runs = next;
    this.release(`${pos}p`);
  }

  /**
   * `processMatchesAccordingToSkipStrategy`: emit held matches in start order while no partial
   * match started strictly earlier (NO_SKIP never waits), pruning after each one.
   */
  private release(where: string): void {
    while (this.held.length > 0) {
      const start = Math.min(...this.held.map((m) => m[0] as number));
      const skipping = this.skip.type !== "NO_SKIP";
      if (skipping && this.runs.some((run) => (run[0] as number) < start)) break;
      const ties = this.held.filter((m) => m[0] === start);
      const match = ties[ties.length === 1 ? 0 : this.choose(ties.length)] as Run;
      this.held = this.held.filter((m) => m !== match);
      const pruningPos = this.pruningPosition(match);
      if (pruningPos !== null) {
        const inclusive = this.skip.type === "SKIP_TO_NEXT" || this.skip.type === "SKIP_PAST_LAST_EVENT";
        const survives = (run: Run) =>
          inclusive ? (run[0] as number) > pruningPos : (run[0] as number) >= pruningPos;
        this.runs = this.runs.filter(survives);
        this.held = this.held.filter(survives);
      }
      this.log.push(`${where}:match ${this.describe(match)}`);
    }
  }

  /**
   * `AfterMatchSkipStrategy.getPruningId`: first event (SKIP_TO_NEXT), last event
   * (SKIP_PAST_LAST_EVENT), or the first / last event of stage p (one event per stage here).
   */
  private pruningPosition(match: Run): number | null {
    switch (this.skip.type) {
      case "NO_SKIP":
        return null;
      case "SKIP_TO_NEXT":
        return match[0] as number;
      case "SKIP_PAST_LAST_EVENT":
        return match[match.length - 1] as number;
      case "SKIP_TO_FIRST":
      case "SKIP_TO_LAST": {
        const stage = Number((this.skip.patternName ?? "").slice(1));
        return match[stage] ?? null;
      }
    }
  }

  private describe(run: Run): string {
    return describeTuple(this.events, run);
  }
}

function at(events: readonly StreamEvent[], pos: number): StreamEvent {
  const event = events[pos];
  if (event === undefined) throw new RangeError(`no event at ${pos}`);
  return event;
}
