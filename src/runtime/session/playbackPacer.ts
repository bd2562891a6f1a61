/**
 * How fast a {@link RunSession} plays: the set speed in events per second (or as fast as each
 * slice allows), the events owed between slices, each slice's time budget, and the measured
 * events/s figure. The only part of a session that reads the clock.
 */
import type { StepResult } from "./sessionRun.ts";

/** Events between clock reads when a slice has a time budget. */
const BUDGET_CHECK_EVERY = 64;

/** What a slice plays on: it consumes steps until `done` says so, and counts events. */
export interface PacedRun {
  advance(done: (result: StepResult) => boolean): void;
  readonly events: number;
}

/** See the module comment. */
export class PlaybackPacer {
  private rate: number | null = null;
  /** Events owed to a rate-limited play, carried between slices. */
  private credit = 0;
  private measured: number | null = null;

  /** `clock`: milliseconds (e.g. `performance.now`); without it slices have no budget and no rate is measured. */
  constructor(private readonly clock: (() => number) | undefined) {}

  /** Events per second while playing; null: as fast as possible. */
  get speed(): number | null {
    return this.rate;
  }

  /** The processing rate over the last slice; null when there is no clock or nothing ran. */
  get eventsPerSecond(): number | null {
    return this.measured;
  }

  /** @throws RangeError unless null or a positive number */
  setSpeed(eventsPerSecond: number | null): void {
    if (eventsPerSecond !== null && !(eventsPerSecond > 0)) {
      throw new RangeError(`speed must be a positive number of events per second (got ${eventsPerSecond})`);
    }
    this.rate = eventsPerSecond;
    this.credit = 0;
  }

  /** Forgets the events owed (the run jumped: a seek, a restart). */
  forgetCredit(): void {
    this.credit = 0;
  }

  /**
   * Plays one slice of `run`: the events owed for `elapsedMs` at the set speed (or all there
   * are), at most `maxEvents`, stopping once `budgetMs` of clock time is spent. Returns the
   * events consumed.
   */
  slice(run: PacedRun, elapsedMs: number, limits: { maxEvents?: number; budgetMs?: number }): number {
    let allowance = limits.maxEvents ?? Number.POSITIVE_INFINITY;
    if (this.rate !== null) {
      this.credit += (this.rate * Math.max(0, elapsedMs)) / 1000;
      allowance = Math.min(allowance, Math.floor(this.credit));
      // What a capped slice could not play is owed, but at most a second of it: a host that
      // stalled should not make the run jump ahead.
      this.credit = Math.min(this.credit - allowance, this.rate);
    }
    if (allowance <= 0) return 0;
    const clock = this.clock;
    const started = clock?.() ?? 0;
    const deadline = limits.budgetMs === undefined || clock === undefined ? null : started + limits.budgetMs;
    const before = run.events;
    let consumed = 0;
    run.advance((result) => {
      if (result === "event") consumed++;
      if (consumed >= allowance) return true;
      return deadline !== null && consumed % BUDGET_CHECK_EVERY === 0 && (clock?.() ?? 0) >= deadline;
    });
    const spent = clock === undefined ? 0 : clock() - started;
    const events = run.events - before;
    if (clock !== undefined && events > 0 && spent > 0) this.measured = (events * 1000) / spent;
    return events;
  }
}
