/**
 * The benchmark's patterns (docs/performance-anchors.md §7.2), each a dynamic-CEP rule built with
 * the Pattern-API-shaped builder, keyed by `user_id`, in event time on `event_time`. Conditions
 * are condition-language strings, so they run through the same interpreter users' rules do.
 */
import { AfterMatchSkip, PatternBuilder } from "../src/model/index.ts";
import type { GraphNode } from "../src/model/index.ts";

/** The field the stream is keyed by (`keyBy`). */
export const KEY_FIELD = "user_id";
/** The event-time field (epoch ms). */
export const TIME_FIELD = "event_time";

const THIRTY_MINUTES = 30 * 60 * 1000;

const IS_VIEW = "event_type == 'view'";
const IS_CART = "event_type == 'cart'";
const IS_PURCHASE = "event_type == 'purchase'";

/** Workload ids accepted by `--workload`. */
export type WorkloadId = "Q1" | "Q2" | "Q4" | "Q6" | "pathological";

/** One benchmark pattern. */
export interface Workload {
  readonly id: WorkloadId;
  /** The pattern in Flink's Java API words, for the report. */
  readonly description: string;
  readonly pattern: () => GraphNode;
  /**
   * Whether the job reads timed-out partial matches (Flink's `timeoutHandling`: the process
   * function implements `TimedOutPartialMatchHandler`). Without it Flink drops a run whose window
   * passed without extracting its events, and so does the engine. The plan asks for
   * timeouts on Q6 only; `--timeouts` turns them on everywhere.
   */
  readonly readsTimeouts: boolean;
}

/** Q1 — strict sequence, the cheapest keyed pattern (compare with the toy floor M6). */
const Q1: Workload = {
  id: "Q1",
  readsTimeouts: false,
  description: "view next cart next purchase, within 30 min, skipPastLastEvent",
  pattern: () =>
    PatternBuilder.begin("view", AfterMatchSkip.skipPastLastEvent())
      .where(IS_VIEW)
      .next("cart")
      .where(IS_CART)
      .next("purchase")
      .where(IS_PURCHASE)
      .within(THIRTY_MINUTES)
      .build(),
};

/** Q2 — relaxed contiguity: every view opens a run that lives until a purchase or the window. */
const Q2: Workload = {
  id: "Q2",
  readsTimeouts: false,
  description: "view followedBy cart followedBy purchase, within 30 min, skipPastLastEvent",
  pattern: () =>
    PatternBuilder.begin("view", AfterMatchSkip.skipPastLastEvent())
      .where(IS_VIEW)
      .followedBy("cart")
      .where(IS_CART)
      .followedBy("purchase")
      .where(IS_PURCHASE)
      .within(THIRTY_MINUTES)
      .build(),
};

/** Q4 — linear Kleene (relaxed inner contiguity). */
const Q4: Workload = {
  id: "Q4",
  readsTimeouts: false,
  description: "view followedBy cart.oneOrMore() followedBy purchase, within 30 min, skipPastLastEvent",
  pattern: () =>
    PatternBuilder.begin("view", AfterMatchSkip.skipPastLastEvent())
      .where(IS_VIEW)
      .followedBy("cart")
      .where(IS_CART)
      .oneOrMore()
      .followedBy("purchase")
      .where(IS_PURCHASE)
      .within(THIRTY_MINUTES)
      .build(),
};

/** Q6 — abandoned cart: notFollowedBy at the end, released as a match when the window passes; timeouts on. */
const Q6: Workload = {
  id: "Q6",
  readsTimeouts: true,
  description: "cart notFollowedBy purchase, within 30 min (pending matches and timeouts on the watermark)",
  pattern: () =>
    PatternBuilder.begin("cart")
      .where(IS_CART)
      .notFollowedBy("purchase")
      .where(IS_PURCHASE)
      .within(THIRTY_MINUTES)
      .build(),
};

/**
 * The pathological case (anchors §3, D-PATH): skip-till-any Kleene with combinations and no
 * window. Every view doubles a key's runs, so without the partial-match cap memory would grow as
 * 2^n; with it the engine warns and keeps the oldest runs.
 */
const PATHOLOGICAL: Workload = {
  id: "pathological",
  readsTimeouts: false,
  description:
    "view followedByAny view.oneOrMore().allowCombinations() followedBy purchase, no window, noSkip",
  pattern: () =>
    PatternBuilder.begin("first")
      .where(IS_VIEW)
      .followedByAny("more")
      .where(IS_VIEW)
      .oneOrMore()
      .allowCombinations()
      .followedBy("buy")
      .where(IS_PURCHASE)
      .build(),
};

/** The throughput workloads, in report order. */
export const MATRIX_WORKLOADS: readonly Workload[] = [Q1, Q2, Q4, Q6];

/** Every workload by id. */
export const WORKLOADS: Readonly<Record<WorkloadId, Workload>> = {
  Q1,
  Q2,
  Q4,
  Q6,
  pathological: PATHOLOGICAL,
};

/** The workload named `id`, or an error listing the valid ids. */
export function workloadById(id: string): Workload {
  const workload = (WORKLOADS as Readonly<Record<string, Workload | undefined>>)[id];
  if (workload === undefined) {
    throw new Error(`unknown workload '${id}' (expected one of ${Object.keys(WORKLOADS).join(", ")})`);
  }
  return workload;
}
