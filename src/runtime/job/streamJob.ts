/**
 * A small Flink job, simulated deterministically: `source → keyBy(key) → N parallel subtasks`
 * of one keyed operator, connected to a broadcast stream. The operator is Ververica's dynamic
 * CEP operator (rules added, updated and removed at run time, a broadcast config conditions
 * read) or a built-in `KeyedBroadcastProcessFunction` (seed 000 / 001) run by Flink's
 * `CoBroadcastWithKeyedOperator`.
 *
 * - Routing: a key goes to `KeyGroupRangeAssignment.assignKeyToParallelOperator(key,
 *   maxParallelism, parallelism)`, the key hashed as its Java type; a null key (no `keyBy`)
 *   runs on subtask 0, as Flink runs a non-keyed CEP stream with parallelism 1.
 * - Time: watermarks and idle/active statuses arrive per source partition; every subtask's
 *   watermark is the minimum over the active partitions ({@link WatermarkValve}, Flink's
 *   `StatusWatermarkValve`; every subtask reads every partition, so all compute the same).
 *   Processing time is one clock for all subtasks.
 * - Broadcast (`jobBroadcast.ts`): each record reaches every subtask, so their broadcast state
 *   stays identical (rule versions, the global config and configs keyed by an event field). A
 *   record applies before the first element whose time (event time, else processing time — the
 *   clock or the 0-based position) is ≥ its `at`; records left at the end apply when
 *   {@link StreamJob.drainBroadcast} is called, before a final watermark.
 * - Processors (`processorSubtasks.ts`) run with their own state TTL clock.
 * - Snapshots (`jobSnapshot.ts`): the whole state as plain data, restored exactly.
 *
 * Output order, for determinism: per input (element, watermark, clock tick), subtasks in index
 * order; within a subtask as its operators emit.
 */
import type { EventRecord } from "../../engine/index.ts";
import type { OperatorKey } from "../../engine/operator/index.ts";
import type { Rule } from "../../model/pattern.ts";
import { KeyTypeError, type JavaKeyType } from "../javaHashCode.ts";
import { assignKeyToParallelOperator, assignToKeyGroup, DEFAULT_MAX_PARALLELISM } from "../keyGroups.ts";
import { RecordFormatError } from "../processors/recordFields.ts";
import { CepSubtask, type KeyStateView } from "./cepSubtask.ts";
import { JobBroadcast } from "./jobBroadcast.ts";
import {
  checkCompatible,
  emptyOutputCounts,
  type OutputCounts,
  type StreamJobRestoreOptions,
  type StreamJobSnapshot,
} from "./jobSnapshot.ts";
import { captureJob, loadJob, type JobParts, type JobProgress } from "./jobState.ts";
import type { JobOutput, PartitionWatermark, StreamJobOptions, SubtaskBroadcastView } from "./jobTypes.ts";
import { ProcessorSubtasks } from "./processorSubtasks.ts";
import type { RuleVersionNfa } from "./ruleVersionNfa.ts";
import { WatermarkValve, type WatermarkStatus } from "./watermarkValve.ts";

/** The simulated job; feed it elements, watermarks and clock ticks in input order. */
export class StreamJob {
  readonly parallelism: number;
  readonly maxParallelism: number;
  readonly keyType: JavaKeyType;
  private readonly isProcessingTime: boolean;
  private readonly valve: WatermarkValve;
  private readonly output: (record: JobOutput) => void;
  private readonly cep: readonly CepSubtask[];
  private readonly processors: ProcessorSubtasks | null;
  private readonly broadcast: JobBroadcast;
  private readonly counts: OutputCounts = emptyOutputCounts();
  private readonly progress: JobProgress = { elementsIn: 0, processingTime: 0 };

  constructor(options: StreamJobOptions) {
    this.parallelism = options.parallelism ?? 1;
    this.maxParallelism = options.maxParallelism ?? DEFAULT_MAX_PARALLELISM;
    this.keyType = options.keyType ?? "String";
    // Validates both (Flink's checks and messages) before anything runs.
    assignKeyToParallelOperator("", "String", this.maxParallelism, this.parallelism);
    this.isProcessingTime = options.timeCharacteristic === "processingTime";
    this.valve = new WatermarkValve(options.sourcePartitions ?? 1);
    const counts = this.counts;
    const emit = options.output;
    this.output = (record) => {
      counts[record.type]++;
      emit(record);
    };
    const ttl = options.stateTtlMs ?? null;
    const logic = options.logic;
    const indexes = Array.from({ length: this.parallelism }, (_, i) => i);
    this.cep =
      logic.type === "cep"
        ? indexes.map((i) => new CepSubtask(i, this.isProcessingTime, options.comparator, this.output, ttl))
        : [];
    this.processors =
      logic.type === "cep"
        ? null
        : new ProcessorSubtasks(
            logic.processor,
            this.parallelism,
            this.isProcessingTime,
            options.stateTtlMs,
            this.output,
          );
    this.broadcast = new JobBroadcast(options, {
      cep: this.cep,
      processors: this.processors,
      output: this.output,
    });
    if (logic.type === "cep") this.broadcast.start(logic.rules);
  }

  /** The processing-time clock. */
  get currentProcessingTime(): number {
    return this.progress.processingTime;
  }

  /** The watermark every subtask has (the minimum over source partitions). */
  get currentWatermark(): number {
    return this.valve.current;
  }

  /** Broadcast records taken so far (applied or rejected): the index of the next one. */
  get broadcastTaken(): number {
    return this.broadcast.next;
  }

  /** Each source partition's watermark and status, as the subtasks' valves hold them. */
  partitionWatermarks(): PartitionWatermark[] {
    const { channels } = this.valve.snapshot();
    return channels.map((w, p) => ({
      watermark: w === Number.NEGATIVE_INFINITY ? null : w,
      status: this.valve.statusOf(p),
    }));
  }

  /**
   * Each subtask's watermark (−∞ before the first): a CEP subtask's own; a processor's
   * subtasks all take the valve's (they hold no timers, so nothing waits on it).
   */
  subtaskWatermarks(): number[] {
    if (this.processors !== null) return Array.from({ length: this.parallelism }, () => this.valve.current);
    return this.cep.map((subtask) => subtask.currentWatermark);
  }

  /** The active rule versions (in activation order), for reading their live partial matches. */
  activeVersions(): RuleVersionNfa[] {
    return [...this.broadcast.active.values()].flat();
  }

  /** The key group `key` falls in (Flink's `assignToKeyGroup`); 0 for the null key. */
  keyGroupOf(key: OperatorKey): number {
    return key === null ? 0 : assignToKeyGroup(key, this.keyType, this.maxParallelism);
  }

  /** `key`'s state in its subtask, per rule version there (read-only views of live objects). */
  keyState(key: OperatorKey): KeyStateView[] {
    return this.cep[this.subtaskOf(key)]?.keyState(key) ?? [];
  }

  /**
   * Every subtask's copy of the broadcast state: a CEP job's rule versions and configs, or a
   * processor's broadcast MapStates (as plain entries, copied).
   */
  broadcastState(): SubtaskBroadcastView[] {
    const { processors } = this;
    if (processors !== null) {
      return Array.from({ length: this.parallelism }, (_, subtask) => ({
        subtask,
        rules: [],
        config: null,
        keyedConfigs: [],
        processorState: structuredClone(processors.stateOf("", subtask).broadcast),
      }));
    }
    const { configs } = this.broadcast;
    const config = configs.globalConfig ?? null;
    const keyedConfigs = configs.keyedViews();
    return this.cep.map((subtask) => ({
      subtask: subtask.index,
      rules: subtask.ruleVersions().map((r) => ({ id: r.id, version: r.version })),
      config,
      keyedConfigs,
      processorState: null,
    }));
  }

  /**
   * In a processor job, `key`'s keyed state (undefined: none) and its subtask's broadcast state,
   * live and read-only; null in a CEP job.
   */
  processorState(key: string): ReturnType<ProcessorSubtasks["stateOf"]> | null {
    return this.processors?.stateOf(key, this.subtaskOf(key)) ?? null;
  }

  /** The rule versions running now, in the order they became active. */
  activeRules(): Rule[] {
    return this.activeVersions().map((v) => v.rule);
  }

  /** Live partial matches of the active versions of rule `id`, across keys and subtasks. */
  partialMatchCount(id: string): number {
    return (this.broadcast.active.get(id) ?? []).reduce((sum, nfa) => sum + nfa.partialMatchCount(), 0);
  }

  /**
   * The subtask that owns `key`. @throws KeyTypeError when the key is no value of `keyType`.
   */
  subtaskOf(key: OperatorKey): number {
    if (key === null || this.parallelism === 1) return 0;
    return assignKeyToParallelOperator(key, this.keyType, this.maxParallelism, this.parallelism);
  }

  /**
   * Checks an element before it is fed: null when it can be processed, else why not (a key
   * that is no value of the key type, a record the processor cannot read). A source skips it.
   */
  admit(event: EventRecord, key: OperatorKey): string | null {
    try {
      this.subtaskOf(key);
      if (this.processors !== null) {
        if (key === null) return "a keyed-broadcast processor needs a key";
        this.processors.admit(event);
      }
      return null;
    } catch (error) {
      if (error instanceof KeyTypeError || error instanceof RecordFormatError) return error.message;
      throw error;
    }
  }

  /** `processElement` on the key's subtask; `timestamp` is ignored in processing time. */
  processElement(event: EventRecord, key: OperatorKey, timestamp = 0): void {
    this.progress.elementsIn++;
    this.broadcast.applyUpTo(this.isProcessingTime ? this.progress.processingTime : timestamp);
    const subtask = this.subtaskOf(key);
    if (this.processors === null) {
      this.broadcast.arrive(event);
      (this.cep[subtask] as CepSubtask).processElement(event, key, timestamp);
      return;
    }
    if (key === null) throw new RangeError("a keyed-broadcast processor needs a key");
    this.processors.processElement(event, key, subtask, timestamp);
  }

  /** A watermark from source `partition`; subtasks advance when the minimum does. */
  processWatermark(watermark: number, partition = 0): void {
    const combined = this.valve.input(watermark, partition);
    if (combined !== null) this.advanceWatermark(combined);
  }

  /**
   * Source `partition` turned idle or active (Flink's `WatermarkStatus`): an idle partition no
   * longer holds the subtasks' watermark back; the last one going idle flushes the largest.
   */
  processWatermarkStatus(status: WatermarkStatus, partition = 0): void {
    const { watermark } = this.valve.inputWatermarkStatus(status, partition);
    if (watermark !== null) this.advanceWatermark(watermark);
  }

  private advanceWatermark(combined: number): void {
    for (const subtask of this.cep) subtask.processWatermark(combined);
    this.processors?.processWatermark(combined);
  }

  /** Sets the processing-time clock of every subtask (firing their timers). */
  setProcessingTime(time: number): void {
    if (time < this.progress.processingTime) {
      throw new RangeError(
        `processing time cannot go back (from ${this.progress.processingTime} to ${time})`,
      );
    }
    this.progress.processingTime = time;
    for (const subtask of this.cep) subtask.setProcessingTime(time);
    this.processors?.setProcessingTime(time);
  }

  /** Applies the broadcast records not applied yet (the end of input, before a final watermark). */
  drainBroadcast(): void {
    this.broadcast.applyUpTo(Number.POSITIVE_INFINITY);
  }

  /** Output counts so far, by type. */
  outputCounts(): Readonly<OutputCounts> {
    return { ...this.counts };
  }

  /**
   * The whole job state as plain data (a `structuredClone`d copy; see `jobSnapshot.ts`).
   * `position`: input records the caller consumed (default: elements processed). Not while the
   * job is emitting (from inside `output`).
   */
  snapshot(position = this.progress.elementsIn): StreamJobSnapshot {
    return structuredClone(captureJob(this.parts(), position));
  }

  /**
   * {@link snapshot} with what `attach` derives from the live state (before the copy) copied in
   * the same `structuredClone`, so objects both share (events, say) stay the same objects.
   */
  snapshotWith<T>(
    position: number,
    attach: (state: StreamJobSnapshot) => T,
  ): { readonly job: StreamJobSnapshot; readonly attached: T } {
    const job = captureJob(this.parts(), position);
    return structuredClone({ job, attached: attach(job) });
  }

  /**
   * A job built from `options` (those of the snapshotted job, with a fresh `output`) continuing
   * from `snapshot`, which it takes over: restore from a copy to restore it again.
   */
  static restore(snapshot: StreamJobSnapshot, options: StreamJobRestoreOptions): StreamJob {
    checkCompatible(snapshot, options);
    const job = new StreamJob(options);
    loadJob(job.parts(), snapshot, options);
    return job;
  }

  /** The parts a snapshot captures and a restore loads (`jobState.ts`). */
  private parts(): JobParts {
    return {
      isProcessingTime: this.isProcessingTime,
      parallelism: this.parallelism,
      valve: this.valve,
      cep: this.cep,
      processors: this.processors,
      broadcast: this.broadcast,
      counts: this.counts,
      progress: this.progress,
    };
  }
}
