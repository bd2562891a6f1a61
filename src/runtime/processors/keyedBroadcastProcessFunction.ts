/**
 * The shape of a keyed-broadcast processor — Flink's `KeyedBroadcastProcessFunction<KS, IN1, IN2,
 * OUT>` (flink-streaming-java, org.apache.flink.streaming.api.functions.co) with its
 * `ReadOnlyContext` and `Context`.
 *
 * One side of the connected stream is keyed (`IN1`, e.g. user events keyed by user id); the other
 * is broadcast to every parallel subtask (`IN2`, e.g. configuration or pattern updates).
 * `processElement` sees the current key's keyed state and may only *read* broadcast state, because
 * each subtask sees different keyed elements and a write there would make the subtasks' broadcast
 * states diverge. `processBroadcastElement` may write broadcast state; it has no current key, but
 * may visit every key's state through `applyToKeyedState`.
 *
 * Differences from Flink, on purpose: keyed state handles come from the context instead of
 * `getRuntimeContext()` in `open()`, so a function is a plain object with no lifecycle; output goes
 * through `ctx.collect` instead of a separate `Collector`; keys are text (ids stay exact); and there
 * are no timers, because neither built-in processor registers one.
 */
import type {
  BroadcastState,
  MapKey,
  MapState,
  MapStateDescriptor,
  ReadOnlyBroadcastState,
  ValueState,
  ValueStateDescriptor,
} from "./state.ts";

/** What both contexts offer: the element's timestamp and the output. */
export interface BaseContext<OUT> {
  /** The timestamp of the element being processed (Flink's `ctx.timestamp()`), or null if it has none. */
  readonly timestamp: number | null;
  /** Emits a record downstream (Flink's `Collector.collect`). */
  collect(record: OUT): void;
}

/** The context of `processElement`: the current key, its keyed state, read-only broadcast state. */
export interface ReadOnlyContext<OUT> extends BaseContext<OUT> {
  /** The key of the element being processed (Flink's `ctx.getCurrentKey()`). */
  readonly currentKey: string;
  /** The current key's `ValueState` named by `descriptor`. */
  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T>;
  /** The current key's `MapState` named by `descriptor`. */
  getMapState<K extends MapKey, V>(descriptor: MapStateDescriptor<K, V>): MapState<K, V>;
  /** A broadcast state, read-only. */
  getBroadcastState<K extends MapKey, V>(descriptor: MapStateDescriptor<K, V>): ReadOnlyBroadcastState<K, V>;
}

/** The context of `processBroadcastElement`: writable broadcast state and every key's state. */
export interface Context<OUT> extends BaseContext<OUT> {
  /** A broadcast state, writable. */
  getBroadcastState<K extends MapKey, V>(descriptor: MapStateDescriptor<K, V>): BroadcastState<K, V>;
  /**
   * Flink's `applyToKeyedState`: calls `visit` for every key of this subtask that has the state
   * named by `descriptor`, in the order the keys were first seen; `visit` may change or clear it.
   */
  applyToKeyedState<T>(
    descriptor: ValueStateDescriptor<T>,
    visit: (key: string, state: ValueState<T>) => void,
  ): void;
  applyToKeyedState<K extends MapKey, V>(
    descriptor: MapStateDescriptor<K, V>,
    visit: (key: string, state: MapState<K, V>) => void,
  ): void;
}

/**
 * A keyed-broadcast processor. Implementations keep no state of their own between calls: all of it
 * lives in the keyed and broadcast state, so a subtask can be snapshotted and restored as data.
 */
export interface KeyedBroadcastProcessFunction<IN1, IN2, OUT> {
  /**
   * The broadcast states the broadcast stream is created with (`stream.broadcast(descriptors…)`
   * in Flink). Only these exist in every subtask; asking a context for another is an error.
   */
  readonly broadcastStateDescriptors: ReadonlyArray<MapStateDescriptor<MapKey, unknown>>;
  /** Called for each element of the keyed stream. */
  processElement(value: IN1, ctx: ReadOnlyContext<OUT>): void;
  /** Called for each element of the broadcast stream, in every subtask. */
  processBroadcastElement(value: IN2, ctx: Context<OUT>): void;
}
