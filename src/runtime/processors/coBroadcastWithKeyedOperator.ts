/**
 * One parallel subtask running a {@link KeyedBroadcastProcessFunction} — the part of Flink's
 * `CoBroadcastWithKeyedOperator` (flink-streaming-java, org.apache.flink.streaming.api.operators.co)
 * that sets the current key, builds the two contexts over this subtask's state and gathers the
 * output. Routing elements to subtasks (`keyGroups.ts`) and sending each broadcast element to every
 * subtask is the caller's job.
 *
 * State is plain data ({@link KeyedStateData} per key, {@link BroadcastStateData} per subtask), kept
 * in the order keys were first seen. A key whose state is all cleared is dropped, so "state cleared
 * after a purchase" is visible as the key being gone.
 */
import type {
  Context,
  KeyedBroadcastProcessFunction,
  ReadOnlyContext,
} from "./keyedBroadcastProcessFunction.ts";
import {
  broadcastStateOf,
  mapStateOf,
  valueStateOf,
  type BroadcastStateData,
  type KeyedStateData,
  type MapKey,
  type MapState,
  type ReadOnlyBroadcastState,
  type StateDescriptor,
  type ValueState,
} from "./state.ts";

/** A subtask's state to start from (e.g. a restored snapshot); taken over, not copied. */
export interface OperatorStateData {
  readonly keyed?: ReadonlyMap<string, KeyedStateData>;
  readonly broadcast?: BroadcastStateData;
}

/** One subtask of a keyed-broadcast operator. */
export class CoBroadcastWithKeyedOperator<IN1, IN2, OUT> {
  private readonly keyed: Map<string, KeyedStateData>;
  private readonly broadcast: BroadcastStateData;

  constructor(
    readonly fn: KeyedBroadcastProcessFunction<IN1, IN2, OUT>,
    initial: OperatorStateData = {},
  ) {
    this.keyed = new Map(initial.keyed);
    this.broadcast = initial.broadcast ?? {};
    // Flink registers the broadcast states when the operator opens, so they exist (empty) from the start.
    for (const descriptor of fn.broadcastStateDescriptors) this.broadcast[descriptor.name] ??= [];
  }

  /** Runs `processElement` for `value` under `key`; returns what it collected, in order. */
  processElement(value: IN1, key: string, timestamp: number | null = null): OUT[] {
    const output: OUT[] = [];
    const data = this.keyed.get(key) ?? {};
    const broadcast = this.broadcast;
    const ctx: ReadOnlyContext<OUT> = {
      timestamp,
      currentKey: key,
      collect: (record) => output.push(record),
      getState: (descriptor) => valueStateOf(data, descriptor),
      getMapState: (descriptor) => mapStateOf(data, descriptor),
      getBroadcastState: (descriptor) => readOnly(broadcastStateOf(broadcast, descriptor)),
    };
    try {
      this.fn.processElement(value, ctx);
    } finally {
      // Store or drop the key even when the function throws, so the state matches what it did.
      if (Object.keys(data).length > 0) this.keyed.set(key, data);
      else this.keyed.delete(key);
    }
    return output;
  }

  /** Runs `processBroadcastElement` for `value`; returns what it collected, in order. */
  processBroadcastElement(value: IN2, timestamp: number | null = null): OUT[] {
    const output: OUT[] = [];
    const ctx: Context<OUT> = {
      timestamp,
      collect: (record) => output.push(record),
      getBroadcastState: (descriptor) => broadcastStateOf(this.broadcast, descriptor),
      applyToKeyedState: (descriptor: StateDescriptor, visit: (key: string, state: never) => void) => {
        this.applyToKeyedState(descriptor, visit);
      },
    };
    this.fn.processBroadcastElement(value, ctx);
    return output;
  }

  /** The keys that hold state, in the order they were first seen. */
  keys(): string[] {
    return [...this.keyed.keys()];
  }

  /** The state of `key`, or undefined when it holds none. Live data: do not change it. */
  keyedState(key: string): Readonly<KeyedStateData> | undefined {
    return this.keyed.get(key);
  }

  /** This subtask's broadcast state. Live data: do not change it. */
  broadcastState(): Readonly<BroadcastStateData> {
    return this.broadcast;
  }

  private applyToKeyedState(descriptor: StateDescriptor, visit: (key: string, state: never) => void): void {
    // Snapshot the keys first: `visit` may clear a key's state, which removes it from the map.
    for (const [key, data] of [...this.keyed]) {
      if (!Object.hasOwn(data, descriptor.name)) continue;
      const state: ValueState<unknown> | MapState<MapKey, unknown> =
        descriptor.type === "value" ? valueStateOf(data, descriptor) : mapStateOf(data, descriptor);
      (visit as (key: string, state: ValueState<unknown> | MapState<MapKey, unknown>) => void)(key, state);
      if (Object.keys(data).length === 0) this.keyed.delete(key);
    }
  }
}

/** Hides the writing methods, so a processElement that tries to write fails loudly. */
function readOnly<K extends MapKey, V>(state: MapState<K, V>): ReadOnlyBroadcastState<K, V> {
  return {
    get: (key) => state.get(key),
    contains: (key) => state.contains(key),
    entries: () => state.entries(),
    isEmpty: () => state.isEmpty(),
  };
}
