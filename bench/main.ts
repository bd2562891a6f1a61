/**
 * Entry point of `npm run bench` (bundled by scripts/run-bench.mjs, run with `node --expose-gc`).
 * See benchArgs.ts for the flags and bench/README.md for what is measured and how.
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import {
  DEFAULT_PATHOLOGICAL_CAP,
  DEFAULT_PATHOLOGICAL_KEYS,
  parseBenchArgs,
  USAGE,
  type BenchOptions,
} from "./benchArgs.ts";
import { EventColumns } from "./eventColumns.ts";
import { measureFloor } from "./floor.ts";
import { canCollectGarbage, toMiB } from "./heap.ts";
import { measurePartialMatchMemory } from "./partialMatchMemory.ts";
import { runMatrix } from "./matrix.ts";
import { formatTable, type RunRecord } from "./report.ts";
import { runWorkload } from "./runWorkload.ts";
import { workloadById, type WorkloadId } from "./workloads.ts";

function main(argv: readonly string[]): number {
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    for (const error of parsed.errors) process.stderr.write(`bench: ${error}\n`);
    process.stderr.write("Try --help.\n");
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.workload !== null) {
    const record = runOne(options, options.workload);
    process.stdout.write(options.json ? `${JSON.stringify(record)}\n` : `${formatTable([record])}\n`);
    return 0;
  }
  return runMatrix(options, fileURLToPath(import.meta.url));
}

/** One run in this process. */
function runOne(options: BenchOptions, id: WorkloadId): RunRecord {
  const workload = workloadById(id);
  const pathological = id === "pathological";
  const keys = options.keys ?? (pathological ? DEFAULT_PATHOLOGICAL_KEYS : 100_000);
  const disorderMs = options.disorder ?? 0;
  const cap = options.cap ?? (pathological ? DEFAULT_PATHOLOGICAL_CAP : null);
  const loadAverage = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const generateStart = performance.now();
  const columns = new EventColumns({
    seed: options.seed,
    users: keys,
    events: options.events,
    eventsPerSecond: options.rate,
    maxOutOfOrdernessMs: disorderMs,
  });
  const generateSeconds = (performance.now() - generateStart) / 1000;
  const run = runWorkload({
    workload,
    columns,
    disorderMs,
    ...(cap === null ? {} : { maxPartialMatches: cap }),
    ...(options.timeouts ? { timeouts: true } : {}),
  });
  // After the timed run, so the throughput figure is not measured on code warmed by this step.
  const floor = pathological ? null : measureFloor(columns);
  const memory =
    pathological || options.memoryKeys === 0 ? null : measurePartialMatchMemory(workload, options.memoryKeys);
  return {
    workload: id,
    keys,
    distinctKeys: columns.distinctKeys,
    events: run.events,
    disorderMs,
    rate: options.rate,
    seed: options.seed,
    eventsPerSec: Math.round(run.eventsPerSec),
    seconds: round3(run.seconds),
    cpuEventsPerSec: Math.round(run.cpuEventsPerSec),
    cpuSeconds: round3(run.cpuSeconds),
    floorEventsPerSec: floor === null ? null : Math.round(floor),
    matches: run.matches,
    timeoutHandling: options.timeouts || workload.readsTimeouts,
    timeouts: run.timeouts,
    late: run.late,
    partialMatchesPeak: run.partialMatchesPeak,
    partialMatchesBeforeFlush: run.partialMatchesBeforeFlush,
    keysBeforeFlush: run.keysBeforeFlush,
    peakHeapMB: toMiB(run.peakHeapBytes),
    baselineHeapMB: toMiB(run.baselineHeapBytes),
    bytesPerPartialMatch: memory?.bytesPerPartialMatch ?? null,
    bytesPerKey: memory?.bytesPerKey ?? null,
    bytesPerExtraRun: memory?.bytesPerExtraRun ?? null,
    maxPartialMatches: cap,
    capWarnings: run.capWarnings,
    capWarningFired: run.capWarnings > 0,
    generateSeconds: round3(generateSeconds),
    gcExposed: canCollectGarbage(),
    loadAverage,
    node: process.version,
    date: new Date().toISOString(),
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// Run only as the bundle's entry point, not when a test imports this module.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
