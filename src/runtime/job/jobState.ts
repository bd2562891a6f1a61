/**
 * Taking a {@link StreamJob}'s state apart into its snapshot (`jobSnapshot.ts`) and putting it
 * back: the parts of a job (subtasks, broadcast side, valve, counters) read and written here,
 * so the job itself only runs.
 */
import type { EventRecord } from "../../engine/index.ts";
import type { CepSubtask } from "./cepSubtask.ts";
import type { JobBroadcast } from "./jobBroadcast.ts";
import {
  ruleResolver,
  type OutputCounts,
  type StreamJobRestoreOptions,
  type StreamJobSnapshot,
} from "./jobSnapshot.ts";
import type { BroadcastConfig } from "./jobTypes.ts";
import type { ProcessorSubtasks } from "./processorSubtasks.ts";
import type { RuleVersionNfa } from "./ruleVersionNfa.ts";
import type { WatermarkValve } from "./watermarkValve.ts";

/** A job's counters besides its outputs. */
export interface JobProgress {
  /** Elements processed (`processElement` calls). */
  elementsIn: number;
  /** The processing-time clock. */
  processingTime: number;
}

/** The parts of a job, as live objects. */
export interface JobParts {
  readonly isProcessingTime: boolean;
  readonly parallelism: number;
  readonly valve: WatermarkValve;
  readonly cep: readonly CepSubtask[];
  readonly processors: ProcessorSubtasks | null;
  readonly broadcast: JobBroadcast;
  readonly counts: OutputCounts;
  readonly progress: JobProgress;
}

/**
 * The job's state sharing live objects (`StreamJob.snapshot` copies it in one go, keeping shared
 * objects shared). `position`: input records the caller consumed.
 */
export function captureJob(parts: JobParts, position: number): StreamJobSnapshot {
  const { active, configs, next } = parts.broadcast;
  const index = new Map<RuleVersionNfa, number>();
  const rules: Array<StreamJobSnapshot["rules"][number]> = [];
  const indexOf = (version: RuleVersionNfa): number => {
    let i = index.get(version);
    if (i === undefined) {
      i = rules.length;
      index.set(version, i);
      rules.push({ rule: version.rule, retired: version.retired });
    }
    return i;
  };
  const activeIndexes = [...active].map(([id, versions]) => [id, versions.map(indexOf)] as const);
  const cep = parts.cep.map((subtask) => subtask.capture(indexOf));
  const arrivalConfigs: Array<[EventRecord, BroadcastConfig]> = [];
  for (const subtask of cep)
    for (const group of subtask.groups)
      for (const key of group.operator.keys)
        for (const event of key.events) {
          const config = configs.arrivedUnder(event);
          if (config !== undefined) arrivalConfigs.push([event, config]);
        }
  return {
    format: "stream-job/1",
    timeCharacteristic: parts.isProcessingTime ? "processingTime" : "eventTime",
    parallelism: parts.parallelism,
    source: { position, nextBroadcast: next },
    elementsIn: parts.progress.elementsIn,
    processingTime: parts.progress.processingTime,
    eventClock: parts.processors?.currentEventClock ?? Number.NEGATIVE_INFINITY,
    valve: parts.valve.snapshot(),
    config: configs.globalConfig ?? null,
    keyedConfigs: configs.keyedData(),
    rules,
    active: activeIndexes,
    cep,
    processors: parts.processors?.capture() ?? [],
    arrivalConfigs,
    outputs: { ...parts.counts },
  };
}

/** Replaces a fresh job's state (its `parts`) with `saved`'s, which it takes over. */
export function loadJob(parts: JobParts, saved: StreamJobSnapshot, options: StreamJobRestoreOptions): void {
  const resolve = ruleResolver(options);
  const { broadcast } = parts;
  const versions = saved.rules.map(({ rule, retired }) => {
    const found = resolve(rule);
    const version = broadcast.ruleVersion(found.rule, found.nfa);
    if (retired) version.markRetired();
    return version;
  });
  const ruleAt = (i: number): RuleVersionNfa => {
    const version = versions[i];
    if (version === undefined) throw new RangeError(`snapshot names no rule version ${i}`);
    return version;
  };
  broadcast.active.clear();
  for (const [id, indexes] of saved.active) broadcast.active.set(id, indexes.map(ruleAt));
  parts.cep.forEach((subtask, i) => {
    const state = saved.cep[i];
    if (state === undefined) throw new RangeError(`snapshot has no state for subtask ${i}`);
    subtask.restore(state, ruleAt);
  });
  parts.processors?.restore(saved.processors, saved.eventClock, saved.processingTime);
  for (const [event, config] of saved.arrivalConfigs) broadcast.configs.restoreArrival(event, config);
  broadcast.configs.restore(saved.config, saved.keyedConfigs ?? []);
  parts.valve.restore(saved.valve);
  broadcast.next = saved.source.nextBroadcast;
  parts.progress.processingTime = saved.processingTime;
  parts.progress.elementsIn = saved.elementsIn;
  Object.assign(parts.counts, saved.outputs);
}
