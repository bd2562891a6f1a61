/**
 * Command-line parsing for `cep-studio generate`: every knob checked up front, every problem
 * reported at once (exit 2), so the generator itself never starts with a bad value.
 */
import {
  GENERATED_SCHEMAS,
  type GeneratedFormat,
  type GeneratedSchema,
  type OutOfOrdernessDistribution,
} from "../formats/generator/index.ts";
import { readFlags, required } from "./args.ts";

/** `cep-studio generate` options, defaults filled in. */
export interface GenerateOptions {
  readonly command: "generate";
  readonly seed: number;
  readonly events: number;
  readonly users: number;
  readonly schema: GeneratedSchema;
  readonly format: GeneratedFormat;
  /** Events per second of event time. */
  readonly rate: number;
  readonly outOfOrderness: number;
  readonly disorder: OutOfOrdernessDistribution;
  readonly lateFraction: number;
  readonly partitions: number;
  /** 0 = never idle. */
  readonly idleEvery: number;
  readonly idleFor: number;
}

export type ParsedGenerateArgs =
  | { readonly ok: true; readonly options: GenerateOptions | { readonly command: "help" } }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Defaults, as documented in usage.ts. */
export const GENERATE_DEFAULTS = {
  seed: 1,
  users: 1_000,
  schema: "rees46",
  /** REES46 ≈ 16–26 events/s. */
  rate: 20,
} as const;

const VALUE_FLAGS = [
  "seed",
  "events",
  "users",
  "format",
  "schema",
  "rate",
  "out-of-orderness",
  "disorder",
  "late-fraction",
  "partitions",
  "idle-every",
  "idle-for",
];

/** Parses the arguments after `generate`. */
export function parseGenerateArgs(argv: readonly string[]): ParsedGenerateArgs {
  const { values, switches, errors } = readFlags(argv, VALUE_FLAGS, ["help"]);
  if (switches.has("help")) return { ok: true, options: { command: "help" } };
  const eventsText = required(values, "events", errors);
  const whole = (flag: string, min: number, fallback: number): number => {
    const text = values.get(flag);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (/^\d+$/.test(text) && Number.isSafeInteger(n) && n >= min) return n;
    errors.push(`--${flag} must be a whole number ≥ ${min}, not '${text}'`);
    return fallback;
  };
  const oneOf = <T extends string>(flag: string, allowed: readonly T[], fallback: T): T => {
    const text = values.get(flag);
    if (text === undefined) return fallback;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    errors.push(`--${flag} takes ${allowed.join(", ")}, not '${text}'`);
    return fallback;
  };
  const seed = whole("seed", 0, GENERATE_DEFAULTS.seed);
  const events = eventsText === null ? 0 : whole("events", 0, 0);
  const users = whole("users", 1, GENERATE_DEFAULTS.users);
  const schema = oneOf("schema", GENERATED_SCHEMAS, GENERATE_DEFAULTS.schema);
  // CSV is REES46's own form and the scenarios' rows'; seeds 000 and 001's events are JSON messages.
  const csvFirst = schema === "rees46" || schema === "scenarios";
  const format = oneOf<GeneratedFormat>("format", ["csv", "jsonl"], csvFirst ? "csv" : "jsonl");
  const rateText = values.get("rate");
  let rate: number = GENERATE_DEFAULTS.rate;
  if (rateText !== undefined) {
    rate = Number(rateText);
    if (!/^\d+(\.\d+)?$/.test(rateText) || !(rate > 0) || !Number.isFinite(rate))
      errors.push(`--rate must be a number of events per second > 0, not '${rateText}'`);
  }
  const outOfOrderness = whole("out-of-orderness", 0, 0);
  const disorder = oneOf<OutOfOrdernessDistribution>("disorder", ["uniform", "exponential"], "uniform");
  if (values.has("disorder") && !values.has("out-of-orderness"))
    errors.push("--disorder needs --out-of-orderness MS (the bound it spreads delays under)");
  const lateText = values.get("late-fraction");
  let lateFraction = 0;
  if (lateText !== undefined) {
    lateFraction = Number(lateText);
    if (!/^\d+(\.\d+)?$/.test(lateText) || !(lateFraction <= 1))
      errors.push(`--late-fraction must be a number from 0 to 1, not '${lateText}'`);
  }
  const partitions = whole("partitions", 1, 1);
  const idleEvery = whole("idle-every", 1, 0);
  const idleFor = whole("idle-for", 1, 0);
  if (values.has("idle-every") !== values.has("idle-for"))
    errors.push("--idle-every and --idle-for go together");
  else if (idleEvery > 0 && idleFor >= idleEvery)
    errors.push(`--idle-for (${idleFor}) must be shorter than --idle-every (${idleEvery})`);
  if (errors.length > 0 || eventsText === null) return { ok: false, errors };
  return {
    ok: true,
    options: {
      command: "generate",
      seed,
      events,
      users,
      schema,
      format,
      rate,
      outOfOrderness,
      disorder,
      lateFraction,
      partitions,
      idleEvery,
      idleFor,
    },
  };
}
