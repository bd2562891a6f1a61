/**
 * A run the UI can drive: a `StreamJob` over a kept input, with play (in slices, the host
 * calling {@link RunSession.tick}), pause, step (one event, or to the next watermark), speed,
 * reset, and new rules, broadcast records or settings applied by replaying to the same
 * position. Outputs are counted exactly and the newest of each kind kept; older ones are
 * reproduced on demand by replay ({@link RunSession.query}). Everything but the events/s
 * figure is deterministic.
 *
 * The broadcast stream ({@link RunSession.loadBroadcast}) takes the records of the CLI's
 * `--broadcast` file, interleaved with the input exactly as there (`at` is event time with
 * event time, the clock field with one, else the 0-based event position).
 *
 * A built-in keyed-broadcast processor ({@link RunSession.loadProcessor}: seed 000's
 * purchase-path tracker, seed 001's two-action evaluator) can run instead of the rules, as the
 * CLI's `--processor` does: its broadcast records are then read as the processor's, its
 * results are the `results` output list, and `partialMatches` returns its keyed state.
 *
 * Seeking: the run keeps checkpoints at input position 0 and every `checkpointInterval` items
 * (`sessionDriver.ts`; with a clock, skipping those that would take over a quarter of the time),
 * and {@link RunSession.seek} restores the nearest one at or before a
 * position and replays to it. Checkpoints hold for one run: new rules, broadcast records,
 * settings or input start over from position 0.
 */
import type { OperatorKey } from "../../engine/operator/index.ts";
import type { ConditionBindings, Rule } from "../../model/pattern.ts";
import {
  isBuiltInProcessorName,
  type BuiltInProcessorName,
  type SubtaskBroadcastView,
} from "../job/index.ts";
import { broadcastTimeline, type BroadcastTimeline } from "./broadcastTimeline.ts";
import type { ExplainRequest } from "./explainEvent.ts";
import { InputColumns, readInputEvents, type InputEvents, type InputEventsRequest } from "./inputEvents.ts";
import type { ExplainResult, KeyPartialMatches, MetricsSeries } from "./queryTypes.ts";
import { SessionDriver, type OutputPage } from "./sessionDriver.ts";
import { SessionInput } from "./sessionInput.ts";
import { PlaybackPacer } from "./playbackPacer.ts";
import { buildSummary } from "./sessionSummary.ts";
import { SessionMetrics } from "./sessionMetrics.ts";
import { broadcastList, SessionPlan } from "./sessionPlan.ts";
import { RuleSetError } from "./ruleSetLoader.ts";
import { keyPartialMatches } from "./sessionQueries.ts";
import type {
  OutputFilter,
  OutputKind,
  RunConfig,
  RunSummary,
  RunWarning,
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
  /** The broadcast stream: the JSON values of its records, as `loadBroadcast` takes them. */
  readonly broadcast?: readonly unknown[];
  /** A built-in processor run instead of the rules (default null: the rules run). */
  readonly processor?: BuiltInProcessorName | null;
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

/** See the module comment. @throws RuleSetError from the constructor when a rule or broadcast record does not compile */
export class RunSession {
  private readonly sources: SessionPlan;
  private sessionInput: SessionInput;
  private readonly keep: number;
  private readonly summaryListSize: number;
  private readonly checkpointInterval: number;
  private readonly clock: (() => number) | undefined;
  private driver: SessionDriver;
  private playing = false;
  private readonly pacer: PlaybackPacer;
  /** The run's warnings by message (each listed once). */
  private readonly warnings = new Map<string, RunWarning>();
  private readonly metrics: SessionMetrics;
  /** The input's keys and times for {@link inputEvents}, for the current input and settings. */
  private columns: InputColumns | null = null;

  constructor(options: RunSessionOptions) {
    this.sessionInput = options.input ?? SessionInput.empty();
    this.keep = options.keep ?? 1000;
    this.summaryListSize = options.summaryListSize ?? 20;
    this.pacer = new PlaybackPacer(options.clock);
    this.checkpointInterval = options.checkpointInterval ?? DEFAULT_CHECKPOINT_INTERVAL;
    this.clock = options.clock;
    this.metrics = new SessionMetrics(options.clock);
    const source = {
      rules: options.rules,
      bindings: options.bindings ?? {},
      broadcast: options.broadcast ?? [],
      processor: options.processor ?? null,
      config: options.config,
    };
    this.sources = new SessionPlan(source, (warning) => {
      this.warnings.set(warning.message, warning);
    });
    this.driver = this.newDriver(0, false);
  }

  get state(): SessionState {
    return this.playing ? "playing" : this.driver.status;
  }

  /** The settings the run uses. */
  get runConfig(): RunConfig {
    return this.sources.source.config;
  }

  /** Events per second while playing; null: as fast as possible. */
  get currentSpeed(): number | null {
    return this.pacer.speed;
  }

  get input(): SessionInput {
    return this.sessionInput;
  }

  /** The broadcast stream's records as given (JSON values). */
  get broadcastRecords(): readonly unknown[] {
    return this.sources.source.broadcast;
  }

  /** The built-in processor the run runs instead of the rules; null: the rules run. */
  get processor(): BuiltInProcessorName | null {
    return this.sources.source.processor;
  }

  /**
   * Runs built-in processor `processor` instead of the rules (null: the rules again), with
   * `records` as the broadcast stream (read as that processor's, or as CEP records for null),
   * replayed to the current position. The rules are kept for when the processor is taken
   * away. @throws RuleSetError naming the record and field (the session is then unchanged)
   */
  loadProcessor(processor: unknown, records: unknown = []): void {
    if (processor !== null && (typeof processor !== "string" || !isBuiltInProcessorName(processor))) {
      throw new RuleSetError([
        `processor: ${typeof processor === "string" ? JSON.stringify(processor) : `a ${typeof processor}`} is no built-in processor (purchase-path, two-action or null)`,
      ]);
    }
    this.sources.change({ processor, broadcast: broadcastList(records) });
    this.replayToPosition();
  }

  /** Runs `input` from its start, with the same rules and settings. */
  loadInput(input: SessionInput): void {
    this.sessionInput = input;
    this.reset();
  }

  /** Back to the start of the input, paused; leaves an error. */
  reset(): void {
    this.playing = false;
    this.driver = this.newDriver(0, false);
  }

  /**
   * Replaces the rules and replays to the current position, so the run carries on where it
   * was with the new rules' outputs. @throws RuleSetError (the session is then unchanged)
   */
  applyRuleSet(rules: readonly Rule[], bindings: ConditionBindings = this.sources.source.bindings): void {
    this.sources.change({ rules, bindings });
    this.replayToPosition();
  }

  /**
   * Replaces the broadcast stream (the JSON values of its records, as in the CLI's
   * `--broadcast` file) and replays to the current position. Problems name the record and the
   * JSON path: `records[2].rule.pattern.nodes[0].condition: …`. @throws RuleSetError (the
   * session is then unchanged)
   */
  loadBroadcast(records: unknown): void {
    this.sources.change({ broadcast: broadcastList(records) });
    this.replayToPosition();
  }

  /** New key, time or job settings, replayed to the current position. @throws RuleSetError, RangeError */
  configure(config: RunConfig): void {
    // How `at` reads and the partial-match cap depend on the settings.
    this.sources.change({ config });
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
    this.pacer.forgetCredit();
    this.driver.seek(Math.min(position, this.sessionInput.items.length));
    this.keepPlaying();
  }

  play(): void {
    if (this.driver.status === "paused") this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  /** Events per second while playing; null runs as fast as each tick allows. @throws RangeError */
  setSpeed(eventsPerSecond: number | null): void {
    this.pacer.setSpeed(eventsPerSecond);
  }

  /**
   * Plays one slice: events owed for `elapsedMs` at the set speed (or all there are), at most
   * `maxEvents`, stopping once `budgetMs` of clock time is spent. Returns the events consumed.
   */
  tick(elapsedMs: number, limits: { maxEvents?: number; budgetMs?: number } = {}): number {
    if (this.state !== "playing") return 0;
    const { run } = this.driver;
    return this.pacer.slice(
      {
        advance: (done) => {
          this.advance(done);
        },
        get events() {
          return run.events;
        },
      },
      elapsedMs,
      limits,
    );
  }

  /** Consumes the next event (bad rows and watermark records on the way), or the end of input. */
  step(): void {
    if (this.driver.status !== "paused") return;
    this.playing = false;
    this.advance((result) => result === "event");
  }

  /** Consumes input until the watermark moves (the end of input moves it to +∞). */
  stepToWatermark(): void {
    if (this.driver.status !== "paused") return;
    this.playing = false;
    const from = this.driver.run.job.currentWatermark;
    this.advance(() => this.driver.run.job.currentWatermark !== from);
  }

  /**
   * Records `from` … `from + count − 1` of a list (clipped to what exists), or of its records
   * of one rule and/or key (`filter`; `total` then counts those). Records no longer kept are
   * reproduced by replaying the input to the current position. @throws RangeError for a bad range
   */
  query<K extends OutputKind>(
    kind: K,
    from: number,
    count: number,
    filter: OutputFilter = {},
  ): OutputPage<K> {
    if (!Number.isInteger(from) || from < 0 || !Number.isInteger(count) || count < 0) {
      throw new RangeError(`query from and count must be whole numbers ≥ 0 (got ${from}, ${count})`);
    }
    return this.driver.query(kind, from, count, filter);
  }

  /**
   * `key`'s partial matches in every running rule version (stage, events, window time left),
   * its subtask and key group. @throws KeyTypeError when the key is no value of the key type
   */
  partialMatches(key: OperatorKey): KeyPartialMatches {
    const { run } = this.driver;
    return keyPartialMatches(run.job, key, this.runConfig.time !== null, run.lineOf, this.processor);
  }

  /** Why input item `position` did what it did under rule `ruleId` (see `explainEvent.ts`). */
  explain(request: ExplainRequest): ExplainResult {
    if (this.processor !== null) {
      throw new RangeError(`explain follows CEP rules; the run runs the ${this.processor} processor instead`);
    }
    return this.driver.explain(request);
  }

  /** Every subtask's copy of the broadcast state (rule versions, config, keyed configs). */
  broadcastState(): SubtaskBroadcastView[] {
    return this.driver.run.job.broadcastState();
  }

  /** The broadcast stream's records and what became of them so far (also in every summary). */
  broadcastTimeline(): BroadcastTimeline {
    return broadcastTimeline(this.sources.plan, this.driver.run.broadcastTaken);
  }

  /** Input events by range, optionally filtered by key, type or event time (see `inputEvents.ts`). */
  inputEvents(request: InputEventsRequest): InputEvents {
    const { key } = this.runConfig;
    const timeField = this.runConfig.time?.field ?? null;
    if (this.columns?.fits(this.sessionInput, key, timeField) !== true)
      this.columns = new InputColumns(this.sessionInput, key, timeField);
    const { driver } = this;
    return readInputEvents(
      this.columns,
      { late: driver.latePositions, skipped: driver.skippedPositions, processed: driver.run.items },
      request,
    );
  }

  /** The metrics sampled so far (one sample per state pass; see `sessionMetrics.ts`). */
  metricsSeries(): MetricsSeries {
    this.refreshMetrics();
    return this.metrics.series();
  }

  /** The summary of the run now; resets the changed keys (so call it once per tick). */
  summary(): RunSummary {
    return buildSummary({
      state: this.state,
      driver: this.driver,
      plan: this.sources.plan,
      input: this.sessionInput,
      listSize: this.summaryListSize,
      eventsPerSecond: this.pacer.eventsPerSecond,
      speed: this.pacer.speed,
      stageCounts: this.refreshMetrics().stageCounts,
      warnings: this.warnings,
    });
  }

  private refreshMetrics(): ReturnType<SessionMetrics["refresh"]> {
    const { run, outputs } = this.driver;
    return this.metrics.refresh(
      run.job,
      {
        items: run.items,
        ended: run.ended,
        events: run.events,
        eventsPerSecond: this.pacer.eventsPerSecond,
        watermark: run.job.currentWatermark,
        maxEventTime: run.maxEventTime,
        eventTime: this.runConfig.time !== null,
        late: outputs.logs.late.count,
      },
      this.state === "playing",
    );
  }

  /** Consumes steps until `done` says so; playing stops when the run finishes or fails. */
  private advance(done: Parameters<SessionDriver["advance"]>[0]): void {
    this.driver.advance(done);
    this.keepPlaying();
  }

  /** Playing goes on only while the run can (not once finished or in error). */
  private keepPlaying(): void {
    if (this.driver.status !== "paused") this.playing = false;
  }

  /** A new run replayed to where the current one is; a playing run keeps playing. */
  private replayToPosition(): void {
    const { run } = this.driver;
    this.driver = this.newDriver(run.items, run.ended);
    this.keepPlaying();
  }

  /** A fresh run replayed to `items` (and the end of input when `ended`); clears an error. */
  private newDriver(items: number, ended: boolean): SessionDriver {
    this.metrics.reset();
    this.pacer.forgetCredit();
    return new SessionDriver(
      {
        plan: this.sources.plan,
        config: this.runConfig,
        input: this.sessionInput,
        keep: this.keep,
        listSize: this.summaryListSize,
        checkpointInterval: this.checkpointInterval,
        ...(this.clock === undefined ? {} : { clock: this.clock }),
        warnings: this.warnings,
      },
      items,
      ended,
    );
  }
}
