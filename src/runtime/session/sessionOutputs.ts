/**
 * What one run of a session has produced so far: its output lists (counted exactly, newest kept),
 * the bad input rows, and the keys touched since the last summary. A session starts a fresh one
 * whenever it restarts its run.
 */
import type { OperatorKey } from "../../engine/operator/index.ts";
import { OutputLog } from "./outputLog.ts";
import type { RunSink } from "./sessionRun.ts";
import type { OutputKind, OutputViews, RunSummary } from "./sessionTypes.ts";

/** Most changed keys and problems a summary lists (all are counted). */
export const LISTED = 100;

type Logs = { [K in OutputKind]: OutputLog<OutputViews[K]> };

/** The bad rows of a run so far: how many, and the first ones (what a checkpoint keeps). */
export interface ProblemState {
  readonly count: number;
  readonly listed: readonly string[];
}

/** Each output list's count and newest records (what a restored run starts from). */
export interface OutputsState {
  readonly counts: Readonly<Record<OutputKind, number>>;
  readonly newest: RunSummary["newest"];
}

/** See the module comment. */
export class SessionOutputs {
  readonly logs: Logs;
  private readonly problems: string[];
  private problemCount: number;
  /** Keys touched since the last summary (all of them, to count; the first are listed). */
  private changed = new Set<string>();

  /** The sink the run reports to. */
  readonly sink: RunSink = {
    output: (kind, _seq, view) => {
      (this.logs[kind] as OutputLog<OutputViews[typeof kind]>).add(view());
    },
    touched: (key: OperatorKey) => {
      if (key !== null) this.changed.add(key);
    },
    problem: (line) => {
      this.problemCount++;
      if (this.problems.length < LISTED) this.problems.push(line);
    },
  };

  /**
   * Empty, or (a run restored from a checkpoint) with the records per list already counted and
   * the newest of them kept — older ones come back by replay — and the checkpoint's bad rows.
   */
  constructor(keep: number, outputs?: OutputsState, problems?: ProblemState) {
    const log = <K extends OutputKind>(kind: K) =>
      new OutputLog<OutputViews[K]>(keep, outputs?.counts[kind], outputs?.newest[kind]);
    this.logs = {
      matches: log("matches"),
      timeouts: log("timeouts"),
      late: log("late"),
      ruleDropped: log("ruleDropped"),
      stateExpired: log("stateExpired"),
      results: log("results"),
    };
    this.problems = problems?.listed.slice() ?? [];
    this.problemCount = problems?.count ?? 0;
  }

  /** The bad rows so far, for a checkpoint. */
  problemState(): ProblemState {
    return { count: this.problemCount, listed: this.problems.slice() };
  }

  /** The last bad row reported (the fatal one, when reading stopped). */
  get lastProblem(): string | undefined {
    return this.problems.at(-1);
  }

  /** The summary's output fields, with the newest `n` records of each list. */
  report(n: number): Pick<RunSummary, "counts" | "newest" | "problems"> {
    const { logs } = this;
    return {
      counts: {
        matches: logs.matches.count,
        timeouts: logs.timeouts.count,
        late: logs.late.count,
        ruleDropped: logs.ruleDropped.count,
        stateExpired: logs.stateExpired.count,
        results: logs.results.count,
        problems: this.problemCount,
      },
      newest: {
        matches: logs.matches.newest(n),
        timeouts: logs.timeouts.newest(n),
        late: logs.late.newest(n),
        ruleDropped: logs.ruleDropped.newest(n),
        stateExpired: logs.stateExpired.newest(n),
        results: logs.results.newest(n),
      },
      problems: this.problems.slice(),
    };
  }

  /** The keys touched since the previous call. */
  takeChangedKeys(): RunSummary["changedKeys"] {
    const changed = this.changed;
    this.changed = new Set();
    return { count: changed.size, listed: [...changed].slice(0, LISTED) };
  }
}
