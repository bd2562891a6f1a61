/**
 * Inputs for tests of sessions that run a built-in processor: seed 000's sample events for one
 * user (as its article documents them) and generated seed 000 / seed 001 streams, read as the
 * app reads generated data (CSV text through a text input).
 */
import { generatedText, type GeneratedSchema } from "../../../formats/generator/index.ts";
import { SessionInput } from "../sessionInput.ts";
import type { RunConfig } from "../sessionTypes.ts";

/** The user of seed 000's sample events. */
export const SAMPLE_USER = "a9b83681ba4df17a30abcf085ce80a9b";

const SAMPLE_TYPES = [
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "ADD_TO_CART",
  "VIEW_PRODUCT",
  "PURCHASE",
] as const;

/** Seed 000's nine sample events of {@link SAMPLE_USER} on channel APP, in order. */
export const SAMPLE_EVENTS = SAMPLE_TYPES.map((eventType, i) => ({
  userId: SAMPLE_USER,
  channel: "APP",
  eventType,
  eventTime: `2018-06-12 09:${String(10 + i).padStart(2, "0")}:00`,
  data: { productId: 126 },
}));

/** The channel config of the scenarios README: paths longer than 3 are reported. */
export const APP_CONFIG = {
  channel: "APP",
  registerDate: "2018-01-01",
  historyPurchaseTimes: 0,
  maxPurchasePathLength: 3,
};

/** The article's result for the sample events, fields in its order. */
export const ARTICLE_RESULT = {
  userId: SAMPLE_USER,
  channel: "APP",
  purchasePathLength: 9,
  eventTypeCounts: { ADD_TO_CART: 1, PURCHASE: 1, VIEW_PRODUCT: 7 },
};

/** Keyed by user, in processing time by position (broadcast `at` = event position). */
export const BY_POSITION: RunConfig = { key: "userId", time: null, clock: null, parallelism: 1 };

/** Keyed by user, in event time on seed 000's `eventTime`, `parallelism` subtasks. */
export function seed000EventTime(parallelism: number): RunConfig {
  return {
    key: "userId",
    time: { field: "eventTime", watermarks: { type: "bounded", delay: 0 }, finalWatermark: true },
    clock: null,
    parallelism,
  };
}

/** A generated stream of `schema` as CSV text, read completely. */
export function generatedInput(
  schema: GeneratedSchema,
  seed: number,
  users: number,
  events: number,
): SessionInput {
  const input = SessionInput.fromText({ fileName: `${schema}.csv` });
  for (const chunk of generatedText({ schema, format: "csv", seed, users, events })) input.push(chunk);
  input.end();
  return input;
}
