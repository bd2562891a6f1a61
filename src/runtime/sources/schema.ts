/**
 * Which fields of an event are its key (Flink's `keyBy`), its event time and its type.
 *
 * The schemas CEP Studio ships data for are recognised by their field names and mapped without
 * asking: REES46's e-commerce clickstream, the seed scenarios' camelCase variant of it, seed 000's
 * purchase-path events and seed 001's user actions (see /work/shared/scenarios/README.md). For
 * any other schema, {@link inferSchema} describes the fields and suggests a mapping, and the UI
 * asks the user once to confirm it.
 */
import type { EventData } from "../../formats/events/index.ts";
import { inferFields, nameWords, saysId, saysTime, type InferredField } from "./fieldInference.ts";
import { detectTimeEncoding, type TimeEncoding } from "./timestamps.ts";

/** Field names for the key, the event time (null: no event time, arrival order) and the type. */
export interface FieldMapping {
  readonly key: string;
  readonly time: string | null;
  readonly type: string | null;
}

/** An event schema recognised by its field names. */
export interface KnownSchema {
  readonly id: "rees46" | "seed-clickstream" | "seed-purchase-path" | "seed-actions";
  readonly title: string;
  /** Every field the schema has; a record with any other field is not this schema. */
  readonly fields: readonly string[];
  /** The fields that tell this schema apart; JSON records may leave the others out. */
  readonly required: readonly string[];
  readonly mapping: FieldMapping;
}

/** The schemas recognised without asking. */
export const KNOWN_SCHEMAS: readonly KnownSchema[] = [
  {
    id: "rees46",
    title: "REES46 e-commerce clickstream",
    fields: [
      "event_time",
      "event_type",
      "product_id",
      "category_id",
      "category_code",
      "brand",
      "price",
      "user_id",
      "user_session",
    ],
    required: ["event_time", "event_type", "product_id", "user_id"],
    mapping: { key: "user_id", time: "event_time", type: "event_type" },
  },
  {
    id: "seed-clickstream",
    title: "Seed scenarios' clickstream (REES46 in camelCase)",
    fields: [
      "eventTime",
      "eventType",
      "productId",
      "categoryId",
      "categoryCode",
      "brand",
      "price",
      "userId",
      "userSession",
    ],
    required: ["eventTime", "eventType", "productId", "userId"],
    mapping: { key: "userId", time: "eventTime", type: "eventType" },
  },
  {
    id: "seed-purchase-path",
    title: "Seed 000 purchase-path user events",
    fields: ["userId", "channel", "eventType", "eventTime", "data"],
    required: ["userId", "channel", "eventType", "eventTime"],
    mapping: { key: "userId", time: "eventTime", type: "eventType" },
  },
  {
    // The blog's Action POJO has no time: actions are processed in arrival order.
    id: "seed-actions",
    title: "Seed 001 user actions",
    fields: ["userId", "action"],
    required: ["userId", "action"],
    mapping: { key: "userId", time: null, type: "action" },
  },
];

/** The known schema whose fields are exactly these (all required ones, no unknown ones), or null. */
export function recognizeSchema(fieldNames: Iterable<string>): KnownSchema | null {
  const names = new Set(fieldNames);
  for (const schema of KNOWN_SCHEMAS) {
    const known = new Set(schema.fields);
    if (schema.required.every((f) => names.has(f)) && [...names].every((f) => known.has(f))) return schema;
  }
  return null;
}

/** A mapping suggested for the user to confirm; a null key means no field looks like one. */
export interface SuggestedMapping {
  readonly key: string | null;
  readonly time: string | null;
  readonly type: string | null;
}

/** What a sample of events says about their schema. */
export interface SchemaInference {
  /** The recognised schema, or null. */
  readonly known: KnownSchema | null;
  /** Every field, in the order fields first appear. */
  readonly fields: readonly InferredField[];
  readonly suggested: SuggestedMapping;
  /** How the suggested time field is written (null: no time field, or none detected). */
  readonly timeEncoding: TimeEncoding | null;
  /** True when the user must confirm or choose the mapping (unknown schema, or no usable time). */
  readonly needsMapping: boolean;
}

/**
 * Describes the schema of sample events (say, the first thousand read) and suggests a mapping:
 * for a known schema its mapping, otherwise the likeliest key (an id field, preferring users),
 * time (a timestamp field, preferring event time) and type (a text field with few values, or one
 * named like `type` or `action`).
 */
export function inferSchema(sample: readonly EventData[]): SchemaInference {
  const fields = inferFields(sample);
  const known = recognizeSchema(fields.map((f) => f.name));
  const suggested = known?.mapping ?? suggestMapping(fields);
  const time = suggested.time;
  let timeEncoding: TimeEncoding | null = null;
  if (time !== null) {
    const result = detectTimeEncoding(
      time,
      sample.map((e) => e[time]),
    );
    if (result.ok) timeEncoding = result.encoding;
  }
  const timeUsable = known?.mapping.time === null || timeEncoding !== null;
  return { known, fields, suggested, timeEncoding, needsMapping: known === null || !timeUsable };
}

function suggestMapping(fields: readonly InferredField[]): SuggestedMapping {
  return { key: suggestKey(fields), time: suggestTime(fields), type: suggestType(fields) };
}

/** Who an event is about, most likely first. */
const KEY_WORDS: ReadonlyMap<string, number> = new Map([
  ["user", 4],
  ["customer", 3],
  ["client", 3],
  ["account", 3],
  ["member", 3],
  ["visitor", 3],
  ["player", 3],
  ["device", 2],
  ["session", 1],
]);

function suggestKey(fields: readonly InferredField[]): string | null {
  const candidates = fields.filter(
    (f) => f.kind === "id" || (f.kind === "number" && saysId(nameWords(f.name))),
  );
  return (
    best(candidates, (f) => Math.max(0, ...nameWords(f.name).map((w) => KEY_WORDS.get(w) ?? 0)))?.name ?? null
  );
}

function suggestTime(fields: readonly InferredField[]): string | null {
  const candidates = fields.filter((f) => f.kind === "timestamp");
  return (
    best(candidates, (f) => {
      const words = nameWords(f.name);
      return (words.includes("event") ? 2 : 0) + (saysTime(words) ? 1 : 0);
    })?.name ?? null
  );
}

const TYPE_WORDS = new Set([
  "type",
  "action",
  "event",
  "kind",
  "activity",
  "name",
  "status",
  "op",
  "operation",
]);

/** A category-like text field: named like one, or repeating a handful of values. */
function suggestType(fields: readonly InferredField[]): string | null {
  const candidates = fields.filter((f) => f.kind === "text" && f.distinct < f.present && f.distinct <= 50);
  const chosen = best(candidates, (f) => {
    const last = nameWords(f.name).at(-1) ?? "";
    if (TYPE_WORDS.has(last)) return 2;
    return f.distinct <= 20 ? 1 : 0;
  });
  // Free text that merely repeats (a brand, a city) is no event type.
  return chosen !== null && chosen.score > 0 ? chosen.name : null;
}

/** The name and score of the first field with the highest score, or null when there are none. */
function best(
  fields: readonly InferredField[],
  score: (field: InferredField) => number,
): { name: string; score: number } | null {
  let chosen: { name: string; score: number } | null = null;
  for (const field of fields) {
    const s = score(field);
    if (chosen === null || s > chosen.score) chosen = { name: field.name, score: s };
  }
  return chosen;
}
