/**
 * A key's keyed state of a built-in processor, read for people: what the purchase-path tracker
 * (seed 000) has collected per channel and under which config it will be evaluated, and what the
 * two-action evaluator (seed 001) remembers and waits for. Plain data (it crosses the worker
 * boundary); read from the live state without changing it.
 */
import {
  CONFIG_STATE,
  ORIGINAL_DEFAULT_CONFIG,
  USER_EVENT_CONTAINER_STATE,
  type PurchasePathConfig,
  type UserEventContainer,
} from "./purchasePath.ts";
import {
  broadcastStateOf,
  mapStateOf,
  valueStateOf,
  type BroadcastStateData,
  type KeyedStateData,
} from "./state.ts";
import { LAST_ACTION_STATE, PATTERNS_STATE, type ActionPattern } from "./twoAction.ts";

/** Seed 000: the events one user has on one channel since the last purchase there. */
export interface PurchasePathEntry {
  readonly channel: string;
  /** Events collected: a purchase now would make a path one longer. */
  readonly length: number;
  /** Event type → count, keys sorted as in the article's output. */
  readonly eventTypeCounts: Readonly<Record<string, number>>;
  /** The collected events' type and time, oldest first. */
  readonly events: readonly { readonly eventType: string; readonly eventTime: string }[];
  /** The channel's broadcast config a purchase is evaluated against now. */
  readonly config: PurchasePathConfig;
  /** True when the channel has no broadcast config yet and the original's `new Config()` applies. */
  readonly defaultConfig: boolean;
}

/** A key's state in a processor, by processor. */
export type ProcessorKeyStateView =
  | {
      readonly processor: "purchase-path";
      /** The key's open purchase paths, one per channel it has events on (the keyed MapState). */
      readonly paths: readonly PurchasePathEntry[];
    }
  | {
      readonly processor: "two-action";
      /** The key's previous action (the keyed ValueState `lastAction`); null before the first. */
      readonly lastAction: string | null;
      /** The active pattern (broadcast state); null before one arrived. */
      readonly pattern: ActionPattern | null;
      /** The action that completes a match if it comes next; null when none would. */
      readonly completesWith: string | null;
    };

/** Seed 000's view of `keyed` (undefined: the key holds nothing) under `broadcast`. */
export function purchasePathKeyState(
  keyed: Readonly<KeyedStateData> | undefined,
  broadcast: Readonly<BroadcastStateData>,
): ProcessorKeyStateView {
  const configs = broadcastStateOf({ ...broadcast }, CONFIG_STATE);
  const containers =
    keyed === undefined ? [] : mapStateOf({ ...keyed }, USER_EVENT_CONTAINER_STATE).entries();
  const paths = containers.map(([channel, container]: [string, UserEventContainer]): PurchasePathEntry => {
    const counts = new Map<string, number>();
    for (const { eventType } of container.userEvents) counts.set(eventType, (counts.get(eventType) ?? 0) + 1);
    const eventTypeCounts: Record<string, number> = {};
    for (const type of [...counts.keys()].sort()) eventTypeCounts[type] = counts.get(type) ?? 0;
    const config = configs.get(channel);
    return {
      channel,
      length: container.userEvents.length,
      eventTypeCounts,
      events: container.userEvents.map((e) => ({ eventType: e.eventType, eventTime: e.eventTime })),
      config: config ?? ORIGINAL_DEFAULT_CONFIG,
      defaultConfig: config === undefined,
    };
  });
  return { processor: "purchase-path", paths };
}

/** Seed 001's view of `keyed` (undefined: the key holds nothing) under `broadcast`. */
export function twoActionKeyState(
  keyed: Readonly<KeyedStateData> | undefined,
  broadcast: Readonly<BroadcastStateData>,
): ProcessorKeyStateView {
  const pattern = broadcastStateOf({ ...broadcast }, PATTERNS_STATE).get(null) ?? null;
  const lastAction =
    (keyed === undefined ? undefined : valueStateOf({ ...keyed }, LAST_ACTION_STATE).value()) ?? null;
  const completesWith =
    pattern !== null && lastAction !== null && pattern.firstAction === lastAction
      ? pattern.secondAction
      : null;
  return { processor: "two-action", lastAction, pattern, completesWith };
}
