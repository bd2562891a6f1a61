/**
 * State TTL for a keyed-broadcast processor's keyed state, the way Flink implements
 * `StateTtlConfig` (flink-runtime `state/ttl/TtlValueState`, `TtlMapState`): the function gets
 * wrapped state handles that stamp each key's writes (`OnCreateAndWrite`), and a key's state last
 * written `ttl` ago or more is cleared before anything can read it (`NeverReturnExpired`).
 *
 * Cleanup happens on access (before `processElement` for the key) and through a cleanup queue the
 * job drains as its TTL clock advances (`expireDue`), so idle keys are cleaned too. The clock only
 * moves forward, so the queue is a FIFO. The wrapper's own bookkeeping is plain data
 * ({@link TtlProcessorState}) and goes into job snapshots.
 */
import type {
  Context,
  KeyedBroadcastProcessFunction,
  ReadOnlyContext,
} from "../processors/keyedBroadcastProcessFunction.ts";
import type { MapKey, MapState, StateDescriptor, ValueState } from "../processors/state.ts";

/** The wrapper's bookkeeping, as plain data. */
export interface TtlProcessorState {
  /** Key → when its state was last written. */
  readonly lastWrite: Array<[string, number]>;
  /** Every keyed state the function asked for (what a cleanup clears). */
  readonly descriptors: StateDescriptor[];
  /** Pending cleanups in firing order: key and expiry. */
  readonly queueKeys: string[];
  readonly queueTimes: number[];
}

/** Asks the wrapper to clean `key` up if expired, without calling the function. */
export const TTL_PROBE: unique symbol = Symbol("ttlProbe");

type AnyFunction = KeyedBroadcastProcessFunction<unknown, unknown, object>;
type AnyState = ValueState<unknown> | MapState<MapKey, unknown>;

/** A processor function with state TTL; see the module comment. */
export class TtlProcessorFunction implements AnyFunction {
  /** The TTL clock; the job sets it before each call. */
  now = 0;
  private readonly lastWrite: Map<string, number>;
  private readonly descriptors: Map<string, StateDescriptor>;
  private readonly queueKeys: string[];
  private readonly queueTimes: number[];
  private queueHead = 0;

  constructor(
    private readonly inner: AnyFunction,
    private readonly ttl: number,
    /** Told about every cleanup: the key, when, and its last write. */
    private readonly onExpired: (key: string, now: number, lastWrite: number) => void,
    saved?: TtlProcessorState,
  ) {
    this.lastWrite = new Map(saved?.lastWrite);
    this.descriptors = new Map(saved?.descriptors.map((d) => [d.name, d]));
    this.queueKeys = saved?.queueKeys.slice() ?? [];
    this.queueTimes = saved?.queueTimes.slice() ?? [];
  }

  get broadcastStateDescriptors(): AnyFunction["broadcastStateDescriptors"] {
    return this.inner.broadcastStateDescriptors;
  }

  /** The keys whose cleanup is due at `now`, in order; the job probes each (`TTL_PROBE`). */
  dueKeys(now: number): string[] {
    const due: string[] = [];
    while (this.queueHead < this.queueTimes.length && (this.queueTimes[this.queueHead] as number) <= now) {
      due.push(this.queueKeys[this.queueHead] as string);
      this.queueHead++;
    }
    if (this.queueHead === this.queueTimes.length) {
      this.queueKeys.length = 0;
      this.queueTimes.length = 0;
      this.queueHead = 0;
    }
    return due;
  }

  processElement(value: unknown, ctx: ReadOnlyContext<object>): void {
    const key = ctx.currentKey;
    this.expireIfDue(key, ctx);
    if (value === TTL_PROBE) return;
    // An object, so the flag set inside the handles is visible here.
    const writes = { seen: false };
    const mark = (): void => {
      writes.seen = true;
    };
    this.inner.processElement(value, {
      ...ctx,
      getState: (descriptor) => this.wrap(descriptor, ctx.getState(descriptor), mark) as never,
      getMapState: (descriptor) => this.wrap(descriptor, ctx.getMapState(descriptor), mark) as never,
    });
    if (writes.seen) this.written(key);
  }

  processBroadcastElement(value: unknown, ctx: Context<object>): void {
    const applyToKeyedState = (
      descriptor: StateDescriptor,
      visit: (key: string, state: AnyState) => void,
    ): void => {
      (ctx.applyToKeyedState as (d: StateDescriptor, v: (key: string, state: AnyState) => void) => void)(
        descriptor,
        (key, state) => {
          const writes = { seen: false };
          visit(
            key,
            this.wrap(descriptor, state, () => {
              writes.seen = true;
            }),
          );
          if (writes.seen) this.written(key);
        },
      );
    };
    this.inner.processBroadcastElement(value, { ...ctx, applyToKeyedState } as Context<object>);
  }

  /** The bookkeeping as plain data (a copy). */
  snapshot(): TtlProcessorState {
    return {
      lastWrite: [...this.lastWrite],
      descriptors: [...this.descriptors.values()],
      queueKeys: this.queueKeys.slice(this.queueHead),
      queueTimes: this.queueTimes.slice(this.queueHead),
    };
  }

  private written(key: string): void {
    this.lastWrite.set(key, this.now);
    const expiry = this.now + this.ttl;
    const n = this.queueTimes.length;
    if (n > this.queueHead && this.queueTimes[n - 1] === expiry && this.queueKeys[n - 1] === key) return;
    this.queueKeys.push(key);
    this.queueTimes.push(expiry);
  }

  /** NeverReturnExpired: clears every known state of `key` if its last write is `ttl` old. */
  private expireIfDue(key: string, ctx: ReadOnlyContext<object>): void {
    const lastWrite = this.lastWrite.get(key);
    if (lastWrite === undefined || lastWrite + this.ttl > this.now) return;
    this.lastWrite.delete(key);
    let held = false;
    for (const descriptor of this.descriptors.values()) {
      const state: AnyState =
        descriptor.type === "value" ? ctx.getState(descriptor) : ctx.getMapState(descriptor);
      held ||=
        descriptor.type === "value"
          ? (state as ValueState<unknown>).value() !== undefined
          : !(state as MapState<MapKey, unknown>).isEmpty();
      state.clear();
    }
    if (held) this.onExpired(key, this.now, lastWrite);
  }

  /** A handle over `state` that reports writes through `mark`. */
  private wrap(descriptor: StateDescriptor, state: AnyState, mark: () => void): AnyState {
    this.descriptors.set(descriptor.name, descriptor);
    if (descriptor.type === "value") {
      const value = state as ValueState<unknown>;
      return {
        value: () => value.value(),
        update: (v) => {
          mark();
          value.update(v);
        },
        clear: () => {
          mark();
          value.clear();
        },
      };
    }
    const map = state as MapState<MapKey, unknown>;
    return {
      get: (k) => map.get(k),
      contains: (k) => map.contains(k),
      entries: () => map.entries(),
      isEmpty: () => map.isEmpty(),
      put: (k, v) => {
        mark();
        map.put(k, v);
      },
      remove: (k) => {
        mark();
        map.remove(k);
      },
      clear: () => {
        mark();
        map.clear();
      },
    };
  }
}
