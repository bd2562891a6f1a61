/**
 * Flags of `npm run bench -- --browser --ui`: strict (unknown or repeated flags and bad numbers
 * are errors, all reported at once), like the other bench flags.
 */

export interface UiBenchOptions {
  /** Events in the large CSV loaded through the Data tab (≈ 135 bytes each: 750 000 ≈ 100 MB). */
  readonly loadEvents: number;
  /** Events in the CSV loaded, played and shown on the Timeline. */
  readonly timelineEvents: number;
  /** Users (keys) of both generated streams. */
  readonly users: number;
  /** Generator seed. */
  readonly seed: number;
  /** How long the Timeline is panned and zoomed, seconds. */
  readonly timelineSeconds: number;
  /** Which phases run. */
  readonly phases: readonly UiPhase[];
  /** Reuse the last build in the cache folder instead of running `vite build`. */
  readonly noBuild: boolean;
  /** JSON lines only (no table). */
  readonly json: boolean;
  readonly help: boolean;
}

export type UiPhase = "load" | "timeline";

export const UI_USAGE = `Usage: npm run bench -- --browser --ui [flags]

Builds the app (vite build, into node_modules/.cache/cep-bench/app), serves it with vite
preview on 127.0.0.1 and drives it in headless Chromium:
  load      a generated REES46 CSV (cep-studio generate) picked in the Data tab: how long until
            the worker has read it all, and how late the page answers input meanwhile
  timeline  a smaller CSV loaded and played to the end, then the Timeline panned and zoomed:
            frames per second

  --load-events N       events in the large CSV             [750000, ≈ 100 MB]
  --timeline-events N   events on the Timeline              [100000]
  --users N             users (keys) of the generated data  [1000]
  --seed S              generator seed                      [46]
  --seconds N           how long the Timeline is panned and zoomed [5]
  --only load|timeline  run one phase
  --no-build            reuse the last build in the cache folder
  --json                JSON lines only, no table
  --help                this text
`;

const VALUE_FLAGS = ["load-events", "timeline-events", "users", "seed", "seconds", "only"] as const;
const SWITCHES = ["no-build", "json", "help"] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** Parses the flags after `--browser --ui`. */
export function parseUiBenchArgs(
  argv: readonly string[],
): { ok: true; options: UiBenchOptions } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const values = new Map<ValueFlag, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const flag = arg.startsWith("--") ? arg.slice(2) : "";
    if ((SWITCHES as readonly string[]).includes(flag)) {
      if (switches.has(flag)) errors.push(`--${flag} given twice`);
      switches.add(flag);
    } else if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) {
        errors.push(`--${flag} needs a value`);
        continue;
      }
      i++;
      if (values.has(flag as ValueFlag)) errors.push(`--${flag} given twice`);
      values.set(flag as ValueFlag, value);
    } else {
      errors.push(`unknown argument '${arg}' (see --help)`);
    }
  }

  const whole = (flag: ValueFlag, min: number, fallback: number): number => {
    const text = values.get(flag);
    if (text === undefined) return fallback;
    const value = Number(text.replaceAll("_", ""));
    if (text.trim() === "" || !Number.isSafeInteger(value) || value < min) {
      errors.push(`--${flag} must be a whole number ≥ ${min}, got '${text}'`);
      return fallback;
    }
    return value;
  };
  const only = values.get("only");
  let phases: readonly UiPhase[] = ["load", "timeline"];
  if (only === "load" || only === "timeline") phases = [only];
  else if (only !== undefined) errors.push(`--only must be load or timeline, got '${only}'`);

  const options: UiBenchOptions = {
    loadEvents: whole("load-events", 1, 750_000),
    timelineEvents: whole("timeline-events", 1, 100_000),
    users: whole("users", 1, 1_000),
    seed: whole("seed", 0, 46),
    timelineSeconds: whole("seconds", 1, 5),
    phases,
    noBuild: switches.has("no-build"),
    json: switches.has("json"),
    help: switches.has("help"),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, options };
}
