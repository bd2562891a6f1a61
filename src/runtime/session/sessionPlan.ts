/**
 * What a {@link RunSession} runs, compiled from what it was given: its rules and bindings, the
 * broadcast stream's records as JSON values (read by the CLI's rules, `src/runtime/broadcast`)
 * and the settings that decide how `at` reads (a time with event time or a clock field, else a
 * 0-based event position) and the partial-match cap. Recompiled whenever any of them changes.
 */
import type { ConditionBindings, Rule } from "../../model/pattern.ts";
import { BroadcastReader, formatRecordProblem } from "../broadcast/index.ts";
import { BUILT_IN_PROCESSORS, type BroadcastRecord, type BuiltInProcessorName } from "../job/index.ts";
import { feedTimeProblems } from "./eventFeed.ts";
import { compileRuleSet, ruleName, RuleSetError } from "./ruleSetLoader.ts";
import type { RunPlan } from "./sessionRun.ts";
import type { RunConfig, RunWarning } from "./sessionTypes.ts";

/** The name of the broadcast list in messages: `records[3].rule.pattern…`, as `loadBroadcast` calls it. */
export const BROADCAST_LIST = "records";

/** What a plan is compiled from. */
export interface PlanSource {
  readonly rules: readonly Rule[];
  readonly bindings: ConditionBindings;
  /** The broadcast stream, as the JSON values of its records (read for the processor when one runs). */
  readonly broadcast: readonly unknown[];
  /** A built-in processor run instead of the rules; null: the rules run. */
  readonly processor: BuiltInProcessorName | null;
  readonly config: RunConfig;
}

/**
 * Compiles the rules and reads the broadcast records. `onWarning` hears the engine's warnings
 * while the rules run (`rule '1' (version 2): …`, `records[3]: rule '1' (version 2): …`).
 * @throws RuleSetError naming every problem of the rules and of each record
 */
export function compilePlan(source: PlanSource, onWarning: (warning: RunWarning) => void): RunPlan {
  const { config, bindings } = source;
  const problems: string[] = [];
  let rules: RunPlan["rules"] = [];
  try {
    rules = compileRuleSet(source.rules, bindings, config.maxPartialMatches, (rule, { kind, message }) => {
      onWarning({ kind, message: `${ruleName(rule)}: ${message}` });
    });
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    problems.push(...error.problems);
  }
  const reader = new BroadcastReader({
    processor: source.processor === null ? null : BUILT_IN_PROCESSORS[source.processor],
    timed: config.time !== null || config.clock !== null,
    bindings,
    ...(config.maxPartialMatches === undefined ? {} : { maxPartialMatches: config.maxPartialMatches }),
    untimed: "when the run has neither event time nor a clock field",
    onWarning: (rule, { kind, message }, where) => {
      onWarning({ kind, message: `${where}: ${ruleName(rule)}: ${message}` });
    },
  });
  const broadcast: BroadcastRecord[] = [];
  source.broadcast.forEach((json, index) => {
    const read = reader.read(json, `${BROADCAST_LIST}[${index}]`);
    if (read.ok) broadcast.push(read.record);
    else for (const p of read.problems) problems.push(formatRecordProblem(BROADCAST_LIST, index, p));
  });
  if (problems.length > 0) throw new RuleSetError(problems);
  return { rules, processor: source.processor, broadcast };
}

/** The records of a `loadBroadcast` request. @throws RuleSetError when they are no list */
export function broadcastList(records: unknown): readonly unknown[] {
  if (Array.isArray(records)) return records;
  throw new RuleSetError([
    `${BROADCAST_LIST}: the broadcast stream must be a list of records [{"at": …, …}, …]`,
  ]);
}

/** A session's plan sources and the plan compiled from them, replaced together or not at all. */
export class SessionPlan {
  private current: PlanSource;
  private compiled: RunPlan;

  /** @throws RuleSetError, RangeError (time settings that cannot run) */
  constructor(
    source: PlanSource,
    private readonly onWarning: (warning: RunWarning) => void,
  ) {
    checkRunConfig(source.config);
    this.compiled = compilePlan(source, onWarning);
    this.current = source;
  }

  get plan(): RunPlan {
    return this.compiled;
  }

  get source(): PlanSource {
    return this.current;
  }

  /** Replaces some of the sources and recompiles. @throws RuleSetError, RangeError (nothing changes then) */
  change(change: Partial<PlanSource>): void {
    const next: PlanSource = { ...this.current, ...change };
    checkRunConfig(next.config);
    this.compiled = compilePlan(next, this.onWarning);
    this.current = next;
  }
}

/** @throws RangeError when the time settings cannot run (partitions, interval, idleness) */
function checkRunConfig(config: RunConfig): void {
  const problems = feedTimeProblems(config.time);
  if (problems.length > 0) throw new RangeError(problems.join("; "));
}
