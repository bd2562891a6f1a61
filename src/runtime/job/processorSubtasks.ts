/**
 * The keyed side of a {@link StreamJob} that runs a built-in `KeyedBroadcastProcessFunction`
 * (seed 000 / 001) instead of CEP rules: one Flink `CoBroadcastWithKeyedOperator` per subtask,
 * each function wrapped for state TTL when the job has one (`ttlProcessorFunction.ts`).
 *
 * TTL time: in processing time the clock; in event time the largest of the timestamps and
 * watermarks seen (a processor sees an element before the watermark passes it, so its state is
 * written at the element's time).
 */
import type { EventRecord } from "../../engine/index.ts";
import { CoBroadcastWithKeyedOperator } from "../processors/coBroadcastWithKeyedOperator.ts";
import type { KeyedBroadcastProcessFunction } from "../processors/keyedBroadcastProcessFunction.ts";
import type { BroadcastStateData, KeyedStateData } from "../processors/state.ts";
import type { ProcessorSubtaskSnapshot } from "./jobSnapshot.ts";
import type { JobOutput, ProcessorSpec } from "./jobTypes.ts";
import { TTL_PROBE, TtlProcessorFunction, type TtlProcessorState } from "./ttlProcessorFunction.ts";

type ProcessorSubtask = CoBroadcastWithKeyedOperator<unknown, unknown, object>;

/** The processor subtasks of a job, their TTL clock and the element `admit` read last. */
export class ProcessorSubtasks {
  private subtasks: ProcessorSubtask[];
  /** Per subtask, its function's TTL wrapper (empty when TTL is off). */
  private ttlFunctions: TtlProcessorFunction[] = [];
  /** The TTL clock in event time: the largest timestamp or watermark seen. */
  private eventClock = Number.NEGATIVE_INFINITY;
  /** The last element `admit` read, so it is read once. */
  private admitted: { readonly event: EventRecord; readonly value: unknown } | null = null;

  constructor(
    private readonly processor: ProcessorSpec,
    parallelism: number,
    private readonly isProcessingTime: boolean,
    private readonly stateTtlMs: number | undefined,
    private readonly output: (record: JobOutput) => void,
  ) {
    this.subtasks = Array.from(
      { length: parallelism },
      (_, i) => new CoBroadcastWithKeyedOperator(this.processorFunction(i, null)),
    );
  }

  /** The TTL clock in event time (−∞ before the first timestamp). */
  get currentEventClock(): number {
    return this.eventClock;
  }

  /** Reads `event` as the processor's element (once: {@link processElement} reuses it). @throws RecordFormatError */
  admit(event: EventRecord): void {
    this.admitted = { event, value: this.processor.readElement(event, "record") };
  }

  /** `processElement` on `subtask`, emitting its results. */
  processElement(event: EventRecord, key: string, subtask: number, timestamp: number): void {
    if (!this.isProcessingTime && timestamp > this.eventClock) this.advanceTtl(timestamp);
    const admitted = this.admitted;
    this.admitted = null;
    const value = admitted?.event === event ? admitted.value : this.processor.readElement(event, "record");
    const results = (this.subtasks[subtask] as ProcessorSubtask).processElement(
      value,
      key,
      this.isProcessingTime ? null : timestamp,
    );
    for (const result of results) this.output({ type: "result", key, result, subtask });
  }

  /** A broadcast element, handed to every subtask's `processBroadcastElement`. */
  processBroadcastElement(value: unknown): void {
    this.subtasks.forEach((subtask, index) => {
      for (const result of subtask.processBroadcastElement(value))
        this.output({ type: "result", key: null, result, subtask: index });
    });
  }

  /** The job's watermark moved to `watermark` (event time). */
  processWatermark(watermark: number): void {
    if (watermark > this.eventClock && Number.isFinite(watermark)) this.advanceTtl(watermark);
  }

  /** The processing-time clock moved to `time`. */
  setProcessingTime(time: number): void {
    if (this.isProcessingTime) this.advanceTtl(time);
  }

  /** `key`'s keyed state in `subtask` (undefined: none) and that subtask's broadcast state; live, read-only. */
  stateOf(
    key: string,
    subtask: number,
  ): {
    readonly keyed: Readonly<KeyedStateData> | undefined;
    readonly broadcast: Readonly<BroadcastStateData>;
  } {
    const operator = this.subtasks[subtask] as ProcessorSubtask;
    return { keyed: operator.keyedState(key), broadcast: operator.broadcastState() };
  }

  /** Every subtask's state as live objects (the job snapshot copies them). */
  capture(): ProcessorSubtaskSnapshot[] {
    return this.subtasks.map((subtask, i) => ({
      keyed: subtask.keys().map((key) => [key, subtask.keyedState(key) as KeyedStateData] as const),
      broadcast: subtask.broadcastState(),
      ttl: this.ttlFunctions[i]?.snapshot() ?? null,
    }));
  }

  /** Continues from a snapshot's subtasks, TTL clock and processing time. */
  restore(saved: readonly ProcessorSubtaskSnapshot[], eventClock: number, processingTime: number): void {
    this.ttlFunctions = [];
    this.subtasks = saved.map(
      (state, i) =>
        new CoBroadcastWithKeyedOperator(this.processorFunction(i, state.ttl), {
          keyed: new Map(state.keyed),
          broadcast: state.broadcast,
        }),
    );
    this.eventClock = eventClock;
    for (const fn of this.ttlFunctions) fn.now = this.isProcessingTime ? processingTime : eventClock;
  }

  /** The processor function of subtask `index`, wrapped for state TTL when that is on. */
  private processorFunction(
    index: number,
    saved: TtlProcessorState | null,
  ): KeyedBroadcastProcessFunction<unknown, unknown, object> {
    const fn = this.processor.createFunction();
    const ttl = this.stateTtlMs;
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

  /** Moves the TTL clock to `now` and cleans up the keys that expire by then. */
  private advanceTtl(now: number): void {
    if (!this.isProcessingTime) this.eventClock = now;
    this.ttlFunctions.forEach((fn, index) => {
      fn.now = now;
      const subtask = this.subtasks[index] as ProcessorSubtask;
      for (const key of fn.dueKeys(now))
        subtask.processElement(TTL_PROBE, key, this.isProcessingTime ? null : now);
    });
  }
}
