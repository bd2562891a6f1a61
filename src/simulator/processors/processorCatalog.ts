/**
 * The built-in keyed-broadcast processors as the Processors tab offers them: what each seed
 * article's job does, the generated data that fits it, the broadcast records it starts with
 * (as the CLI's `--broadcast` lines), and how its results read. Pure.
 */
import type { BuiltInProcessorName } from "../../runtime/job/index.ts";
import type { ResultView } from "../../runtime/session/index.ts";
import { DEFAULT_GENERATOR_SETTINGS, type GeneratorSettings } from "../data/generatorSettings.ts";

/** One processor as offered. */
export interface ProcessorEntry {
  readonly name: BuiltInProcessorName;
  readonly title: string;
  /** The seed article it reproduces. */
  readonly source: string;
  /** What the job does, in one paragraph. */
  readonly description: string;
  /** The generated data that fits it. */
  readonly data: GeneratorSettings;
  /** Its broadcast stream to start with. */
  readonly records: readonly unknown[];
  /** What the broadcast records carry, for the tab. */
  readonly recordsText: string;
}

/** A channel's config (seed 000's `Config`). */
function channelConfig(channel: string, maxPurchasePathLength: number): unknown {
  return {
    at: 0,
    config: { channel, registerDate: "2018-01-01", historyPurchaseTimes: 0, maxPurchasePathLength },
  };
}

/** Generated seed data: enough users and events for many results, quick to stream. */
function seedData(schema: GeneratorSettings["schema"]): GeneratorSettings {
  return { ...DEFAULT_GENERATOR_SETTINGS, schema, seed: 0, users: 200, events: 5_000 };
}

export const PROCESSORS: readonly ProcessorEntry[] = [
  {
    name: "purchase-path",
    title: "Purchase path",
    source: "seed 000 · Implementing User Purchase Behavior Tracking with Flink Broadcast State",
    description:
      "Keyed by userId, the job collects each user's events (VIEW_PRODUCT, ADD_TO_CART, REMOVE_FROM_CART, " +
      "PURCHASE) per channel in keyed MapState. Channel configs arrive on the broadcast stream and every " +
      "subtask stores them in broadcast MapState by channel. On a PURCHASE the path length — the events " +
      "collected, the purchase included — is checked against the channel's config: a result is emitted when " +
      "historyPurchaseTimes < 10 and the path is longer than maxPurchasePathLength; either way the user's " +
      "events on that channel are cleared.",
    data: seedData("seed000"),
    records: [channelConfig("APP", 3), channelConfig("WEB", 5), channelConfig("WAP", 4)],
    recordsText: "channel configs APP (paths longer than 3), WEB (5), WAP (4)",
  },
  {
    name: "two-action",
    title: "Two-action pattern",
    source: "seed 001 · A Practical Guide to Broadcast State in Apache Flink",
    description:
      "Keyed by userId, the job remembers each user's previous action in ValueState. The broadcast stream " +
      "carries a Pattern {firstAction, secondAction}, stored under one key of the broadcast MapState, so a new " +
      "pattern replaces the active one in every subtask. When a user's previous and current actions are the " +
      "pattern's two actions, it emits (userId, pattern) — in CEP terms `first` next `second`, swapped at run " +
      "time.",
    data: seedData("seed001"),
    records: [
      { at: 0, pattern: { firstAction: "login", secondAction: "logout" } },
      { at: 2_500, pattern: { firstAction: "add-to-cart", secondAction: "logout" } },
    ],
    recordsText: "pattern login → logout, replaced by add-to-cart → logout at input position 2 500",
  },
];

/** The entry of `name`. */
export function processorEntry(name: BuiltInProcessorName): ProcessorEntry {
  const entry = PROCESSORS.find((p) => p.name === name);
  if (entry === undefined) throw new Error(`no processor ${name}`);
  return entry;
}

/** `ADD_TO_CART 1 · PURCHASE 1 · VIEW_PRODUCT 7` for an event-type count map. */
export function countsText(counts: unknown): string {
  if (typeof counts !== "object" || counts === null) return "";
  return Object.entries(counts as Record<string, unknown>)
    .map(([type, n]) => `${type} ${String(n)}`)
    .join(" · ");
}

/** A result field as text (ids and numbers as written; nested values as JSON). */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return JSON.stringify(value);
}

/** A two-action result's pattern as `login → logout`. */
export function patternText(result: ResultView["result"]): string {
  const pattern = result.pattern as { firstAction?: unknown; secondAction?: unknown } | undefined;
  return pattern === undefined
    ? "—"
    : `${fieldText(pattern.firstAction)} → ${fieldText(pattern.secondAction)}`;
}
