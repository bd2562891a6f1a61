/**
 * The run settings the dock's controls edit (time mode, watermark strategy, the final watermark,
 * parallelism, max parallelism, key type, the partial-match cap, speed), and how they become the worker's
 * {@link RunConfig} for a data set's field mapping. Pure.
 */
import type { JavaKeyType } from "../../runtime/javaHashCode.ts";
import { DEFAULT_MAX_PARALLELISM, UPPER_BOUND_MAX_PARALLELISM } from "../../runtime/keyGroups.ts";
import type { RunConfig } from "../../runtime/session/index.ts";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import { countText } from "../format/timeText.ts";

/** Event time (watermarks from the time field) or processing time (the time field as the clock). */
export type TimeMode = "event" | "processing";

export interface RunSettings {
  readonly timeMode: TimeMode;
  /** Bounded out-of-orderness: the watermark trails the largest timestamp by this much. */
  readonly outOfOrdernessMs: number;
  /** Periodic watermarks every this many ms (`pipeline.auto-watermark-interval`); null: after every event. */
  readonly watermarkIntervalMs: number | null;
  /** `withIdleness`: a source partition without events this long is idle; null: never idle. */
  readonly idleTimeoutMs: number | null;
  /**
   * Event time: the end of input is a +∞ watermark that fires every timer (a bounded Flink job's
   * end); false: the input just stops, leaving windows open and events buffered (the CLI's
   * `--no-final-watermark`).
   */
  readonly finalWatermark: boolean;
  /** Simulated subtasks (keys go to them as Flink's KeyGroupRangeAssignment puts them). */
  readonly parallelism: number;
  /** Key groups (Flink's max parallelism, `--max-parallelism`): with the parallelism, they decide a key's subtask. */
  readonly maxParallelism: number;
  /** The Java type whose `hashCode` puts a key in its key group (`--key-type`). */
  readonly keyType: JavaKeyType;
  /**
   * The most partial matches one key may hold per rule (`--max-partial-matches`); beyond it the
   * runs started latest are dropped, with a warning. Keeps a pattern such as `allowCombinations()`
   * without a window from growing as 2^n.
   */
  readonly maxPartialMatches: number;
  /** Events per second while playing; null: as fast as possible. */
  readonly speed: number | null;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = {
  timeMode: "event",
  outOfOrdernessMs: 0,
  watermarkIntervalMs: null,
  idleTimeoutMs: null,
  finalWatermark: true,
  parallelism: 1,
  maxParallelism: DEFAULT_MAX_PARALLELISM,
  keyType: "String",
  // The engine's DEFAULT_MAX_PARTIAL_MATCHES (a test keeps them equal): importing it would pull
  // the NFA into the page's bundle, which only the worker runs.
  maxPartialMatches: 10_000,
  speed: 2,
};

/** The most subtasks offered (Flink's default max parallelism is 128 key groups). */
export const MAX_PARALLELISM = 16;

/**
 * The max parallelisms a run takes with `parallelism` subtasks: Flink's bounds (1..32768, its
 * `UPPER_BOUND_MAX_PARALLELISM`), and never fewer key groups than subtasks (a subtask without a key
 * group is refused by Flink's `KeyGroupRangeAssignment`).
 */
export function maxParallelismRange(parallelism: number): { readonly min: number; readonly max: number } {
  return { min: Math.max(1, parallelism), max: UPPER_BOUND_MAX_PARALLELISM };
}

/** The smallest partial-match cap (the CLI's `--max-partial-matches` takes 1 or more). */
export const MIN_PARTIAL_MATCH_CAP = 1;

/** True when `value` is a partial-match cap a run takes: a whole number ≥ 1. */
export function isPartialMatchCap(value: number): boolean {
  return Number.isSafeInteger(value) && value >= MIN_PARTIAL_MATCH_CAP;
}

/** How the data is split into source partitions (generated data with several partitions names them in a field). */
export interface SourcePartitions {
  readonly count: number;
  readonly field: string | null;
}

/**
 * The worker's configuration: keyed by the mapping's key; in event time, watermarks bounded by
 * the out-of-orderness (periodic and with idleness when set), per source partition, and (unless
 * turned off) a final +∞ watermark at the end of input (a bounded Flink job); keys assigned to
 * subtasks by the max parallelism and key type; each rule capped at the partial-match cap per key; in processing time, the time field is
 * the simulated clock (the events' recorded arrival), or the event's position when the data has
 * no time field.
 */
export function runConfigOf(
  settings: RunSettings,
  mapping: FieldMapping,
  partitions: SourcePartitions = { count: 1, field: null },
): RunConfig {
  const timeField = settings.timeMode === "event" ? mapping.time : null;
  return {
    key: mapping.key,
    time:
      timeField === null
        ? null
        : {
            field: timeField,
            watermarks: {
              type: "bounded",
              delay: settings.outOfOrdernessMs,
              intervalMs: settings.watermarkIntervalMs,
              idleTimeoutMs: settings.idleTimeoutMs,
            },
            finalWatermark: settings.finalWatermark,
            partitions: partitions.count,
            partitionField: partitions.field,
          },
    clock: settings.timeMode === "processing" ? mapping.time : null,
    parallelism: settings.parallelism,
    maxParallelism: settings.maxParallelism,
    keyType: settings.keyType,
    maxPartialMatches: settings.maxPartialMatches,
  };
}

/** The time the run actually uses: event time needs a time field in the data. */
export function effectiveTimeMode(settings: RunSettings, mapping: FieldMapping | null): TimeMode {
  return settings.timeMode === "event" && mapping?.time != null ? "event" : "processing";
}

/** Playing speeds from slow motion to as fast as possible (null), in events per second. */
export const SPEED_STEPS: readonly (number | null)[] = [
  0.5,
  1,
  2,
  5,
  10,
  25,
  100,
  1_000,
  10_000,
  100_000,
  null,
];

/** The step nearest to `speed` (for the slider's position). */
export function speedStepIndex(speed: number | null): number {
  if (speed === null) return SPEED_STEPS.length - 1;
  let best = 0;
  SPEED_STEPS.forEach((step, i) => {
    const current = SPEED_STEPS[best];
    if (step !== null && current !== null && current !== undefined) {
      if (Math.abs(Math.log(step / speed)) < Math.abs(Math.log(current / speed))) best = i;
    }
  });
  return best;
}

/** `2 events/s`, `0.5 events/s`, `as fast as possible`. */
export function speedLabel(speed: number | null): string {
  if (speed === null) return "as fast as possible";
  return `${countText(speed)} event${speed === 1 ? "" : "s"}/s`;
}
