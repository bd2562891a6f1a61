/**
 * `npm run bench -- [flags]`: strict flag parsing (unknown or repeated flags and bad numbers are
 * errors, all reported at once).
 *
 * Without `--workload` the whole matrix runs (Q1, Q2, Q4, Q6 × keys × disorder, plus the
 * pathological case and the bytes-per-partial-match step), each run in its own Node process;
 * `--keys` / `--disorder` then narrow the matrix to that value.
 */
import { workloadById, type WorkloadId } from "./workloads.ts";

export interface BenchOptions {
  /** One JSON line per run instead of the table. */
  readonly json: boolean;
  /** A single workload, run in this process; null = the matrix. */
  readonly workload: WorkloadId | null;
  /** User population (keys); null = the matrix's 100 000 and 1 000 000 (1 for `pathological`). */
  readonly keys: number | null;
  readonly events: number;
  /** Watermark delay and generated disorder, ms; null = the matrix's 0 and 5 000. */
  readonly disorder: number | null;
  readonly seed: number;
  /** Events per second of event time. */
  readonly rate: number;
  /** Partial-match cap per key; null = the engine default (the pathological run uses 1 000). */
  readonly cap: number | null;
  /** Keys used by the bytes-per-partial-match step; 0 skips it. */
  readonly memoryKeys: number;
  /** Matrix: runs per configuration (the median events/s is reported). */
  readonly repeat: number;
  /** Read timed-out partial matches in every workload, not only where it asks for them (Q6). */
  readonly timeouts: boolean;
  readonly help: boolean;
}

/** Events per run by default: the full matrix finishes in a few minutes on 2 cores. */
export const DEFAULT_EVENTS = 1_000_000;
/**
 * The pathological run's defaults: one hot key, a cap of 100 runs. Under allowCombinations every
 * take lengthens a run's Dewey number (as in Flink), so the cost per event grows with the runs'
 * length even at the cap: 300 events take seconds, 1 000 events about a minute.
 */
export const DEFAULT_PATHOLOGICAL_EVENTS = 300;
export const DEFAULT_PATHOLOGICAL_KEYS = 1;
export const DEFAULT_PATHOLOGICAL_CAP = 100;
/**
 * Events per second of event time: 1 000 000 events span 10 000 s ≈ 5.6 windows of 30 min, so
 * windows slide (runs time out during the run, not only at the end) and about 170 000 views are
 * inside the window at any time.
 */
export const DEFAULT_RATE = 100;

export const USAGE = `Usage: npm run bench -- [flags]

Without --workload, runs the matrix (Q1 Q2 Q4 Q6 × 100k/1M keys × in order/5 s disorder,
then the pathological case), one Node process per run, and prints a table.

  --workload ID     Q1 | Q2 | Q4 | Q6 | pathological: one run, in this process
  --keys N          user population (keys)               [matrix: 100000 and 1000000; pathological ${DEFAULT_PATHOLOGICAL_KEYS}]
  --events N        events per run                       [${DEFAULT_EVENTS}; pathological ${DEFAULT_PATHOLOGICAL_EVENTS}]
  --disorder MS     bounded out-of-orderness of the stream and the watermark [matrix: 0 and 5000]
  --seed S          generator seed (whole number)        [46]
  --rate N          events per second of event time      [${DEFAULT_RATE}]
  --cap N           partial-match cap per key            [engine default; pathological ${DEFAULT_PATHOLOGICAL_CAP}]
  --memory-keys N   keys for the bytes-per-partial-match step, 0 skips it [20000]
  --repeat N        matrix: run each configuration N times, report the median [1]
  --timeouts        read timed-out partial matches in every workload   [Q6 only]
  --json            one JSON line per run instead of the table
  --help            this text

npm run bench -- --browser [--ui] runs the Web Worker bench (or the UI bench) in Chromium
instead: see bench/README.md.
`;

const VALUE_FLAGS = [
  "workload",
  "keys",
  "events",
  "disorder",
  "seed",
  "rate",
  "cap",
  "memory-keys",
  "repeat",
] as const;
const SWITCHES = ["json", "help", "timeouts"] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** Parses the flags after `npm run bench --`. */
export function parseBenchArgs(
  argv: readonly string[],
): { ok: true; options: BenchOptions } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const values = new Map<ValueFlag, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.startsWith("--") ? splitOnce(arg.slice(2)) : ["", undefined];
    if ((SWITCHES as readonly string[]).includes(flag) && inline === undefined) {
      if (switches.has(flag)) errors.push(`--${flag} given twice`);
      switches.add(flag);
    } else if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) {
        errors.push(`--${flag} needs a value`);
        if (value !== undefined) i--;
        continue;
      }
      if (values.has(flag as ValueFlag)) errors.push(`--${flag} given twice`);
      values.set(flag as ValueFlag, value);
    } else {
      errors.push(`unknown argument '${arg}' (see --help)`);
    }
  }

  const count = (flag: ValueFlag, min: number): number | null => {
    const text = values.get(flag);
    if (text === undefined) return null;
    const value = Number(text.replaceAll("_", ""));
    if (!Number.isSafeInteger(value) || value < min || text.trim() === "") {
      errors.push(`--${flag} must be a whole number ≥ ${min}, got '${text}'`);
      return null;
    }
    return value;
  };
  let workload: WorkloadId | null = null;
  const workloadText = values.get("workload");
  if (workloadText !== undefined) {
    try {
      workload = workloadById(workloadText).id;
    } catch (error) {
      errors.push(`--workload: ${(error as Error).message}`);
    }
  }
  const options: BenchOptions = {
    json: switches.has("json"),
    help: switches.has("help"),
    workload,
    keys: count("keys", 1),
    events:
      count("events", 1) ?? (workload === "pathological" ? DEFAULT_PATHOLOGICAL_EVENTS : DEFAULT_EVENTS),
    disorder: count("disorder", 0),
    seed: count("seed", 0) ?? 46,
    rate: count("rate", 1) ?? DEFAULT_RATE,
    cap: count("cap", 1),
    memoryKeys: count("memory-keys", 0) ?? 20_000,
    repeat: count("repeat", 1) ?? 1,
    timeouts: switches.has("timeouts"),
  };
  if (options.workload !== null && options.repeat > 1)
    errors.push("--repeat applies to the matrix only (leave out --workload)");
  return errors.length > 0 ? { ok: false, errors } : { ok: true, options };
}

function splitOnce(text: string): [string, string | undefined] {
  const eq = text.indexOf("=");
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}
