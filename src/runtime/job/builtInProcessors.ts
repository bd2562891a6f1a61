/**
 * The built-in keyed-broadcast processors a {@link StreamJob} can run instead of CEP rules, by
 * name: seed 000's purchase-path tracker and seed 001's two-action pattern evaluator. Each says
 * how to read its keyed-side elements and its broadcast records from input records.
 */
import type { EventRecord } from "../../engine/index.ts";
import {
  purchasePathKeyState,
  twoActionKeyState,
  type ProcessorKeyStateView,
} from "../processors/keyStateViews.ts";
import {
  PurchasePathTracker,
  readPurchasePathConfig,
  readUserEvent,
  type PurchasePathConfig,
} from "../processors/purchasePath.ts";
import type { BroadcastStateData, KeyedStateData } from "../processors/state.ts";
import { PatternEvaluator, readAction, readActionPattern } from "../processors/twoAction.ts";
import type { ProcessorSpec } from "./jobTypes.ts";

/** A built-in processor: its job spec and its broadcast record field. */
export interface BuiltInProcessor extends ProcessorSpec {
  /**
   * The field of a broadcast record that carries this processor's broadcast element:
   * `{"at":T,"config":{…}}` for purchase-path (one channel's config), `{"at":T,"pattern":{…}}`
   * for two-action (the pattern that replaces the active one).
   */
  readonly broadcastField: "config" | "pattern";
  /** Reads that element; throws `RecordFormatError` naming `where`. */
  readBroadcast(value: unknown, where: string): unknown;
  /**
   * The broadcast state entry an element read by {@link readBroadcast} replaces, as an event
   * field and value (purchase-path: its channel); null when it replaces the one entry there is.
   */
  broadcastKey(element: unknown): { readonly keyBy: string; readonly value: string } | null;
  /** A key's keyed state (undefined: none) read for people, under a subtask's broadcast state. */
  keyStateView(
    keyed: Readonly<KeyedStateData> | undefined,
    broadcast: Readonly<BroadcastStateData>,
  ): ProcessorKeyStateView;
}

/** Names accepted by `--processor`. */
export const BUILT_IN_PROCESSOR_NAMES = ["purchase-path", "two-action"] as const;

export type BuiltInProcessorName = (typeof BUILT_IN_PROCESSOR_NAMES)[number];

/** The processors by name. */
export const BUILT_IN_PROCESSORS: Readonly<Record<BuiltInProcessorName, BuiltInProcessor>> = {
  "purchase-path": {
    createFunction: () => new PurchasePathTracker(),
    readElement: (record: EventRecord, where: string) => readUserEvent(record, where),
    broadcastField: "config",
    readBroadcast: readPurchasePathConfig,
    // `readBroadcast` made the element, so it is a config.
    broadcastKey: (element) => ({ keyBy: "channel", value: (element as PurchasePathConfig).channel }),
    keyStateView: purchasePathKeyState,
  },
  "two-action": {
    createFunction: () => new PatternEvaluator(),
    readElement: (record: EventRecord, where: string) => readAction(record, where),
    broadcastField: "pattern",
    readBroadcast: readActionPattern,
    broadcastKey: () => null,
    keyStateView: twoActionKeyState,
  },
};

/** Whether `name` is a built-in processor's name. */
export function isBuiltInProcessorName(name: string): name is BuiltInProcessorName {
  return (BUILT_IN_PROCESSOR_NAMES as readonly string[]).includes(name);
}
