/**
 * The vocabulary of a {@link StreamJob} (see `streamJob.ts`): what goes in (rules, broadcast
 * records, processors) and what comes out (matches, timeouts, late records, processor results,
 * dropped rule versions), every output tagged with the parallel subtask that produced it.
 */
import type { CompiledNFA, EventRecord, Match } from "../../engine/index.ts";
import type { EventComparator, OperatorKey } from "../../engine/operator/index.ts";
import type { Rule } from "../../model/pattern.ts";
import type { JavaKeyType } from "../javaHashCode.ts";
import type { KeyedBroadcastProcessFunction } from "../processors/keyedBroadcastProcessFunction.ts";
import type { BroadcastStateData } from "../processors/state.ts";
import type { KeyedConfigView } from "./broadcastConfigs.ts";
import type { WatermarkStatus } from "./watermarkValve.ts";

/** A rule version ready to run: the rule (id, version, pattern) and its compiled NFA. */
export interface JobRule {
  readonly rule: Rule;
  readonly nfa: CompiledNFA;
}

/** The broadcast config conditions read as `config.x` (Flink: broadcast state). */
export type BroadcastConfig = Readonly<Record<string, unknown>>;

/** Which events a keyed config is for: those whose `field` has the text `value`. */
export interface ConfigKey {
  readonly field: string;
  readonly value: string;
}

/**
 * What a broadcast record does. CEP jobs take `rule`, `remove` and `config`; a job running a
 * keyed-broadcast processor takes `element` (handed to `processBroadcastElement`).
 */
export type BroadcastAction =
  | { readonly type: "rule"; readonly rule: JobRule }
  | { readonly type: "remove"; readonly id: string }
  /** The global config, or (with `key`) the config of events whose field has that value. */
  | { readonly type: "config"; readonly config: BroadcastConfig; readonly key?: ConfigKey }
  | { readonly type: "element"; readonly value: unknown };

/**
 * One record of the broadcast stream. It takes effect before the first element whose time
 * (event time, or processing time: the clock, or the 0-based position) is ≥ `at`.
 */
export interface BroadcastRecord {
  readonly at: number;
  readonly action: BroadcastAction;
  /** Where the record came from (`FILE:LINE`), for messages. */
  readonly source?: string;
}

/** A broadcast record the job just took (or rejected). */
export interface AppliedBroadcast {
  /** Its index in the broadcast stream. */
  readonly index: number;
  readonly record: BroadcastRecord;
  /** The job time it was applied at: the time of the element it came before; +∞ at the end of input. */
  readonly time: number;
  /** Why it was rejected (it then changed nothing), or null. */
  readonly rejected: string | null;
}

/** A built-in keyed-broadcast processor and how to read its keyed-side elements. */
export interface ProcessorSpec {
  /** A fresh function (one per subtask, as Flink deserializes one per parallel instance). */
  createFunction(): KeyedBroadcastProcessFunction<unknown, unknown, object>;
  /** The element for an input record; throws `RecordFormatError` naming `where` when it does not fit. */
  readElement(record: EventRecord, where: string): unknown;
}

/** What the job runs per subtask: CEP rules (one `CepOperator` per rule group) or a processor. */
export type JobLogic =
  | { readonly type: "cep"; readonly rules: readonly JobRule[] }
  | { readonly type: "processor"; readonly processor: ProcessorSpec };

export interface StreamJobOptions {
  readonly logic: JobLogic;
  readonly timeCharacteristic: "eventTime" | "processingTime";
  /** Parallel subtasks of the keyed operator; default 1. */
  readonly parallelism?: number;
  /** Number of key groups (Flink's max parallelism); default 128. */
  readonly maxParallelism?: number;
  /** The Java type keys are hashed as to pick a subtask; default `String`. */
  readonly keyType?: JavaKeyType;
  /** Source partitions (input channels) watermarks come from; default 1. */
  readonly sourcePartitions?: number;
  /**
   * Keep each rule version's set of keys with partial matches, so the job can count them and
   * their stages at any time (a run session does; the CLI only needs it for rule updates).
   */
  readonly trackPartialMatches?: boolean;
  readonly comparator?: EventComparator;
  /** The broadcast stream, ordered by `at` (ties: in the given order). */
  readonly broadcast?: readonly BroadcastRecord[];
  /** Receives every output, in emission order. */
  readonly output: (record: JobOutput) => void;
  /** A broadcast record that could not be applied (e.g. an update with an old version). */
  readonly onRejected?: (message: string, record: BroadcastRecord) => void;
  /** Every broadcast record as the job takes it (applied or rejected), for a timeline. */
  readonly onBroadcastApplied?: (applied: AppliedBroadcast) => void;
  /**
   * State TTL in ms of the job's time (seed 002's `StateTtlConfig`: `OnCreateAndWrite`,
   * `NeverReturnExpired`): keyed state (CEP partial matches per rule, a processor's keyed state)
   * not written for this long is cleared. Event time: the watermark (a processor, which sees
   * elements before the watermark passes them, uses the largest timestamp seen if later);
   * processing time: the clock. The +∞ final watermark expires nothing.
   */
  readonly stateTtlMs?: number;
}

/** A key's state was cleared by the state TTL (shown as "state cleaned"). */
export interface StateExpiredOutput {
  readonly type: "state-expired";
  readonly key: OperatorKey;
  readonly subtask: number;
  /** The rule version whose partial matches were cleared; absent for a processor's keyed state. */
  readonly rule?: Rule;
  /** The job time at which the state was found expired. */
  readonly timestamp: number;
  /** When the state was last written. */
  readonly lastWrite: number;
  /** Partial matches the cleared CEP state held (0 for a processor). */
  readonly partialMatches: number;
}

/** What the job emits. `subtask` is the index of the parallel instance that emitted it. */
export type JobOutput =
  | StateExpiredOutput
  | {
      readonly type: "match" | "timeout";
      /** The rule version that produced it. */
      readonly rule: Rule;
      readonly key: OperatorKey;
      readonly match: Match;
      /** The output record's timestamp (match), or when the partial match timed out. */
      readonly timestamp: number;
      readonly subtask: number;
    }
  | {
      readonly type: "late";
      readonly key: OperatorKey;
      readonly event: EventRecord;
      readonly timestamp: number;
      readonly subtask: number;
    }
  | {
      readonly type: "result";
      /** The element's key; null for what `processBroadcastElement` collected. */
      readonly key: string | null;
      /** What the processor collected. */
      readonly result: object;
      readonly subtask: number;
    }
  | {
      /** A rule version was replaced or removed; its state in every subtask is gone. */
      readonly type: "rule-dropped";
      readonly rule: string;
      readonly version: number;
      /** Live partial matches of that version across all keys and subtasks when it was dropped. */
      readonly partialMatches: number;
    };

/** One subtask's copy of the broadcast state (identical in every subtask). */
export interface SubtaskBroadcastView {
  readonly subtask: number;
  readonly rules: readonly { readonly id: string; readonly version: number }[];
  readonly config: BroadcastConfig | null;
  readonly keyedConfigs: readonly KeyedConfigView[];
  /** A processor job's broadcast state (MapState name → `[key, value]` entries); null in a CEP job. */
  readonly processorState: BroadcastStateData | null;
}

/** A source partition as the subtasks' valves see it. */
export interface PartitionWatermark {
  /** The partition's largest watermark so far; null before its first. */
  readonly watermark: number | null;
  readonly status: WatermarkStatus;
}
