/**
 * The run behind a {@link RunSession}, driven over its input: consuming steps, taking a
 * checkpoint every `checkpointInterval` input items (`CheckpointStore`: the job's snapshot with
 * the run's counters, bad rows and warnings), seeking by restoring the nearest checkpoint and
 * replaying, stopping at an engine error or a fatal input problem, and the queries that replay
 * (older output records, explain). One driver holds for one
 * plan, settings and input: the session builds a new one (and replays to its position) when
 * any of them changes.
 */
import { CheckpointStore, estimateBytes } from "../checkpoint/index.ts";
import { explainEvent, type ExplainRequest } from "./explainEvent.ts";
import { OutputIndex } from "./outputIndex.ts";
import type { OutputLog } from "./outputLog.ts";
import type { ExplainResult } from "./queryTypes.ts";
import type { SessionInput } from "./sessionInput.ts";
import { SessionOutputs, type OutputsState, type ProblemState } from "./sessionOutputs.ts";
import { replayRange } from "./replayRange.ts";
import { describeRunError } from "./runError.ts";
import { SessionRun, type RunCheckpoint, type RunPlan, type RunSink, type StepResult } from "./sessionRun.ts";
import type {
  OutputFilter,
  OutputKind,
  OutputViews,
  RunConfig,
  RunError,
  RunWarning,
  SessionState,
} from "./sessionTypes.ts";

/** A page of an output list: the records asked for, how many match the filter, how many there are. */
export interface OutputPage<K extends OutputKind> {
  /** Records matching the filter (all of the list without one). */
  readonly total: number;
  /** Records in the list. */
  readonly listTotal: number;
  readonly records: OutputViews[K][];
}

/** What a run needs: the compiled plan, the settings and the input. */
export interface DriverSetup {
  readonly plan: RunPlan;
  readonly config: RunConfig;
  readonly input: SessionInput;
  /** Records kept per output list. */
  readonly keep: number;
  /** Newest records per output list a summary shows: a checkpoint keeps as many, so a seek shows them too. */
  readonly listSize: number;
  /** A checkpoint every this many input items. */
  readonly checkpointInterval: number;
  /** The host's clock (ms): with it, checkpoints take a bounded share of the time (`CheckpointStore`). */
  readonly clock?: () => number;
  /** The session's warnings (kept across restarts; the driver clears and restores them). */
  readonly warnings: Map<string, RunWarning>;
}

/** What a session checkpoint holds: the run, and the session's newest outputs, bad rows and warnings then. */
interface SessionCheckpoint {
  readonly run: RunCheckpoint;
  readonly newest: OutputsState["newest"];
  readonly problems: ProblemState;
  readonly warnings: readonly RunWarning[];
}

/** See the module comment. */
export class SessionDriver {
  run: SessionRun;
  outputs: SessionOutputs;
  /** `paused`, `finished` or `error`; the session layers `playing` on top. */
  status: Exclude<SessionState, "playing"> = "paused";
  error: RunError | null = null;
  private readonly checkpoints: CheckpointStore<SessionCheckpoint>;
  /**
   * The input item of each late output, by its `seq` (so ascending). The run is deterministic,
   * so a replay writes the same entries again and a seek back keeps the later ones: they hold
   * again once the run gets there.
   */
  private readonly late: number[] = [];
  /**
   * The input items whose event the source skipped (no key, no readable time, …: the job never
   * saw it), ascending; replays find the same ones, as for {@link late}.
   */
  private readonly skipped: number[] = [];
  /** Events that entered the job so far (one consumed without entering was skipped). */
  private entered = 0;
  /** Each output record's key and rule, for filtered queries (rewritten identically by replays). */
  private readonly index = new OutputIndex();

  /** A fresh run replayed to `items` (and the end of input when `ended`). */
  constructor(
    readonly setup: DriverSetup,
    items = 0,
    ended = false,
  ) {
    setup.warnings.clear();
    this.outputs = new SessionOutputs(setup.keep);
    this.run = new SessionRun(setup.plan, setup.config, setup.input, this.sinkOf(this.outputs));
    this.checkpoints = new CheckpointStore<SessionCheckpoint>({
      interval: setup.checkpointInterval,
      ...(setup.clock === undefined ? {} : { clock: setup.clock }),
      // The run measured its state while it walked it for the held events' lines.
      sizeOf: ({ run, ...session }) => run.bytes + estimateBytes(session),
    });
    this.checkpoints.add(0, this.takeCheckpoint());
    if (this.replay(items, ended)) this.status = this.run.ended ? "finished" : "paused";
  }

  /**
   * Moves the run to exactly input item `target` (≤ the items read), by restoring the nearest
   * checkpoint and replaying from it. Paused after, or in error when the replay met one.
   */
  seek(target: number): void {
    this.checkpoints.seek(target, {
      restore: (saved) => {
        this.resume(saved);
        return this.run;
      },
      replay: (_run, _from, to) => {
        this.replay(to, false);
      },
    });
  }

  /**
   * Records `from` … `from + count − 1` of a list (clipped to what exists), or of the records
   * matching `filter` when it names a rule or key. Records no longer kept are reproduced by
   * replaying the input to the current position.
   */
  query<K extends OutputKind>(
    kind: K,
    from: number,
    count: number,
    filter: OutputFilter = {},
  ): OutputPage<K> {
    const log = this.outputs.logs[kind] as OutputLog<OutputViews[K]>;
    const listTotal = log.count;
    const { plan, config, input } = this.setup;
    if (filter.key === undefined && filter.ruleId === undefined) {
      const kept = log.range(from, count);
      if (kept !== null) return { total: listTotal, listTotal, records: kept };
      const end = from + count;
      const records = replayRange(plan, config, input, this.run, kind, (seq) => seq >= from && seq < end);
      return { total: listTotal, listTotal, records };
    }
    const { total, seqs } = this.index.select(kind, listTotal, filter, from, count);
    const kept = seqs.map((seq) => log.range(seq, 1)?.[0]);
    if (kept.every((record) => record !== undefined)) return { total, listTotal, records: kept };
    const wanted = new Set(seqs);
    return {
      total,
      listTotal,
      records: replayRange(plan, config, input, this.run, kind, (seq) => wanted.has(seq)),
    };
  }

  /** Why input item `position` did what it did under rule `ruleId` (a side run from a checkpoint). */
  explain(request: ExplainRequest): ExplainResult {
    const { plan, config, input } = this.setup;
    return explainEvent(request, {
      plan,
      config,
      input,
      horizon: { items: this.run.items, ended: this.run.ended },
      checkpointAt: (position) => {
        const checkpoint = this.checkpoints.nearest(position);
        if (checkpoint === undefined) throw new RangeError(`no checkpoint at or before ${position}`);
        return structuredClone(checkpoint.state.run);
      },
    });
  }

  /** Consumes steps until `done` says so, the input runs out, or an error stops the run. */
  advance(done: (result: StepResult) => boolean): void {
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

  /** The run continuing from a checkpoint (a copy), paused, without an error. */
  private resume(saved: SessionCheckpoint): void {
    const { setup } = this;
    const outputs = { counts: saved.run.counts, newest: saved.newest };
    this.outputs = new SessionOutputs(setup.keep, outputs, saved.problems);
    setup.warnings.clear();
    for (const warning of saved.warnings) setup.warnings.set(warning.message, warning);
    this.error = null;
    this.status = "paused";
    this.run = new SessionRun(setup.plan, setup.config, setup.input, this.sinkOf(this.outputs), saved.run);
  }

  /**
   * The input items whose event went to the late side output, ascending — after a seek back
   * also some beyond the run's position, which count once the run is past them.
   */
  get latePositions(): readonly number[] {
    return this.late;
  }

  /** The input items whose event the source skipped, ascending (see {@link latePositions}). */
  get skippedPositions(): readonly number[] {
    return this.skipped;
  }

  /** `outputs`' sink, noting where each late output came from. */
  private sinkOf(outputs: SessionOutputs): RunSink {
    const { sink } = outputs;
    return {
      ...sink,
      output: (kind, seq, view, tags) => {
        // Lateness is decided on arrival, while the event's item is consumed (and counted).
        if (kind === "late") this.late[seq] = this.run.items - 1;
        this.index.note(kind, seq, tags);
        sink.output(kind, seq, view, tags);
      },
      element: (event, key, timestamp) => {
        this.entered++;
        sink.element?.(event, key, timestamp);
      },
    };
  }

  private takeCheckpoint(): SessionCheckpoint {
    return {
      run: this.run.checkpoint(),
      newest: this.outputs.report(this.setup.listSize).newest,
      problems: this.outputs.problemState(),
      warnings: [...this.setup.warnings.values()],
    };
  }

  /** Consumes one step, then takes the checkpoint due at the new position, if any. */
  private consume(): StepResult {
    const position = this.run.items;
    const entered = this.entered;
    const result = this.run.consume();
    if (result === "event" && this.entered === entered && position > (this.skipped.at(-1) ?? -1))
      this.skipped.push(position);
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
}
