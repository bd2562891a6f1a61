/**
 * The plain-data form of a whole {@link StreamJob} — what a Flink checkpoint holds for this job:
 * every subtask's keyed state (CEP operators, or a processor's keyed state), broadcast state
 * (rule versions, config, a processor's broadcast state), the watermark valve, the source
 * position and output counts. `StreamJob.snapshot()` returns a copy (`structuredClone`, so it can
 * be posted to a worker); `StreamJob.restore` takes it over.
 *
 * Rules are kept as their model (`Rule`: id, version, pattern — plain data); compiled NFAs are
 * not, and a restore finds them again among the job's rules and broadcast records (or compiles
 * them through `StreamJobRestoreOptions.compile`).
 */
import type { CompiledNFA, EventRecord } from "../../engine/index.ts";
import type { Rule } from "../../model/pattern.ts";
import type { BroadcastStateData, KeyedStateData } from "../processors/state.ts";
import type { KeyedConfigsData } from "./broadcastConfigs.ts";
import type { CepSubtaskSnapshot } from "./cepSubtask.ts";
import type { BroadcastConfig, JobRule, StreamJobOptions } from "./jobTypes.ts";
import type { TtlProcessorState } from "./ttlProcessorFunction.ts";
import type { WatermarkValveSnapshot } from "./watermarkValve.ts";

/** One processor subtask: its keyed state in first-seen key order, broadcast state, TTL bookkeeping. */
export interface ProcessorSubtaskSnapshot {
  readonly keyed: ReadonlyArray<readonly [string, KeyedStateData]>;
  readonly broadcast: BroadcastStateData;
  readonly ttl: TtlProcessorState | null;
}

/** Output counts so far, by output type. */
export type OutputCounts = Record<
  "match" | "timeout" | "late" | "result" | "rule-dropped" | "state-expired",
  number
>;

/** A snapshot of a {@link StreamJob}. */
export interface StreamJobSnapshot {
  readonly format: "stream-job/1";
  readonly timeCharacteristic: "eventTime" | "processingTime";
  readonly parallelism: number;
  readonly source: {
    /** Input records consumed (the caller's count, or elements processed). */
    readonly position: number;
    /** Index of the next broadcast record to apply. */
    readonly nextBroadcast: number;
  };
  readonly elementsIn: number;
  readonly processingTime: number;
  /** The TTL clock of processor subtasks in event time (largest time seen). */
  readonly eventClock: number;
  readonly valve: WatermarkValveSnapshot;
  readonly config: BroadcastConfig | null;
  /** Configs keyed by an event field (absent in snapshots from before keyed configs). */
  readonly keyedConfigs?: KeyedConfigsData;
  /** Every rule version some subtask still holds, retired or not. */
  readonly rules: ReadonlyArray<{ readonly rule: Rule; readonly retired: boolean }>;
  /** Active versions by rule id (indexes into `rules`), in activation order. */
  readonly active: ReadonlyArray<readonly [string, readonly number[]]>;
  readonly cep: readonly CepSubtaskSnapshot[];
  readonly processors: readonly ProcessorSubtaskSnapshot[];
  /** The config each buffered element arrived under (same objects as in `cep`). */
  readonly arrivalConfigs: ReadonlyArray<readonly [EventRecord, BroadcastConfig]>;
  readonly outputs: OutputCounts;
}

/** How to restore: the job's options as when it was snapshotted, and how to compile a rule. */
export interface StreamJobRestoreOptions extends StreamJobOptions {
  /** Compiles a rule version not found among `logic.rules` and the broadcast's rule records. */
  readonly compile?: (rule: Rule) => CompiledNFA;
}

export function emptyOutputCounts(): OutputCounts {
  return { match: 0, timeout: 0, late: 0, result: 0, "rule-dropped": 0, "state-expired": 0 };
}

/**
 * Finds the compiled rule for each snapshot rule: by (id, version) among the job's initial rules
 * and broadcast rule records — returning those `Rule` objects, so outputs name the same objects a
 * straight run's do — else through `compile`. A rule set may hold several rules with one id and
 * version (the job runs them all): each snapshot rule takes the first unclaimed one with the same
 * pattern, so every one keeps its own pattern across a restore.
 */
export function ruleResolver(options: StreamJobRestoreOptions): (rule: Rule) => JobRule {
  const known = new Map<string, JobRule[]>();
  const keyOf = (rule: Rule): string => `${rule.id}\u0000${rule.version}`;
  const add = (jobRule: JobRule): void => {
    const candidates = known.get(keyOf(jobRule.rule));
    if (candidates === undefined) known.set(keyOf(jobRule.rule), [jobRule]);
    else candidates.push(jobRule);
  };
  if (options.logic.type === "cep") options.logic.rules.forEach(add);
  for (const record of options.broadcast ?? []) if (record.action.type === "rule") add(record.action.rule);
  const claimed = new Set<JobRule>();
  return (rule) => {
    const candidates = known.get(keyOf(rule)) ?? [];
    const pattern = JSON.stringify(rule.pattern);
    const found =
      candidates.find((c) => !claimed.has(c) && JSON.stringify(c.rule.pattern) === pattern) ??
      candidates.find((c) => JSON.stringify(c.rule.pattern) === pattern) ??
      candidates[0];
    if (found !== undefined) {
      claimed.add(found);
      return found;
    }
    if (options.compile !== undefined) return { rule, nfa: options.compile(rule) };
    throw new Error(
      `cannot restore rule '${rule.id}' version ${rule.version}: it is not among the job's rules or broadcast records (pass options.compile)`,
    );
  };
}

/** Checks that `snapshot` fits a job built from `options`. */
export function checkCompatible(snapshot: StreamJobSnapshot, options: StreamJobOptions): void {
  const problems: string[] = [];
  const format: string = snapshot.format;
  if (format !== "stream-job/1") problems.push(`format ${JSON.stringify(format)}`);
  if (snapshot.timeCharacteristic !== options.timeCharacteristic)
    problems.push(`time ${snapshot.timeCharacteristic} vs ${options.timeCharacteristic}`);
  if (snapshot.parallelism !== (options.parallelism ?? 1))
    problems.push(`parallelism ${snapshot.parallelism} vs ${options.parallelism ?? 1}`);
  const isCep = options.logic.type === "cep";
  if ((snapshot.processors.length > 0 && isCep) || (snapshot.cep.length > 0 && !isCep))
    problems.push(`the snapshot is of a ${isCep ? "processor" : "CEP"} job`);
  if (problems.length > 0) throw new RangeError(`snapshot does not fit this job: ${problems.join("; ")}`);
}
