/**
 * The purchase-path tracker of seed 000 ("Implementing User Purchase Behavior Tracking with Flink
 * Broadcast State"): a port of its `ConnectedBroadcastProcessFuntion`, a
 * `KeyedBroadcastProcessFunction<String, UserEvent, Config, EvaluatedResult>` keyed by `userId`
 * (job `org.shirdrn.flink.broadcaststate.UserPurchaseBehaviorTracker`).
 *
 * - Broadcast side: each `Config` is put into the broadcast MapState `configBroadcastState` under
 *   its channel, replacing that channel's previous config — from the next element on, in every
 *   subtask.
 * - Keyed side: every event is appended to the user's keyed MapState `userEventContainerState`
 *   under the event's channel. On a `PURCHASE` the path length is the number of collected events
 *   (the purchase included); a result is emitted only when `historyPurchaseTimes < 10` and
 *   `purchasePathLength > maxPurchasePathLength`; either way the user's events for that channel are
 *   then cleared.
 *
 * What the original code does that a summary might not (kept, because the point is to reproduce
 * the job): events are collected even when their channel has no config yet; a purchase on such a
 * channel is evaluated against the function's default config `new Config()` =
 * (APP, 2018-01-01, 0, 0), which emits every path; and the result's `channel` is the config's
 * channel, not the event's. Pass `defaultConfig: null` for the stricter reading "collect and
 * evaluate only while a config exists for the channel". The original keeps
 * `Map<channel, Map<userId, container>>` per key; under `keyBy(userId)` the inner map only ever
 * holds the current user, so it is flattened here.
 */
import type {
  Context,
  KeyedBroadcastProcessFunction,
  ReadOnlyContext,
} from "./keyedBroadcastProcessFunction.ts";
import { requireInt, requireOneOf, requireRecord, requireText } from "./recordFields.ts";
import { mapStateDescriptor } from "./state.ts";

/** The original's `EventType` enum. */
export const PURCHASE_EVENT_TYPES = ["VIEW_PRODUCT", "ADD_TO_CART", "REMOVE_FROM_CART", "PURCHASE"] as const;

/** One of {@link PURCHASE_EVENT_TYPES}. */
export type PurchaseEventType = (typeof PURCHASE_EVENT_TYPES)[number];

/** A user event (keyed side), e.g. `{"userId":"…","channel":"APP","eventType":"VIEW_PRODUCT",…}`. */
export interface UserEvent {
  readonly userId: string;
  readonly channel: string;
  readonly eventType: PurchaseEventType;
  /** As written in the input, e.g. `2018-06-12 09:27:11`; only carried along. */
  readonly eventTime: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A channel's configuration (broadcast side), the original's `Config`. */
export interface PurchasePathConfig {
  readonly channel: string;
  readonly registerDate: string;
  readonly historyPurchaseTimes: number;
  readonly maxPurchasePathLength: number;
}

/** What the tracker emits, the original's `EvaluatedResult`. */
export interface EvaluatedResult {
  readonly userId: string;
  readonly channel: string;
  readonly purchasePathLength: number;
  /** Event type → count, keys in `String.compareTo` order as in the article's output. */
  readonly eventTypeCounts: Readonly<Record<string, number>>;
}

/** The user's collected events for one channel, the original's `UserEventContainer`. */
export interface UserEventContainer {
  readonly userId: string;
  readonly userEvents: UserEvent[];
}

/** The original's `new Config()`, used for a channel that has no config. */
export const ORIGINAL_DEFAULT_CONFIG: PurchasePathConfig = {
  channel: "APP",
  registerDate: "2018-01-01",
  historyPurchaseTimes: 0,
  maxPurchasePathLength: 0,
};

/** Broadcast MapState: channel → config (the original's `configStateDescriptor`). */
export const CONFIG_STATE = mapStateDescriptor<string, PurchasePathConfig>("configBroadcastState");

/** Keyed MapState: channel → the user's events on that channel (`userMapStateDesc`). */
export const USER_EVENT_CONTAINER_STATE = mapStateDescriptor<string, UserEventContainer>(
  "userEventContainerState",
);

/** Options of {@link PurchasePathTracker}. */
export interface PurchasePathTrackerOptions {
  /**
   * The config for a channel that has none: the original's `new Config()` by default; `null`
   * ignores events of such a channel (nothing collected, nothing evaluated).
   */
  readonly defaultConfig?: PurchasePathConfig | null;
}

/** Seed 000's keyed-broadcast function; key the user events by `userId`. */
export class PurchasePathTracker implements KeyedBroadcastProcessFunction<
  UserEvent,
  PurchasePathConfig,
  EvaluatedResult
> {
  readonly broadcastStateDescriptors = [CONFIG_STATE];
  private readonly defaultConfig: PurchasePathConfig | null;

  constructor(options: PurchasePathTrackerOptions = {}) {
    this.defaultConfig =
      options.defaultConfig === undefined ? ORIGINAL_DEFAULT_CONFIG : options.defaultConfig;
  }

  processBroadcastElement(config: PurchasePathConfig, ctx: Context<EvaluatedResult>): void {
    ctx.getBroadcastState(CONFIG_STATE).put(config.channel, config);
  }

  processElement(event: UserEvent, ctx: ReadOnlyContext<EvaluatedResult>): void {
    const config = ctx.getBroadcastState(CONFIG_STATE).get(event.channel) ?? this.defaultConfig;
    if (config === null) return;

    const state = ctx.getMapState(USER_EVENT_CONTAINER_STATE);
    const container = state.get(event.channel) ?? { userId: event.userId, userEvents: [] };
    container.userEvents.push(event);
    state.put(event.channel, container); // write back, as a non-heap state backend would need

    if (event.eventType === "PURCHASE") {
      const result = evaluatePurchasePath(config, container);
      if (result !== null) ctx.collect(result);
      state.remove(event.channel);
    }
  }
}

/**
 * The original's `compute(config, container)`: the result for a completed path, or null when the
 * path is not longer than `maxPurchasePathLength` or `historyPurchaseTimes` is 10 or more.
 */
export function evaluatePurchasePath(
  config: PurchasePathConfig,
  container: UserEventContainer,
): EvaluatedResult | null {
  const purchasePathLength = container.userEvents.length;
  if (!(config.historyPurchaseTimes < 10 && purchasePathLength > config.maxPurchasePathLength)) return null;
  const counts = new Map<string, number>();
  for (const { eventType } of container.userEvents) counts.set(eventType, (counts.get(eventType) ?? 0) + 1);
  // The original fills a HashMap; the article prints the counts sorted (fastjson), so sort by key.
  const eventTypeCounts: Record<string, number> = {};
  for (const type of [...counts.keys()].sort(compareJavaStrings))
    eventTypeCounts[type] = counts.get(type) ?? 0;
  return { userId: container.userId, channel: config.channel, purchasePathLength, eventTypeCounts };
}

/** Reads a user event from an input record; `where` names the record in error messages. */
export function readUserEvent(value: unknown, where: string): UserEvent {
  const record = requireRecord(value, where);
  const event: UserEvent = {
    userId: requireText(record, "userId", where),
    channel: requireText(record, "channel", where),
    eventType: requireOneOf(record, "eventType", PURCHASE_EVENT_TYPES, where),
    eventTime: requireText(record, "eventTime", where),
  };
  const data = record.data;
  if (data === undefined || data === null) return event;
  return { ...event, data: requireRecord(data, `${where}: field "data"`) };
}

/** Reads a channel config from an input record; `where` names the record in error messages. */
export function readPurchasePathConfig(value: unknown, where: string): PurchasePathConfig {
  const record = requireRecord(value, where);
  return {
    channel: requireText(record, "channel", where),
    registerDate: requireText(record, "registerDate", where),
    historyPurchaseTimes: requireInt(record, "historyPurchaseTimes", where),
    maxPurchasePathLength: requireInt(record, "maxPurchasePathLength", where),
  };
}

/** Java's `String.compareTo`: UTF-16 code unit order, which is also what `<` on strings does. */
function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
