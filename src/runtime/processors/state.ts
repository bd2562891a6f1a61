/**
 * Keyed state and broadcast state for keyed-broadcast processors, stored as plain serialisable
 * data and read through Flink-shaped handles: `ValueState`, `MapState`, `BroadcastState` and
 * `ReadOnlyBroadcastState` (org.apache.flink.api.common.state), named by `ValueStateDescriptor` /
 * `MapStateDescriptor`.
 *
 * Why plain data: a subtask's state crosses `postMessage`, snapshots and the UI in the same shape,
 * so the handles are thin views over arrays and records that the operator owns. A MapState is an
 * array of `[key, value]` entries rather than an object because Flink allows a `null` key (the
 * `Void`-keyed broadcast state of the pattern-evaluation example) and because entry order should be
 * insertion order, even for numeric-looking keys. The states here hold a handful of entries, so a
 * linear lookup costs nothing worth a cleverer layout.
 *
 * As in Flink's heap backend, clearing a ValueState (or updating it to `undefined`) and removing
 * the last entry of a keyed MapState drop the state, so a key whose state is all gone holds nothing.
 */

/** A MapState key: text, or `null` for a `Void`-keyed state. */
export type MapKey = string | null;

/** Flink's `ValueStateDescriptor<T>`: names a single value per key. */
export interface ValueStateDescriptor<T> {
  readonly type: "value";
  readonly name: string;
  /** Phantom: only carries `T` for the type checker. */
  readonly __valueType?: T;
}

/** Flink's `MapStateDescriptor<K, V>`: names a map per key (keyed state) or per subtask (broadcast state). */
export interface MapStateDescriptor<K extends MapKey, V> {
  readonly type: "map";
  readonly name: string;
  /** Phantom: only carries `K` and `V` for the type checker. */
  readonly __entryType?: readonly [K, V];
}

/** Either kind of keyed-state descriptor. */
export type StateDescriptor = ValueStateDescriptor<unknown> | MapStateDescriptor<MapKey, unknown>;

/** A `ValueStateDescriptor` named `name`. */
export function valueStateDescriptor<T>(name: string): ValueStateDescriptor<T> {
  return { type: "value", name };
}

/** A `MapStateDescriptor` named `name`. */
export function mapStateDescriptor<K extends MapKey, V>(name: string): MapStateDescriptor<K, V> {
  return { type: "map", name };
}

/** A MapState's contents: `[key, value]` entries in insertion order. */
export type MapStateEntries = Array<[MapKey, unknown]>;

/** One named keyed state of one key. */
export type KeyedStateEntry =
  { readonly type: "value"; value: unknown } | { readonly type: "map"; readonly entries: MapStateEntries };

/** All keyed state of one key: state name → contents. Empty when the key holds nothing. */
export type KeyedStateData = Record<string, KeyedStateEntry>;

/** All broadcast state of one subtask: state name → MapState contents. */
export type BroadcastStateData = Record<string, MapStateEntries>;

/** Flink's `ValueState<T>` (`value()` is `undefined` rather than `null` when unset). */
export interface ValueState<T> {
  value(): T | undefined;
  /** Sets the value; `undefined` clears it, as Flink's `update(null)` does. */
  update(value: T | undefined): void;
  clear(): void;
}

/** The read side of a MapState; also Flink's `ReadOnlyBroadcastState`. */
export interface ReadOnlyMapState<K extends MapKey, V> {
  get(key: K): V | undefined;
  contains(key: K): boolean;
  /** A copy of the entries in insertion order (Flink's `immutableEntries()` for broadcast state). */
  entries(): Array<[K, V]>;
  isEmpty(): boolean;
}

/** Flink's `MapState<K, V>`; also Flink's (writable) `BroadcastState`. */
export interface MapState<K extends MapKey, V> extends ReadOnlyMapState<K, V> {
  put(key: K, value: V): void;
  remove(key: K): void;
  clear(): void;
}

/** Flink's `ReadOnlyBroadcastState<K, V>`: what `processElement` sees. */
export type ReadOnlyBroadcastState<K extends MapKey, V> = ReadOnlyMapState<K, V>;

/** Flink's `BroadcastState<K, V>`: what `processBroadcastElement` may change. */
export type BroadcastState<K extends MapKey, V> = MapState<K, V>;

/** The `ValueState` named by `descriptor` within one key's `data`. */
export function valueStateOf<T>(data: KeyedStateData, descriptor: ValueStateDescriptor<T>): ValueState<T> {
  const { name } = descriptor;
  const entry = (): { type: "value"; value: unknown } | undefined => {
    const found = Object.hasOwn(data, name) ? data[name] : undefined;
    if (found !== undefined && found.type !== "value") throw wrongKind(name, "ValueState", "MapState");
    return found;
  };
  return {
    value: () => entry()?.value as T | undefined,
    update(value) {
      const existing = entry();
      if (value === undefined) Reflect.deleteProperty(data, name);
      else if (existing !== undefined) existing.value = value;
      else data[name] = { type: "value", value };
    },
    clear() {
      entry();
      Reflect.deleteProperty(data, name);
    },
  };
}

/** The keyed `MapState` named by `descriptor` within one key's `data`; dropped when emptied. */
export function mapStateOf<K extends MapKey, V>(
  data: KeyedStateData,
  descriptor: MapStateDescriptor<K, V>,
): MapState<K, V> {
  const { name } = descriptor;
  const existing = (): MapStateEntries | undefined => {
    const found = Object.hasOwn(data, name) ? data[name] : undefined;
    if (found !== undefined && found.type !== "map") throw wrongKind(name, "MapState", "ValueState");
    return found?.entries;
  };
  return new EntriesMapState<K, V>(
    existing,
    () => {
      const entries: MapStateEntries = [];
      data[name] = { type: "map", entries };
      return entries;
    },
    () => {
      if (existing()?.length === 0) Reflect.deleteProperty(data, name);
    },
  );
}

/**
 * The broadcast `MapState` named by `descriptor` in a subtask's `data`. Like Flink, only states
 * registered with the broadcast stream exist; asking for another is an error.
 */
export function broadcastStateOf<K extends MapKey, V>(
  data: BroadcastStateData,
  descriptor: MapStateDescriptor<K, V>,
): BroadcastState<K, V> {
  const entries = Object.hasOwn(data, descriptor.name) ? data[descriptor.name] : undefined;
  if (entries === undefined) {
    const known = Object.keys(data).map((name) => JSON.stringify(name));
    throw new Error(
      `Broadcast state ${JSON.stringify(descriptor.name)} does not exist: the function registers ${
        known.length > 0 ? known.join(", ") : "no broadcast state"
      }. Check the descriptor's name.`,
    );
  }
  return new EntriesMapState<K, V>(
    () => entries,
    () => entries,
    () => undefined,
  );
}

/** A MapState over an entries array that may not exist yet (`read`) and is made on first put. */
class EntriesMapState<K extends MapKey, V> implements MapState<K, V> {
  constructor(
    private readonly read: () => MapStateEntries | undefined,
    private readonly create: () => MapStateEntries,
    private readonly dropIfEmpty: () => void,
  ) {}

  get(key: K): V | undefined {
    return this.read()?.find((entry) => entry[0] === key)?.[1] as V | undefined;
  }

  contains(key: K): boolean {
    return this.read()?.some((entry) => entry[0] === key) ?? false;
  }

  entries(): Array<[K, V]> {
    return (this.read() ?? []).map((entry) => [entry[0] as K, entry[1] as V]);
  }

  isEmpty(): boolean {
    return (this.read()?.length ?? 0) === 0;
  }

  put(key: K, value: V): void {
    const entries = this.read() ?? this.create();
    const entry = entries.find((candidate) => candidate[0] === key);
    if (entry !== undefined) entry[1] = value;
    else entries.push([key, value]);
  }

  remove(key: K): void {
    const entries = this.read();
    if (entries === undefined) return;
    const index = entries.findIndex((entry) => entry[0] === key);
    if (index >= 0) entries.splice(index, 1);
    this.dropIfEmpty();
  }

  clear(): void {
    const entries = this.read();
    if (entries !== undefined) entries.length = 0;
    this.dropIfEmpty();
  }
}

function wrongKind(name: string, wanted: string, actual: string): Error {
  return new Error(`Keyed state ${JSON.stringify(name)} is a ${actual}, not a ${wanted}.`);
}
