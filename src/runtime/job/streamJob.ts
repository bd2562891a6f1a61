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
 * - Broadcast: each record reaches every subtask, so their broadcast state stays identical
 *   (rule versions, the global config and configs keyed by an event field: `broadcastConfigs.ts`). A
 *   record applies before the first element whose time (event time, else processing time — the
 *   clock or the 0-based position) is ≥ its `at`; records left at the end apply when
 *   {@link StreamJob.drainBroadcast} is called, before a final watermark.
 * - Rule versions: an update (same id, higher version) or a removal retires the old version in
 *   every subtask and reports its live partial matches as `rule-dropped`; the new version starts
 *   empty. An update with the same or a lower version is rejected (`onRejected`).
 *
 * Output order, for determinism: per input (element, watermark, clock tick), subtasks in index
 * order; within a subtask as its operators emit.
 */
import type { EventRecord } from "../../engine/index.ts";
import type { OperatorKey } from "../../engine/operator/index.ts";
import type { Rule } from "../../model/pattern.ts";
import { KeyTypeError, type JavaKeyType } from "../javaHashCode.ts";
import { assignKeyToParallelOperator, assignToKeyGroup, DEFAULT_MAX_PARALLELISM } from "../keyGroups.ts";
import { CoBroadcastWithKeyedOperator } from "../processors/coBroadcastWithKeyedOperator.ts";
import { RecordFormatError } from "../processors/recordFields.ts";
import type { KeyedStateData } from "../processors/state.ts";
import { BroadcastConfigs } from "./broadcastConfigs.ts";
import { CepSubtask, type KeyStateView } from "./cepSubtask.ts";
import {
  checkCompatible,
  emptyOutputCounts,
  ruleResolver,
  type OutputCounts,
  type StreamJobRestoreOptions,
  type StreamJobSnapshot,
} from "./jobSnapshot.ts";
import type {
  BroadcastConfig,
  BroadcastRecord,
  JobOutput,
  PartitionWatermark,
  ProcessorSpec,
  StreamJobOptions,
  SubtaskBroadcastView,
} from "./jobTypes.ts";
import { TTL_PROBE, TtlProcessorFunction, type TtlProcessorState } from "./ttlProcessorFunction.ts";
import type { KeyedBroadcastProcessFunction } from "../processors/keyedBroadcastProcessFunction.ts";
import { RuleVersionNfa } from "./ruleVersionNfa.ts";
import { WatermarkValve, type WatermarkStatus } from "./watermarkValve.ts";

type ProcessorSubtask = CoBroadcastWithKeyedOperator<unknown, unknown, object>;

/** The simulated job; feed it elements, watermarks and clock ticks in input order. */
export class StreamJob {
  readonly parallelism: number;
  readonly maxParallelism: number;
  readonly keyType: JavaKeyType;
  private readonly isProcessingTime: boolean;
  private readonly valve: WatermarkValve;
  private readonly broadcast: readonly BroadcastRecord[];
  private nextBroadcast = 0;
  private readonly output: (record: JobOutput) => void;
  private readonly onRejected: (message: string, record: BroadcastRecord) => void;
  private readonly cep: readonly CepSubtask[];
  private readonly processor: ProcessorSpec | null;
  private processors: ProcessorSubtask[];
  /** Per processor subtask, its function's TTL wrapper (empty when TTL is off). */
  private ttlFunctions: TtlProcessorFunction[] = [];
  private readonly options: StreamJobOptions;
  private readonly counts: OutputCounts = emptyOutputCounts();
  /** Elements processed (`processElement` calls). */
  private elementsIn = 0;
  /** Processors' TTL clock in event time: the largest timestamp or watermark seen. */
  private eventClock = Number.NEGATIVE_INFINITY;
  /** Active rule versions by id (several only when the initial rules repeat an id). */
  private readonly active = new Map<string, RuleVersionNfa[]>();
  private readonly trackPartialMatches: boolean;
  private readonly configs = new BroadcastConfigs();
  private readonly hasConfigs: boolean;
  private processingTime = 0;
  /** The last element `admit` read for the processor, so it is read once. */
  private admitted: { readonly event: EventRecord; readonly value: unknown } | null = null;

  constructor(options: StreamJobOptions) {
    this.parallelism = options.parallelism ?? 1;
    this.maxParallelism = options.maxParallelism ?? DEFAULT_MAX_PARALLELISM;
    this.keyType = options.keyType ?? "String";
    // Validates both (Flink's checks and messages) before anything runs.
    assignKeyToParallelOperator("", "String", this.maxParallelism, this.parallelism);
    this.isProcessingTime = options.timeCharacteristic === "processingTime";
    this.valve = new WatermarkValve(options.sourcePartitions ?? 1);
    this.broadcast = options.broadcast ?? [];
    this.options = options;
    const counts = this.counts;
    const emit = options.output;
    this.output = (record) => {
      counts[record.type]++;
      emit(record);
    };
    const ttl = options.stateTtlMs ?? null;
    this.onRejected = options.onRejected ?? (() => undefined);
    this.trackPartialMatches =
      options.trackPartialMatches === true ||
      this.broadcast.some((r) => r.action.type === "rule" || r.action.type === "remove");
    this.hasConfigs = this.broadcast.some((r) => r.action.type === "config");
    const indexes = Array.from({ length: this.parallelism }, (_, i) => i);
    const logic = options.logic;
    if (logic.type === "cep") {
      this.processor = null;
      this.processors = [];
      this.cep = indexes.map(
        (i) => new CepSubtask(i, this.isProcessingTime, options.comparator, this.output, ttl),
      );
      const initial = logic.rules.map((r) => this.ruleVersion(r.rule, r.nfa));
      for (const nfa of initial) this.active.set(nfa.rule.id, [...(this.active.get(nfa.rule.id) ?? []), nfa]);
      for (const subtask of this.cep) subtask.addGroup(initial);
    } else {
      this.processor = logic.processor;
      this.cep = [];
      this.processors = indexes.map((i) => new CoBroadcastWithKeyedOperator(this.processorFunction(i, null)));
    }
  }

  /** The processing-time clock. */
  get currentProcessingTime(): number {
    return this.processingTime;
  }

  /** The watermark every subtask has (the minimum over source partitions). */
  get currentWatermark(): number {
    return this.valve.current;
  }

  /** Each source partition's watermark and status, as the subtasks' valves hold them. */
  partitionWatermarks(): PartitionWatermark[] {
    const { channels } = this.valve.snapshot();
    return channels.map((w, p) => ({
      watermark: w === Number.NEGATIVE_INFINITY ? null : w,
      status: this.valve.statusOf(p),
    }));
  }

  /** Each CEP subtask's own watermark (−∞ before the first; a processor job has none). */
  subtaskWatermarks(): number[] {
    return this.cep.map((subtask) => subtask.currentWatermark);
  }

  /** The active rule versions (in activation order), for reading their live partial matches. */
  activeVersions(): RuleVersionNfa[] {
    return [...this.active.values()].flat();
  }

  /** The key group `key` falls in (Flink's `assignToKeyGroup`); 0 for the null key. */
  keyGroupOf(key: OperatorKey): number {
    return key === null ? 0 : assignToKeyGroup(key, this.keyType, this.maxParallelism);
  }

  /** `key`'s state in its subtask, per rule version there (read-only views of live objects). */
  keyState(key: OperatorKey): KeyStateView[] {
    return this.cep[this.subtaskOf(key)]?.keyState(key) ?? [];
  }

  /** Every subtask's copy of the broadcast state. */
  broadcastState(): SubtaskBroadcastView[] {
    const config = this.configs.globalConfig ?? null;
    const keyedConfigs = this.configs.keyedViews();
    return this.cep.map((subtask) => ({
      subtask: subtask.index,
      rules: subtask.ruleVersions().map((r) => ({ id: r.id, version: r.version })),
      config,
      keyedConfigs,
    }));
  }

  /** The rule versions running now, in the order they became active. */
  activeRules(): Rule[] {
    return [...this.active.values()].flatMap((versions) => versions.map((v) => v.rule));
  }

  /** Live partial matches of the active versions of rule `id`, across keys and subtasks. */
  partialMatchCount(id: string): number {
    return (this.active.get(id) ?? []).reduce((sum, nfa) => sum + nfa.partialMatchCount(), 0);
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
      if (this.processor !== null) {
        if (key === null) return "a keyed-broadcast processor needs a key";
        this.admitted = { event, value: this.processor.readElement(event, "record") };
      }
      return null;
    } catch (error) {
      if (error instanceof KeyTypeError || error instanceof RecordFormatError) return error.message;
      throw error;
    }
  }

  /** `processElement` on the key's subtask; `timestamp` is ignored in processing time. */
  processElement(event: EventRecord, key: OperatorKey, timestamp = 0): void {
    this.elementsIn++;
    this.applyBroadcastUpTo(this.isProcessingTime ? this.processingTime : timestamp);
    const subtask = this.subtaskOf(key);
    if (this.processor === null) {
      if (this.hasConfigs) this.configs.arrive(event);
      (this.cep[subtask] as CepSubtask).processElement(event, key, timestamp);
      return;
    }
    if (key === null) throw new RangeError("a keyed-broadcast processor needs a key");
    if (!this.isProcessingTime && timestamp > this.eventClock) this.advanceProcessorTtl(timestamp);
    const admitted = this.admitted;
    this.admitted = null;
    const value = admitted?.event === event ? admitted.value : this.processor.readElement(event, "record");
    const results = (this.processors[subtask] as ProcessorSubtask).processElement(
      value,
      key,
      this.isProcessingTime ? null : timestamp,
    );
    for (const result of results) this.output({ type: "result", key, result, subtask });
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
    if (combined > this.eventClock && Number.isFinite(combined)) this.advanceProcessorTtl(combined);
  }

  /** Sets the processing-time clock of every subtask (firing their timers). */
  setProcessingTime(time: number): void {
    if (time < this.processingTime) {
      throw new RangeError(`processing time cannot go back (from ${this.processingTime} to ${time})`);
    }
    this.processingTime = time;
    for (const subtask of this.cep) subtask.setProcessingTime(time);
    if (this.isProcessingTime) this.advanceProcessorTtl(time);
  }

  /** Applies the broadcast records not applied yet (the end of input, before a final watermark). */
  drainBroadcast(): void {
    this.applyBroadcastUpTo(Number.POSITIVE_INFINITY);
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
  snapshot(position = this.elementsIn): StreamJobSnapshot {
    return structuredClone(this.capture(position));
  }

  /**
   * {@link snapshot} with what `attach` derives from the live state (before the copy) copied in
   * the same `structuredClone`, so objects both share (events, say) stay the same objects.
   */
  snapshotWith<T>(
    position: number,
    attach: (state: StreamJobSnapshot) => T,
  ): { readonly job: StreamJobSnapshot; readonly attached: T } {
    const job = this.capture(position);
    return structuredClone({ job, attached: attach(job) });
  }

  /**
   * A job built from `options` (those of the snapshotted job, with a fresh `output`) continuing
   * from `snapshot`, which it takes over: restore from a copy to restore it again.
   */
  static restore(snapshot: StreamJobSnapshot, options: StreamJobRestoreOptions): StreamJob {
    checkCompatible(snapshot, options);
    const job = new StreamJob(options);
    job.load(snapshot, options);
    return job;
  }

  /** The job's state sharing live objects; `snapshot` copies it in one go, keeping shared objects shared. */
  private capture(position: number): StreamJobSnapshot {
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
    const active = [...this.active].map(([id, versions]) => [id, versions.map(indexOf)] as const);
    const cep = this.cep.map((subtask) => subtask.capture(indexOf));
    const arrivalConfigs: Array<[EventRecord, BroadcastConfig]> = [];
    for (const subtask of cep)
      for (const group of subtask.groups)
        for (const key of group.operator.keys)
          for (const event of key.events) {
            const config = this.configs.arrivedUnder(event);
            if (config !== undefined) arrivalConfigs.push([event, config]);
          }
    return {
      format: "stream-job/1",
      timeCharacteristic: this.isProcessingTime ? "processingTime" : "eventTime",
      parallelism: this.parallelism,
      source: { position, nextBroadcast: this.nextBroadcast },
      elementsIn: this.elementsIn,
      processingTime: this.processingTime,
      eventClock: this.eventClock,
      valve: this.valve.snapshot(),
      config: this.configs.globalConfig ?? null,
      keyedConfigs: this.configs.keyedData(),
      rules,
      active,
      cep,
      processors: this.processors.map((subtask, i) => ({
        keyed: subtask.keys().map((key) => [key, subtask.keyedState(key) as KeyedStateData] as const),
        broadcast: subtask.broadcastState(),
        ttl: this.ttlFunctions[i]?.snapshot() ?? null,
      })),
      arrivalConfigs,
      outputs: { ...this.counts },
    };
  }

  /** Replaces this (fresh) job's state with `saved`'s. */
  private load(saved: StreamJobSnapshot, options: StreamJobRestoreOptions): void {
    const resolve = ruleResolver(options);
    const versions = saved.rules.map(({ rule, retired }) => {
      const found = resolve(rule);
      const version = this.ruleVersion(found.rule, found.nfa);
      if (retired) version.markRetired();
      return version;
    });
    const ruleAt = (i: number): RuleVersionNfa => {
      const version = versions[i];
      if (version === undefined) throw new RangeError(`snapshot names no rule version ${i}`);
      return version;
    };
    this.active.clear();
    for (const [id, indexes] of saved.active) this.active.set(id, indexes.map(ruleAt));
    this.cep.forEach((subtask, i) => {
      const state = saved.cep[i];
      if (state === undefined) throw new RangeError(`snapshot has no state for subtask ${i}`);
      subtask.restore(state, ruleAt);
    });
    this.ttlFunctions = [];
    this.processors = saved.processors.map(
      (state, i) =>
        new CoBroadcastWithKeyedOperator(this.processorFunction(i, state.ttl), {
          keyed: new Map(state.keyed),
          broadcast: state.broadcast,
        }),
    );
    for (const [event, config] of saved.arrivalConfigs) this.configs.restoreArrival(event, config);
    this.configs.restore(saved.config, saved.keyedConfigs ?? []);
    this.valve.restore(saved.valve);
    this.nextBroadcast = saved.source.nextBroadcast;
    this.processingTime = saved.processingTime;
    this.eventClock = saved.eventClock;
    this.elementsIn = saved.elementsIn;
    this.ttlFunctions.forEach((fn) => {
      fn.now = this.isProcessingTime ? saved.processingTime : saved.eventClock;
    });
    Object.assign(this.counts, saved.outputs);
  }

  /** The processor function of subtask `index`, wrapped for state TTL when that is on. */
  private processorFunction(
    index: number,
    saved: TtlProcessorState | null,
  ): KeyedBroadcastProcessFunction<unknown, unknown, object> {
    const fn = (this.processor as ProcessorSpec).createFunction();
    const ttl = this.options.stateTtlMs;
    if (ttl === undefined) return fn;
    const wrapped = new TtlProcessorFunction(
      fn,
      ttl,
      (key, now, lastWrite) => {
        this.output({
          type: "state-expired",
          key,
          subtask: index,
          timestamp: now,
          lastWrite,
          partialMatches: 0,
        });
      },
      saved ?? undefined,
    );
    this.ttlFunctions[index] = wrapped;
    return wrapped;
  }

  /** Moves the processors' TTL clock to `now` and cleans up the keys that expire by then. */
  private advanceProcessorTtl(now: number): void {
    if (!this.isProcessingTime) this.eventClock = now;
    this.ttlFunctions.forEach((fn, index) => {
      fn.now = now;
      const subtask = this.processors[index] as ProcessorSubtask;
      for (const key of fn.dueKeys(now))
        subtask.processElement(TTL_PROBE, key, this.isProcessingTime ? null : now);
    });
  }

  private applyBroadcastUpTo(time: number): void {
    for (let next = this.broadcast[this.nextBroadcast]; next !== undefined && next.at <= time;) {
      this.nextBroadcast++;
      this.apply(next);
      next = this.broadcast[this.nextBroadcast];
    }
  }

  private apply(record: BroadcastRecord): void {
    const { action } = record;
    if ((action.type === "element") !== (this.processor !== null)) {
      const what = action.type === "element" ? "processor records" : `${action.type} records`;
      const runs = this.processor === null ? "CEP rules" : "a processor";
      this.onRejected(`${what} do not apply to a job running ${runs}; ignored`, record);
      return;
    }
    switch (action.type) {
      case "config":
        this.configs.set(action.config, action.key);
        return;
      case "element":
        this.processors.forEach((subtask, index) => {
          for (const result of subtask.processBroadcastElement(action.value))
            this.output({ type: "result", key: null, result, subtask: index });
        });
        return;
      case "remove":
        if (!this.active.has(action.id)) {
          this.onRejected(`remove '${action.id}' ignored: no active rule has this id`, record);
          return;
        }
        this.retire(action.id);
        return;
      case "rule": {
        const { rule, nfa } = action.rule;
        const versions = this.active.get(rule.id) ?? [];
        const newest = Math.max(...versions.map((v) => v.rule.version));
        if (versions.length > 0 && rule.version <= newest) {
          this.onRejected(
            `rule '${rule.id}' version ${rule.version} rejected: version ${newest} is active (an update needs a higher version)`,
            record,
          );
          return;
        }
        this.retire(rule.id);
        const version = this.ruleVersion(rule, nfa);
        this.active.set(rule.id, [version]);
        for (const subtask of this.cep) subtask.addGroup([version]);
        return;
      }
    }
  }

  /** Retires every active version of `id`, reporting each one's dropped partial matches. */
  private retire(id: string): void {
    const versions = this.active.get(id);
    if (versions === undefined) return;
    this.active.delete(id);
    for (const version of versions) {
      const partialMatches = version.retire();
      this.output({ type: "rule-dropped", rule: id, version: version.rule.version, partialMatches });
    }
    for (const subtask of this.cep) subtask.dropRetiredGroups();
  }

  private ruleVersion(rule: Rule, nfa: RuleVersionNfa["inner"]): RuleVersionNfa {
    const configOf = this.hasConfigs
      ? (event: EventRecord) => this.configs.arrivedUnder(event)
      : () => undefined;
    return new RuleVersionNfa(rule, nfa, configOf, this.trackPartialMatches);
  }
}
