/**
 * The generator form's values and what they mean for `src/formats/generator`: every knob of the
 * seeded clickstream, the text options it is written with, and the field mapping of each
 * generated schema. Pure.
 */
import {
  generatedText,
  type GeneratedSchema,
  type GeneratedTextOptions,
} from "../../formats/generator/index.ts";
import { KNOWN_SCHEMAS, type FieldMapping } from "../../runtime/sources/index.ts";
import { countText } from "../format/timeText.ts";

export interface GeneratorSettings {
  readonly schema: GeneratedSchema;
  readonly seed: number;
  readonly users: number;
  readonly events: number;
  /** Events per second of event time. */
  readonly eventsPerSecond: number;
  /** Each event arrives up to this much after its timestamp (0: in order). */
  readonly maxOutOfOrdernessMs: number;
  readonly outOfOrderness: "uniform" | "exponential";
  /** Share of events that arrive later than the out-of-orderness allows. */
  readonly lateFraction: number;
  readonly lateDelayMs: number;
  readonly partitions: number;
  /** Idle cycle (0: never idle) and the quiet stretch at its end. */
  readonly idleEveryMs: number;
  readonly idleForMs: number;
}

/** Defaults; the schema is the seed scenarios', whose rules the app opens with. */
export const DEFAULT_GENERATOR_SETTINGS: GeneratorSettings = {
  schema: "scenarios",
  seed: 46,
  users: 1_000,
  events: 100_000,
  eventsPerSecond: 20,
  maxOutOfOrdernessMs: 0,
  outOfOrderness: "uniform",
  lateFraction: 0,
  lateDelayMs: 60_000,
  partitions: 1,
  idleEveryMs: 0,
  idleForMs: 0,
};

/** The settings that are numbers, each a field of the form. */
export type NumberKnob = {
  [K in keyof GeneratorSettings]: GeneratorSettings[K] extends number ? K : never;
}[keyof GeneratorSettings];

/** The numeric knobs, in the order shown, with their labels and help. */
export const GENERATOR_KNOBS: readonly { key: NumberKnob; label: string; help: string; step?: number }[] = [
  { key: "seed", label: "Seed", help: "The same seed and knobs give the same stream, byte for byte" },
  { key: "users", label: "Users", help: "The key population" },
  { key: "events", label: "Events", help: "How many events to generate" },
  { key: "eventsPerSecond", label: "Rate (events/s)", help: "Events per second of event time", step: 0.1 },
  {
    key: "maxOutOfOrdernessMs",
    label: "Max disorder (ms)",
    help: "Out-of-orderness: each event arrives up to this much after its timestamp",
  },
  {
    key: "lateFraction",
    label: "Late fraction",
    help: "Share of events later than the out-of-orderness",
    step: 0.001,
  },
  {
    key: "lateDelayMs",
    label: "Late delay (ms)",
    help: "How much later than the out-of-orderness late events arrive",
  },
  { key: "partitions", label: "Partitions", help: "Source partitions the users are spread over" },
  {
    key: "idleEveryMs",
    label: "Idle every (ms)",
    help: "Length of an idle cycle of a partition (0: never idle)",
  },
  { key: "idleForMs", label: "Idle for (ms)", help: "The quiet stretch at the end of each idle cycle" },
];

/** The generator's text options (CSV, which the worker reads fastest). */
export function generatedTextOptions(settings: GeneratorSettings): GeneratedTextOptions {
  return { ...settings, format: "csv" };
}

/** Why the generator refuses these settings (naming the knob), or null. */
export function generatorProblem(settings: GeneratorSettings): string | null {
  // An emptied number field reads as NaN.
  const empty = GENERATOR_KNOBS.find((knob) => Number.isNaN(settings[knob.key]));
  if (empty !== undefined) return `${empty.label}: enter a number`;
  try {
    // Options are checked when the text generator is made, before any event is generated.
    generatedText(generatedTextOptions(settings));
    return null;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // The generator names its options (`eventsPerSecond`); the form names its fields.
    return error.message.replace(/\b[a-zA-Z]+\b/g, (word) => KNOB_LABELS.get(word) ?? word);
  }
}

const KNOB_LABELS: ReadonlyMap<string, string> = new Map(GENERATOR_KNOBS.map((k) => [k.key, k.label]));

/** Which known schema each generated schema is, for its field mapping and title. */
const SCHEMA_IDS: Readonly<Record<GeneratedSchema, string>> = {
  rees46: "rees46",
  scenarios: "seed-clickstream",
  seed000: "seed-purchase-path",
  seed001: "seed-actions",
};

/** The generated schema's field mapping and title (a `partition` column does not change them). */
export function generatedSchema(schema: GeneratedSchema): { mapping: FieldMapping; title: string } {
  const known = KNOWN_SCHEMAS.find((s) => s.id === SCHEMA_IDS[schema]);
  if (known === undefined) throw new Error(`no known schema for generated schema ${schema}`);
  return { mapping: known.mapping, title: known.title };
}

/** `generated rees46 · 100 000 events · seed 46`. */
export function generatedName(settings: GeneratorSettings): string {
  return `generated ${settings.schema} · ${countText(settings.events)} events · seed ${settings.seed}`;
}
