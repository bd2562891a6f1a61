/**
 * A run the UI can drive: a `StreamJob` over a kept input, with play (in slices, the host
 * calling {@link RunSession.tick}), pause, step (one event, or to the next watermark), speed,
 * reset, and new rules or settings applied by replaying to the same position. Outputs are
 * counted exactly and the newest of each kind kept; older ones are reproduced on demand by
 * replay ({@link RunSession.query}). Everything but the events/s figure is deterministic.
 *
 * Seeking: the run keeps checkpoints (`CheckpointStore`) at input position 0 and every
 * `checkpointInterval` items — the job's snapshot with the session's own driver state (the
 * watermark generator, item and output counters, bad rows, warnings) — and
 * {@link RunSession.seek} restores the nearest one at or before a position and replays to it.
 * Checkpoints hold for one run: new rules, settings or input start over from position 0.
 */
import type { OperatorKey } from "../../engine/operator/index.ts";
import type { ConditionBindings, Rule } from "../../model/pattern.ts";
import { CheckpointStore } from "../checkpoint/index.ts";
import type { JobRule } from "../job/index.ts";
import type { OutputLog } from "./outputLog.ts";
import { explainEvent, type ExplainRequest } from "./explainEvent.ts";
import type { SubtaskBroadcastView } from "../job/index.ts";
import type { ExplainResult, KeyPartialMatches, MetricsSeries } from "./queryTypes.ts";
import { compileRuleSet, ruleName } from "./ruleSetLoader.ts";
import { SessionMetrics } from "./sessionMetrics.ts";
import { keyPartialMatches } from "./sessionQueries.ts";
import { feedTimeProblems } from "./eventFeed.ts";
import { SessionInput } from "./sessionInput.ts";
import { SessionOutputs } from "./sessionOutputs.ts";
import {
  describeRunError,
  replayRange,
  SessionRun,
  type RunCheckpoint,
  type StepResult,
} from "./sessionRun.ts";
import type { ProblemState } from "./sessionOutputs.ts";
import type {
  OutputKind,
  OutputViews,
  RunConfig,
  RunError,
  RunSummary,
  SessionState,
} from "./sessionTypes.ts";

/**
 * Input items between checkpoints. A checkpoint clones the whole job state, which costs as much
 * as processing tens of thousands of events at 100 k keys, so a denser default made playing
 * several times slower (measured with `npm run bench -- --browser`); a seek replays at most this
 * many items, well under a second.
 */
export const DEFAULT_CHECKPOINT_INTERVAL = 100_000;

export interface RunSessionOptions {
  readonly rules: readonly Rule[];
  readonly bindings?: ConditionBindings;
  readonly config: RunConfig;
  readonly input?: SessionInput;
  /** Records kept per output list (default 1000); all are counted. */
  readonly keep?: number;
  /** Newest records per list in a summary (default 20). */
  readonly summaryListSize?: number;
  /** Milliseconds, for the events/s figure and tick budgets (e.g. `performance.now`). */
  readonly clock?: () => number;
  /** A checkpoint every this many input items, for {@link RunSession.seek} (default {@link DEFAULT_CHECKPOINT_INTERVAL}). */
  readonly checkpointInterval?: number;
}

/** What a session checkpoint holds: the run, and the session's bad rows and warnings then. */
interface SessionCheckpoint {
  readonly run: RunCheckpoint;
  readonly problems: ProblemState;
  readonly warnings: readonly string[];
}

/** Events between clock reads when a tick has a time budget. */
const BUDGET_CHECK_EVERY = 64;

/** See the module comment. @throws RuleSetError from the constructor when a rule does not compile */
export class RunSession {
  private rules: readonly Rule[];
  private bindings: ConditionBindings;
  private compiled: JobRule[];
  private config: RunConfig;
  private sessionInput: SessionInput;
  private readonly keep: number;
  private readonly summaryListSize: number;
  private readonly clock: (() => number) | undefined;
  private readonly checkpointInterval: number;
  private checkpoints!: CheckpointStore<SessionCheckpoint>;
  private run!: SessionRun;
  private outputs!: SessionOutputs;
  private status: SessionState = "paused";
  private error: RunError | null = null;
  private speed: number | null = null;
  /** Events owed to a rate-limited play, carried between ticks. */
  private credit = 0;
  private eventsPerSecond: number | null = null;
  private readonly warnings = new Set<string>();
  private readonly metrics: SessionMetrics;

  constructor(options: RunSessionOptions) {
    this.rules = options.rules;
    this.bindings = options.bindings ?? {};
    this.config = options.config;
    this.sessionInput = options.input ?? SessionInput.empty();
    this.keep = options.keep ?? 1000;
    this.summaryListSize = options.summaryListSize ?? 20;
    this.clock = options.clock;
    this.checkpointInterval = options.checkpointInterval ?? DEFAULT_CHECKPOINT_INTERVAL;
    this.metrics = new SessionMetrics(options.clock);
    checkRunConfig(options.config);
    this.compiled = this.compile(this.rules, this.bindings, this.config);
    this.restart(0, false);
  }

  get state(): SessionState {
    return this.status;
  }

  /** The settings the run uses. */
  get runConfig(): RunConfig {
    return this.config;
  }

  /** Events per second while playing; null: as fast as possible. */
  get currentSpeed(): number | null {
    return this.speed;
  }

  get input(): SessionInput {
    return this.sessionInput;
  }

  /** Runs `input` from its start, with the same rules and settings. */
  loadInput(input: SessionInput): void {
    this.sessionInput = input;
    this.reset();
  }

  /** Back to the start of the input, paused; leaves an error. */
  reset(): void {
    this.restart(0, false);
    this.status = "paused";
  }

  /**
   * Replaces the rules and replays to the current position, so the run carries on where it
   * was with the new rules' outputs. @throws RuleSetError (the session is then unchanged)
   */
  applyRuleSet(rules: readonly Rule[], bindings: ConditionBindings = this.bindings): void {
    this.compiled = this.compile(rules, bindings, this.config);
    this.rules = rules;
    this.bindings = bindings;
    this.replayToPosition();
  }

  /** New key, time or job settings, replayed to the current position. @throws RuleSetError */
  configure(config: RunConfig): void {
    checkRunConfig(config);
    if (config.maxPartialMatches !== this.config.maxPartialMatches) {
      this.compiled = this.compile(this.rules, this.bindings, config);
    }
    this.config = config;
    this.replayToPosition();
  }

  /**
   * Moves the run to exactly input item `position` (clipped to the items read), backward or
   * forward, by restoring the nearest checkpoint and replaying from it: the outputs from there
   * on are those of a straight run. Counts stay exact; records before the checkpoint come back
   * through {@link query}. A playing run keeps playing; an error is cleared (or met again).
   */
  seek(position: number): void {
    if (!Number.isInteger(position) || position < 0) {
      throw new RangeError(`seek position must be a whole number ≥ 0 (got ${position})`);
    }
    const target = Math.min(position, this.sessionInput.items.length);
    const wasPlaying = this.status === "playing";
    this.checkpoints.seek(target, {
      restore: (saved) => {
        this.resume(saved);
        return this.run;
      },
      replay: (_run, _from, to) => {
        this.replay(to, false);
      },
    });
    // Paused after the restore, or in error when the replay met one.
    if (this.status === "paused" && wasPlaying) this.status = "playing";
  }

  play(): void {
    if (this.status === "paused") this.status = "playing";
  }

  pause(): void {
    if (this.status === "playing") this.status = "paused";
  }

  /** Events per second while playing; null runs as fast as each tick allows. */
  setSpeed(eventsPerSecond: number | null): void {
    if (eventsPerSecond !== null && !(eventsPerSecond > 0)) {
      throw new RangeError(`speed must be a positive number of events per second (got ${eventsPerSecond})`);
    }
    this.speed = eventsPerSecond;
    this.credit = 0;
  }

  /**
   * Plays one slice: events owed for `elapsedMs` at the set speed (or all there are), at most
   * `maxEvents`, stopping once `budgetMs` of clock time is spent. Returns the events consumed.
   */
  tick(elapsedMs: number, limits: { maxEvents?: number; budgetMs?: number } = {}): number {
    if (this.status !== "playing") return 0;
    let allowance = limits.maxEvents ?? Number.POSITIVE_INFINITY;
    if (this.speed !== null) {
      this.credit += (this.speed * Math.max(0, elapsedMs)) / 1000;
      allowance = Math.min(allowance, Math.floor(this.credit));
      // What a capped tick could not play is owed, but at most a second of it: a host that
      // stalled should not make the run jump ahead.
      this.credit = Math.min(this.credit - allowance, this.speed);
    }
    if (allowance <= 0) return 0;
    const clock = this.clock;
    const started = clock?.() ?? 0;
    const deadline = limits.budgetMs === undefined || clock === undefined ? null : started + limits.budgetMs;
    const before = this.run.events;
    let consumed = 0;
    this.advance((result) => {
      if (result === "event") consumed++;
      if (consumed >= allowance) return true;
      return deadline !== null && consumed % BUDGET_CHECK_EVERY === 0 && (clock?.() ?? 0) >= deadline;
    });
    const spent = clock === undefined ? 0 : clock() - started;
    const events = this.run.events - before;
    if (clock !== undefined && events > 0 && spent > 0) this.eventsPerSecond = (events * 1000) / spent;
    return events;
  }

  /** Consumes the next event (bad rows and watermark records on the way), or the end of input. */
  step(): void {
    if (this.status === "error" || this.status === "finished") return;
    this.status = "paused";
    this.advance((result) => result === "event");
  }

  /** Consumes input until the watermark moves (the end of input moves it to +∞). */
  stepToWatermark(): void {
    if (this.status === "error" || this.status === "finished") return;
    this.status = "paused";
    const from = this.run.job.currentWatermark;
    this.advance(() => this.run.job.currentWatermark !== from);
  }

  /**
   * Records `from` … `from + count − 1` of a list (clipped to what exists). Records no longer
   * kept are reproduced by replaying the input to the current position.
   */
  query<K extends OutputKind>(
    kind: K,
    from: number,
    count: number,
  ): { total: number; records: OutputViews[K][] } {
    const log = this.outputs.logs[kind] as OutputLog<OutputViews[K]>;
    const kept = log.range(from, count);
    if (kept !== null) return { total: log.count, records: kept };
    const records = replayRange(this.compiled, this.config, this.sessionInput, this.run, kind, from, count);
    return { total: log.count, records };
  }

  /**
   * `key`'s partial matches in every running rule version (stage, events, window time left),
   * its subtask and key group. @throws KeyTypeError when the key is no value of the key type
   */
  partialMatches(key: OperatorKey): KeyPartialMatches {
    return keyPartialMatches(this.run.job, key, this.config.time !== null, this.run.lineOf);
  }

  /** Why input item `position` did what it did under rule `ruleId` (see `explainEvent.ts`). */
  explain(request: ExplainRequest): ExplainResult {
    return explainEvent(request, {
      rules: this.compiled,
      config: this.config,
      input: this.sessionInput,
      horizon: { items: this.run.items, ended: this.run.ended },
      checkpointAt: (position) => {
        const checkpoint = this.checkpoints.nearest(position);
        if (checkpoint === undefined) throw new RangeError(`no checkpoint at or before ${position}`);
        return structuredClone(checkpoint.state.run);
      },
    });
  }

  /** Every subtask's copy of the broadcast state (rule versions, config, keyed configs). */
  broadcastState(): SubtaskBroadcastView[] {
    return this.run.job.broadcastState();
  }

  /** The metrics sampled so far (one sample per state pass; see `sessionMetrics.ts`). */
  metricsSeries(): MetricsSeries {
    this.refreshMetrics();
    return this.metrics.series();
  }

  /** The summary of the run now; resets the changed keys (so call it once per tick). */
  summary(): RunSummary {
    const { run, outputs } = this;
    const watermark = run.job.currentWatermark;
    const scan = this.refreshMetrics();
    return {
      state: this.status,
      position: {
        items: run.items,
        processedEvents: run.events,
        totalEvents: this.sessionInput.eventCount,
        inputDone: this.sessionInput.done,
        ended: run.ended,
      },
      watermark: watermark === Number.NEGATIVE_INFINITY ? null : watermark,
      ...outputs.report(this.summaryListSize),
      changedKeys: outputs.takeChangedKeys(),
      eventsPerSecond: this.eventsPerSecond,
      speed: this.speed,
      activeRules: run.job.activeRules().map((r) => ({ id: r.id, version: r.version })),
      stageCounts: scan.stageCounts,
      watermarks: {
        partitions: run.job.partitionWatermarks(),
        subtasks: run.job.subtaskWatermarks().map((w) => (w === Number.NEGATIVE_INFINITY ? null : w)),
      },
      warnings: [...this.warnings],
      error: this.error,
    };
  }

  private refreshMetrics(): ReturnType<SessionMetrics["refresh"]> {
    const { run } = this;
    return this.metrics.refresh(
      run.job,
      {
        items: run.items,
        events: run.events,
        eventsPerSecond: this.eventsPerSecond,
        watermark: run.job.currentWatermark,
        maxEventTime: run.maxEventTime,
        eventTime: this.config.time !== null,
        late: this.outputs.logs.late.count,
      },
      this.status === "playing",
    );
  }

  /** Consumes steps until `done` says so, the input runs out, or an error stops the run. */
  private advance(done: (result: StepResult) => boolean): void {
    const run = this.run;
    try {
      for (;;) {
        const result = this.consume();
        if (result === "none") break;
        if (result === "end") {
          this.status = "finished";
          break;
        }
        if (done(result)) break;
      }
    } catch (error) {
      this.fail(describeRunError(error, run.lineOf));
      return;
    }
    if (run.failed) this.fail(this.fatalInputError());
  }

  private fail(error: RunError): void {
    this.status = "error";
    this.error = error;
  }

  private fatalInputError(): RunError {
    const message = this.outputs.lastProblem ?? "the input cannot be read";
    return { message, ruleId: null, version: null, stage: null, key: null, subtask: null, line: null };
  }

  private replayToPosition(): void {
    const wasPlaying = this.status === "playing";
    this.restart(this.run.items, this.run.ended);
    if (this.status === "paused" && wasPlaying) this.status = "playing";
  }

  /** A fresh run replayed to `items` (and the end of input when `ended`); clears an error. */
  private restart(items: number, ended: boolean): void {
    this.metrics.reset();
    this.outputs = new SessionOutputs(this.keep);
    this.warnings.clear();
    this.error = null;
    this.credit = 0;
    this.status = "paused";
    this.run = new SessionRun(this.compiled, this.config, this.sessionInput, this.outputs.sink);
    this.checkpoints = new CheckpointStore({ interval: this.checkpointInterval });
    this.checkpoints.add(0, this.takeCheckpoint());
    if (this.replay(items, ended)) this.status = this.run.ended ? "finished" : "paused";
  }

  /** The run continuing from a checkpoint (a copy), paused, without an error. */
  private resume(saved: SessionCheckpoint): void {
    this.outputs = new SessionOutputs(this.keep, saved.run.counts, saved.problems);
    this.warnings.clear();
    for (const warning of saved.warnings) this.warnings.add(warning);
    this.error = null;
    this.credit = 0;
    this.status = "paused";
    this.run = new SessionRun(this.compiled, this.config, this.sessionInput, this.outputs.sink, saved.run);
  }

  private takeCheckpoint(): SessionCheckpoint {
    return {
      run: this.run.checkpoint(),
      problems: this.outputs.problemState(),
      warnings: [...this.warnings],
    };
  }

  /** Consumes one step, then takes the checkpoint due at the new position, if any. */
  private consume(): StepResult {
    const result = this.run.consume();
    if ((result === "event" || result === "other") && !this.run.failed) {
      this.checkpoints.maybeCheckpoint(this.run.items, () => this.takeCheckpoint());
    }
    return result;
  }

  /** Consumes exactly `items` input items, then the end of input when `ended`; false on error. */
  private replay(items: number, ended: boolean): boolean {
    const run = this.run;
    try {
      while (run.items < items && this.consume() !== "none") {
        /* one item consumed */
      }
      if (ended && !run.ended) this.consume();
    } catch (error) {
      this.fail(describeRunError(error, run.lineOf));
      return false;
    }
    if (run.failed) this.fail(this.fatalInputError());
    return !run.failed;
  }

  private compile(rules: readonly Rule[], bindings: ConditionBindings, config: RunConfig): JobRule[] {
    return compileRuleSet(rules, bindings, config.maxPartialMatches, (rule, message) => {
      this.warnings.add(`${ruleName(rule)}: ${message}`);
    });
  }
}

/** @throws RangeError when the time settings cannot run (partitions, interval, idleness) */
function checkRunConfig(config: RunConfig): void {
  const problems = feedTimeProblems(config.time);
  if (problems.length > 0) throw new RangeError(problems.join("; "));
}
