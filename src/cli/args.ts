/**
 * Command-line parsing for `cep-studio run` and `cep-studio convert` (`generate`: see
 * generateArgs.ts, which shares {@link readFlags}): strict (unknown flags,
 * repeated flags, stray arguments and missing values are errors), every problem reported at once.
 */
import { isBuiltInProcessorName, type BuiltInProcessorName } from "../runtime/job/builtInProcessors.ts";
import { isJavaKeyType, JAVA_KEY_TYPES, type JavaKeyType } from "../runtime/javaHashCode.ts";
import { UPPER_BOUND_MAX_PARALLELISM } from "../runtime/keyGroups.ts";

/**
 * How event time advances: bounded out-of-orderness watermarks (`--watermark-interval`,
 * `--idle-timeout`: periodic emission and idleness on the simulated clock), or
 * `{"$watermark": MS}` records.
 */
export type WatermarkMode =
  | {
      readonly type: "bounded";
      readonly delay: number;
      readonly intervalMs?: number | null;
      readonly idleTimeoutMs?: number | null;
    }
  | { readonly type: "explicit" };

export interface RunOptions {
  readonly command: "run";
  /** The rule file; null when rules come only from `--broadcast`, or with `--processor`. */
  readonly pattern: string | null;
  readonly events: string;
  readonly key: string | null;
  readonly bindings: string | null;
  /** Event time from this field; null = processing time. */
  readonly time: {
    readonly field: string;
    readonly watermarks: WatermarkMode;
    readonly finalWatermark: boolean;
    /** `--partitions N`: source partitions with their own watermarks (default 1). */
    readonly partitions?: number;
    /** `--partition-field F`: the field naming an event's partition; null: round-robin. */
    readonly partitionField?: string | null;
  } | null;
  /** Processing time from this field; null with `time` null = the event's position. */
  readonly clock: string | null;
  /** `--broadcast FILE`: the broadcast stream (rule updates, configs, processor records). */
  readonly broadcast: string | null;
  /** `--parallelism N`; null = not given (output records carry no `subtask`). */
  readonly parallelism: number | null;
  /** `--max-parallelism M` (key groups); null = Flink's default 128. */
  readonly maxParallelism: number | null;
  /** `--key-type T`: the Java type keys are hashed as to pick a subtask; default String. */
  readonly keyType: JavaKeyType;
  /** `--processor NAME`: a built-in keyed-broadcast processor instead of CEP rules. */
  readonly processor: BuiltInProcessorName | null;
  /** `--max-partial-matches N`: the per-key partial-match cap of every rule; null = the engine's default. */
  readonly maxPartialMatches: number | null;
}

export type ConvertTarget = "json" | "sql" | "java";

export interface ConvertOptions {
  readonly command: "convert";
  readonly pattern: string;
  readonly to: ConvertTarget;
  readonly bindings: string | null;
}

export type ParsedArgs =
  | { readonly ok: true; readonly options: RunOptions | ConvertOptions | { readonly command: "help" } }
  | { readonly ok: false; readonly errors: readonly string[] };

const RUN_VALUE_FLAGS = [
  "pattern",
  "events",
  "key",
  "bindings",
  "time",
  "out-of-orderness",
  "watermarks",
  "clock",
  "broadcast",
  "parallelism",
  "max-parallelism",
  "key-type",
  "processor",
  "max-partial-matches",
  "partitions",
  "partition-field",
  "watermark-interval",
  "idle-timeout",
];
const RUN_SWITCHES = ["no-final-watermark", "help"];
const CONVERT_VALUE_FLAGS = ["pattern", "to", "bindings"];
const CONVERT_SWITCHES = ["help"];

/** Parses `argv` (without the node and script paths). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined)
    return { ok: false, errors: ["missing command: use 'run', 'convert' or 'generate'"] };
  if (command === "--help" || command === "-h" || command === "help")
    return { ok: true, options: { command: "help" } };
  if (command === "run") return parseRun(rest);
  if (command === "convert") return parseConvert(rest);
  return { ok: false, errors: [`unknown command '${command}': use 'run', 'convert' or 'generate'`] };
}

function parseRun(argv: readonly string[]): ParsedArgs {
  const { values, switches, errors } = readFlags(argv, RUN_VALUE_FLAGS, RUN_SWITCHES);
  if (switches.has("help")) return { ok: true, options: { command: "help" } };
  const processorText = values.get("processor") ?? null;
  const broadcast = values.get("broadcast") ?? null;
  // Rules may come from --broadcast alone; a processor takes no rules at all.
  const pattern =
    processorText === null && broadcast === null
      ? required(values, "pattern", errors)
      : (values.get("pattern") ?? null);
  const events = required(values, "events", errors);
  const timeField = values.get("time") ?? null;
  const delayText = values.get("out-of-orderness");
  const watermarksText = values.get("watermarks");
  const clock = values.get("clock") ?? null;

  let watermarks: WatermarkMode = { type: "bounded", delay: 0 };
  if (watermarksText !== undefined && watermarksText !== "explicit") {
    errors.push(`--watermarks takes 'explicit', not '${watermarksText}'`);
  }
  if (delayText !== undefined) {
    if (!/^\d+$/.test(delayText) || !Number.isSafeInteger(Number(delayText))) {
      errors.push(`--out-of-orderness takes a whole number of milliseconds, not '${delayText}'`);
    } else {
      watermarks = { type: "bounded", delay: Number(delayText) };
    }
    if (watermarksText !== undefined)
      errors.push("--out-of-orderness and --watermarks explicit exclude each other");
  } else if (watermarksText === "explicit") {
    watermarks = { type: "explicit" };
  }
  const source = parseSourceFlags(values, watermarksText === "explicit", errors);
  if (watermarks.type === "bounded" && source !== null)
    watermarks = { ...watermarks, intervalMs: source.intervalMs, idleTimeoutMs: source.idleTimeoutMs };
  if (timeField === null) {
    for (const flag of ["out-of-orderness", "watermarks", ...SOURCE_FLAGS]) {
      if (values.has(flag)) errors.push(`--${flag} needs --time FIELD (it only applies to event time)`);
    }
    if (switches.has("no-final-watermark"))
      errors.push("--no-final-watermark needs --time FIELD (it only applies to event time)");
  } else if (clock !== null) {
    errors.push("--time and --clock exclude each other (event time or processing time)");
  }
  const job = parseJobFlags(values, processorText, errors);
  if (errors.length > 0 || events === null || job === null) return { ok: false, errors };
  return {
    ok: true,
    options: {
      command: "run",
      pattern,
      events,
      // Both built-in processors key their streams by userId, as their jobs do.
      key: values.get("key") ?? (job.processor === null ? null : "userId"),
      bindings: values.get("bindings") ?? null,
      time:
        timeField === null
          ? null
          : {
              field: timeField,
              watermarks,
              finalWatermark: !switches.has("no-final-watermark"),
              // One partition with a field still checks the field (0 is the only partition), as
              // the simulator does.
              ...(source === null || (source.partitions === 1 && source.partitionField === null)
                ? {}
                : { partitions: source.partitions, partitionField: source.partitionField }),
            },
      clock,
      broadcast,
      ...job,
    },
  };
}

/** The event-time source flags, which need `--time` and bounded out-of-orderness. */
const SOURCE_FLAGS = ["partitions", "partition-field", "watermark-interval", "idle-timeout"] as const;

interface SourceFlags {
  readonly partitions: number;
  readonly partitionField: string | null;
  readonly intervalMs: number | null;
  readonly idleTimeoutMs: number | null;
}

/** `--partitions`, `--partition-field`, `--watermark-interval`, `--idle-timeout`. */
function parseSourceFlags(
  values: Map<string, string>,
  explicit: boolean,
  errors: string[],
): SourceFlags | null {
  const before = errors.length;
  const positive = (flag: string, max = Number.MAX_SAFE_INTEGER): number | null => {
    const text = values.get(flag);
    if (text === undefined) return null;
    const n = Number(text);
    if (/^\d+$/.test(text) && n >= 1 && n <= max) return n;
    errors.push(
      `--${flag} takes a whole number from 1${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max}`}, not '${text}'`,
    );
    return null;
  };
  const partitions = positive("partitions", UPPER_BOUND_MAX_PARALLELISM) ?? 1;
  const intervalMs = positive("watermark-interval");
  const idleTimeoutMs = positive("idle-timeout");
  const partitionField = values.get("partition-field") ?? null;
  if (partitionField !== null && !values.has("partitions"))
    errors.push("--partition-field needs --partitions N");
  if (explicit) {
    for (const flag of SOURCE_FLAGS) {
      if (values.has(flag))
        errors.push(`--${flag} and --watermarks explicit exclude each other (it needs generated watermarks)`);
    }
  }
  if (errors.length > before) return null;
  return { partitions, partitionField, intervalMs, idleTimeoutMs };
}

type JobFlags = Pick<
  RunOptions,
  "parallelism" | "maxParallelism" | "keyType" | "processor" | "maxPartialMatches"
>;

/** `--parallelism`, `--max-parallelism`, `--key-type`, `--processor` (and what they exclude). */
function parseJobFlags(
  values: Map<string, string>,
  processorText: string | null,
  errors: string[],
): JobFlags | null {
  const count = (flag: string): number | null => {
    const text = values.get(flag);
    if (text === undefined) return null;
    const n = Number(text);
    if (/^\d+$/.test(text) && n >= 1 && n <= UPPER_BOUND_MAX_PARALLELISM) return n;
    errors.push(`--${flag} takes a whole number from 1 to ${UPPER_BOUND_MAX_PARALLELISM}, not '${text}'`);
    return null;
  };
  const parallelism = count("parallelism");
  const maxParallelism = count("max-parallelism");
  if (values.has("max-parallelism") && !values.has("parallelism"))
    errors.push("--max-parallelism needs --parallelism N");
  if (parallelism !== null && maxParallelism !== null && maxParallelism < parallelism)
    errors.push(`--max-parallelism ${maxParallelism} is smaller than --parallelism ${parallelism}`);
  const keyTypeText = values.get("key-type");
  let keyType: JavaKeyType = "String";
  if (keyTypeText !== undefined) {
    if (isJavaKeyType(keyTypeText)) keyType = keyTypeText;
    else errors.push(`--key-type takes ${JAVA_KEY_TYPES.join(", ")}, not '${keyTypeText}'`);
    if (!values.has("parallelism"))
      errors.push("--key-type needs --parallelism N (it only decides subtasks)");
  }
  const capText = values.get("max-partial-matches");
  let maxPartialMatches: number | null = null;
  if (capText !== undefined) {
    if (/^\d+$/.test(capText) && Number(capText) >= 1 && Number.isSafeInteger(Number(capText)))
      maxPartialMatches = Number(capText);
    else errors.push(`--max-partial-matches takes a whole number of at least 1, not '${capText}'`);
    if (processorText !== null)
      errors.push("--max-partial-matches and --processor exclude each other (a processor runs no rules)");
  }
  let processor: BuiltInProcessorName | null = null;
  if (processorText !== null) {
    if (isBuiltInProcessorName(processorText)) processor = processorText;
    else errors.push(`--processor takes purchase-path or two-action, not '${processorText}'`);
    for (const flag of ["pattern", "bindings"]) {
      if (values.has(flag))
        errors.push(`--${flag} and --processor exclude each other (a processor runs no rules)`);
    }
  }
  if (errors.length > 0) return null;
  return { parallelism, maxParallelism, keyType, processor, maxPartialMatches };
}

function parseConvert(argv: readonly string[]): ParsedArgs {
  const { values, switches, errors } = readFlags(argv, CONVERT_VALUE_FLAGS, CONVERT_SWITCHES);
  if (switches.has("help")) return { ok: true, options: { command: "help" } };
  const pattern = required(values, "pattern", errors);
  const to = required(values, "to", errors);
  if (to !== null && to !== "json" && to !== "sql" && to !== "java") {
    errors.push(`--to takes json, sql or java, not '${to}'`);
  }
  if (errors.length > 0 || pattern === null || to === null) return { ok: false, errors };
  return {
    ok: true,
    options: {
      command: "convert",
      pattern,
      to: to as ConvertTarget,
      bindings: values.get("bindings") ?? null,
    },
  };
}

/** The flags of one command: values by name, switches given, and every problem found. */
export interface Flags {
  readonly values: Map<string, string>;
  readonly switches: Set<string>;
  readonly errors: string[];
}

/** Reads `--name value`, `--name=value` and switches; unknown, repeated and valueless flags are errors. */
export function readFlags(
  argv: readonly string[],
  valueFlags: readonly string[],
  switchFlags: readonly string[],
): Flags {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-h") {
      switches.add("help");
      continue;
    }
    if (!arg.startsWith("--") || arg === "--") {
      errors.push(`unexpected argument '${arg}'`);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (switchFlags.includes(name)) {
      if (eq !== -1) errors.push(`--${name} takes no value`);
      else if (switches.has(name)) errors.push(`--${name} is given twice`);
      switches.add(name);
      continue;
    }
    if (!valueFlags.includes(name)) {
      errors.push(`unknown option --${name}`);
      // `--typo value` is one mistake: its value is not reported again as a stray argument.
      if (eq === -1 && i + 1 < argv.length && !isFlag(argv[i + 1] ?? "")) i++;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !isFlag(argv[i + 1] ?? "")) value = argv[++i];
    if (value === undefined || value === "") {
      errors.push(`--${name} needs a value`);
      continue;
    }
    if (values.has(name)) errors.push(`--${name} is given twice`);
    values.set(name, value);
  }
  return { values, switches, errors };
}

/**
 * A flag, not a value: `-` alone is a value (stdin), and so is a negative number, so that
 * `--out-of-orderness -5` is refused for its value rather than as a flag without one.
 */
function isFlag(arg: string): boolean {
  return arg.startsWith("-") && arg !== "-" && !/^-\d/.test(arg);
}

/** The value of a required flag, or null with a "missing required option" error. */
export function required(values: Map<string, string>, name: string, errors: string[]): string | null {
  const value = values.get(name);
  if (value === undefined) {
    if (!errors.some((e) => e.startsWith(`--${name} `))) errors.push(`missing required option --${name}`);
    return null;
  }
  return value;
}
