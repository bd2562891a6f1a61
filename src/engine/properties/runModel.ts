/**
 * The operational run model every property oracle here shares: Flink's `NFA.advanceTime` /
 * `doProcess` / `processMatchesAccordingToSkipStrategy` over "runs" (what a `ComputationState`
 * stands for: the events a partial match has taken and the state it waits in). What a run does
 * with an event — and when it times out — is the pattern family's business ({@link RunSpace});
 * this module owns what Flink does with the results:
 *
 * - `advanceTime(ts)` drops every run whose window has passed (reported as timed out with the
 *   timestamp `RunSpace.timeoutAt` gives), then releases held matches.
 * - `doProcess` steps every run and the start state, then releases held matches.
 * - Release (`processMatchesAccordingToSkipStrategy`): the completed-match queue is polled in
 *   start-event order (`NFAState.COMPUTATION_STATE_COMPARATOR`; the start state has no start
 *   event and sorts last). Unless the strategy is NO_SKIP, the earliest held match waits while a
 *   partial match started strictly earlier (`isEarlier`: `compare(match, partial) <= 0` emits).
 *   Each emitted match prunes runs and held matches by start event (`AfterMatchSkipStrategy.prune`):
 *   SKIP_TO_NEXT / SKIP_PAST_LAST_EVENT drop starts ≤ the match's first / last event
 *   (`SkipRelativeToWholeMatchStrategy.shouldPrune`: `<= 0`), SKIP_TO_FIRST / SKIP_TO_LAST(p)
 *   drop starts < the first / last event of stage p (`SkipToElementStrategy`: `< 0`), and nothing
 *   when p took no event (`getPruningId` stays null).
 *
 * Matches with equal start events leave Flink's PriorityQueue in an order no definition fixes, so
 * {@link simulateRuns} returns the log of every tie order.
 */
import type { AfterMatchSkipStrategy } from "../../model/pattern.ts";
import type { StreamEvent } from "./linearPattern.ts";

/** A completed match: positions (in the fed events) per stage index; an empty list = no event. */
export type MatchPositions = readonly (readonly number[])[];

/** What one event does to a run (or to the start state): the runs it leads to and the matches it completes. */
export interface StepResult<R> {
  readonly runs: readonly R[];
  readonly matches: readonly MatchPositions[];
}

/** A pattern family's runs, as the {@link simulateRuns} model sees them. */
export interface RunSpace<R> {
  /** The start state on the event at `pos` (it stays; only what it starts is returned). */
  begin(pos: number): StepResult<R>;
  /** `run` on the event at `pos` (`computeNextStates`, with stop states already applied). */
  step(run: R, pos: number): StepResult<R>;
  /** The position of the run's first event (its `startEventID`). */
  startOf(run: R): number;
  /** `advanceTime(ts)`: the timestamp a run is reported timed out with, or null if it lives on. */
  timeoutAt(run: R, ts: number): number | null;
  /** Whether a run timing out is a pending match (released as a match, not a timeout). */
  isPending?(run: R): boolean;
  /** The events the run has taken, per stage index. */
  takenOf(run: R): MatchPositions;
}

/** A match or partial match as the logs write it: `s0=3 s1=5,6` (stage = arrival indexes). */
export function describePositions(events: readonly StreamEvent[], match: MatchPositions): string {
  return match
    .flatMap((positions, stage) =>
      positions.length === 0 ? [] : [`s${stage}=${positions.map((p) => eventAt(events, p).i).join(",")}`],
    )
    .join(" ");
}

/**
 * Every log (normalized) the model writes while fed `events` as Flink's `NFATestHarness` feeds
 * them (`advanceTime(ts)` then `process(event, ts)`), then `advanceTime(finalTime)` if given —
 * one per tie order — or null when there are more than `maxOutcomes`. Log lines:
 * `<pos><a|p>:match <match>` (`a` = released by advanceTime, `p` = by process), and
 * `<pos>a:timeout@<ts> <partial match>`, as `feedLog` writes them.
 */
export function simulateRuns<R>(
  space: RunSpace<R>,
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
    const log = sortEqualStarts(normalizeLog(new RunModel(space, skip, events, choose).run(finalTime)));
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
  return sortRuns(lines, (line) => (line.includes(":timeout@") ? line.slice(0, line.indexOf("@")) : null));
}

/**
 * Also sorts each run of matches one call emits with the same start event: they leave the
 * completed-match PriorityQueue in the order it polls equal elements, a heap detail. What the
 * run model is compared on ({@link simulateRuns} applies it; apply it to the engine's log too).
 */
export function sortEqualStarts(lines: readonly string[]): string[] {
  return sortRuns(lines, (line) =>
    line.includes(":match ") ? `${line.slice(0, line.indexOf(":"))}@${firstEventOf(line)}` : null,
  );
}

/** Sorts each run of consecutive lines with the same non-null key. */
function sortRuns(lines: readonly string[], keyOf: (line: string) => string | null): string[] {
  const out: string[] = [];
  let group: string[] = [];
  let groupKey: string | null = null;
  for (const line of lines) {
    const key = keyOf(line);
    if (key === null || key !== groupKey) out.push(...group.sort());
    if (key === null || key !== groupKey) group = [];
    groupKey = key;
    if (key === null) out.push(line);
    else group.push(line);
  }
  out.push(...group.sort());
  return out;
}

/** The smallest arrival index a log line names (`s0=3 s1=5,6` → 3). */
function firstEventOf(line: string): number {
  const ids = [...line.matchAll(/=([\d,]+)/g)].flatMap((m) => (m[1] ?? "").split(",").map(Number));
  return Math.min(...ids);
}

/** A held (completed, not yet emitted) match. */
interface Held {
  readonly start: number;
  readonly match: MatchPositions;
}

/** One pass of the model, with tie choices supplied by `choose`. */
class RunModel<R> {
  private runs: R[] = [];
  /** Completed matches an after-match skip strategy holds back (`NFAState.completedMatches`). */
  private held: Held[] = [];
  private readonly log: string[] = [];

  constructor(
    private readonly space: RunSpace<R>,
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

  /** `NFA.advanceTime`: drop the runs whose window passed, then release held matches. */
  private advanceTime(where: string, ts: number): void {
    const timedOut: Array<{ run: R; at: number }> = [];
    const pending: Held[] = [];
    this.runs = this.runs.filter((run) => {
      const at = this.space.timeoutAt(run, ts);
      if (at === null) return true;
      // A timed-out Pending state (notFollowedBy at the end) becomes a potential match.
      if (this.space.isPending?.(run) === true) pending.push(this.heldOf(this.space.takenOf(run)));
      else timedOut.push({ run, at });
      return false;
    });
    this.held.push(...pending);
    this.release(where);
    for (const { run, at } of timedOut) {
      this.log.push(`${where}:timeout@${at} ${describePositions(this.events, this.space.takenOf(run))}`);
    }
  }

  /** `NFA.doProcess`: every run and the start state take the event; then release. */
  private process(pos: number): void {
    const next: R[] = [];
    const absorb = (result: StepResult<R>) => {
      next.push(...result.runs);
      for (const match of result.matches) this.held.push(this.heldOf(match));
    };
    for (const run of this.runs) absorb(this.space.step(run, pos));
    absorb(this.space.begin(pos));
    this.runs = next;
    this.release(`${pos}p`);
  }

  private heldOf(match: MatchPositions): Held {
    return { start: Math.min(...match.flat()), match };
  }

  /** `processMatchesAccordingToSkipStrategy`. */
  private release(where: string): void {
    while (this.held.length > 0) {
      const start = Math.min(...this.held.map((m) => m.start));
      if (this.skip.type !== "NO_SKIP" && this.runs.some((run) => this.space.startOf(run) < start)) break;
      for (const match of this.tieOrder(this.held.filter((m) => m.start === start))) {
        if (!this.held.includes(match)) continue;
        this.held = this.held.filter((m) => m !== match);
        const pruning = this.pruningPosition(match.match);
        if (pruning !== null) {
          const inclusive = this.skip.type === "SKIP_TO_NEXT" || this.skip.type === "SKIP_PAST_LAST_EVENT";
          const survives = (s: number) => (inclusive ? s > pruning : s >= pruning);
          this.runs = this.runs.filter((run) => survives(this.space.startOf(run)));
          this.held = this.held.filter((m) => survives(m.start));
        }
        this.log.push(`${where}:match ${describePositions(this.events, match.match)}`);
      }
    }
  }

  /**
   * An order the queue may poll equal-start matches in, up to what changes the log. A match
   * whose pruning event is its own start (or that has none) prunes no other tie, so those
   * commute (sortEqualStarts sorts their lines); any other match prunes every tie. So an outcome
   * is: some of the neutral ties, then one pruning tie — or all neutral ties when none prunes.
   */
  private tieOrder(ties: readonly Held[]): Held[] {
    if (ties.length === 1 || this.skip.type === "NO_SKIP") return [...ties];
    const exclusive = this.skip.type === "SKIP_TO_FIRST" || this.skip.type === "SKIP_TO_LAST";
    const isNeutral = (m: Held) => {
      const pruning = this.pruningPosition(m.match);
      return pruning === null || (exclusive && pruning <= m.start);
    };
    const neutral = ties.filter(isNeutral);
    const pruning = ties.filter((m) => !isNeutral(m));
    if (pruning.length === 0) return neutral;
    const before = neutral.filter(() => this.choose(2) === 1);
    return [...before, pruning[pruning.length === 1 ? 0 : this.choose(pruning.length)] as Held];
  }

  /** `getPruningId`: the match's first / last event, or stage p's first / last event. */
  private pruningPosition(match: MatchPositions): number | null {
    const all = match.flat();
    switch (this.skip.type) {
      case "NO_SKIP":
        return null;
      case "SKIP_TO_NEXT":
        return Math.min(...all);
      case "SKIP_PAST_LAST_EVENT":
        return Math.max(...all);
      case "SKIP_TO_FIRST":
      case "SKIP_TO_LAST": {
        const taken = match[Number((this.skip.patternName ?? "").slice(1))] ?? [];
        if (taken.length === 0) return null;
        return (this.skip.type === "SKIP_TO_FIRST" ? taken[0] : taken[taken.length - 1]) as number;
      }
    }
  }
}

function eventAt(events: readonly StreamEvent[], pos: number): StreamEvent {
  const event = events[pos];
  if (event === undefined) throw new RangeError(`no event at ${pos}`);
  return event;
}
