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

/** The generator's text options (CSV, which the worker reads fastest). */
export function generatedTextOptions(settings: GeneratorSettings): GeneratedTextOptions {
  return { ...settings, format: "csv" };
}

/** Why the generator refuses these settings (naming the knob), or null. */
export function generatorProblem(settings: GeneratorSettings): string | null {
  try {
    // Options are checked when the text generator is made, before any event is generated.
    generatedText(generatedTextOptions(settings));
    return null;
  } catch (error) {
    if (error instanceof RangeError) return error.message;
    throw error;
  }
}

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
