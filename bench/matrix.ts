/**
 * The benchmark matrix: Q1, Q2, Q4, Q6 × keys × disorder, then the pathological case. Every run is
 * a fresh Node process (the bench bundle itself, with `--json --workload …`), so runs share neither
 * heap nor JIT feedback. With `--repeat N` each configuration runs N times and the run with the
 * median events/s is reported (its bytes-per-partial-match step runs once, on the first repeat).
 */
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import type { BenchOptions } from "./benchArgs.ts";
import { formatTable, type RunRecord } from "./report.ts";
import { MATRIX_WORKLOADS } from "./workloads.ts";

const MATRIX_KEYS = [100_000, 1_000_000];
const MATRIX_DISORDER = [0, 5_000];

/** Runs the matrix by re-running `script` (the bench bundle); returns the exit status. */
export function runMatrix(options: BenchOptions, script: string): number {
  const configurations: string[][] = [];
  for (const keys of options.keys === null ? MATRIX_KEYS : [options.keys]) {
    for (const disorder of options.disorder === null ? MATRIX_DISORDER : [options.disorder]) {
      for (const workload of MATRIX_WORKLOADS) {
        configurations.push([
          "--workload",
          workload.id,
          "--keys",
          String(keys),
          "--disorder",
          String(disorder),
          "--events",
          String(options.events),
        ]);
      }
    }
  }
  configurations.push([
    "--workload",
    "pathological",
    ...(options.cap === null ? [] : ["--cap", String(options.cap)]),
  ]);
  const common = [
    "--json",
    "--seed",
    String(options.seed),
    "--rate",
    String(options.rate),
    ...(options.timeouts ? ["--timeouts"] : []),
  ];
  const log = (text: string): void => {
    if (!options.json) process.stderr.write(text);
  };
  log(
    `bench: ${configurations.length} configurations × ${options.repeat}, ${options.events} events each, ` +
      `rate ${options.rate}/s, seed ${options.seed}; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}\n`,
  );
  const started = performance.now();
  const records: RunRecord[] = [];
  for (const args of configurations) {
    const repeats: RunRecord[] = [];
    for (let rep = 0; rep < options.repeat; rep++) {
      log(
        `bench: ${args.filter((a) => !a.startsWith("--")).join(" ")}${options.repeat > 1 ? ` #${rep + 1}` : ""} … `,
      );
      const memoryKeys = rep === 0 ? options.memoryKeys : 0;
      const record = runChild(script, [...args, ...common, "--memory-keys", String(memoryKeys)]);
      if (record === null) continue;
      repeats.push(record);
      log(`${record.eventsPerSec} events/s\n`);
    }
    const chosen = median(repeats);
    if (chosen === null) continue;
    records.push(chosen);
    if (options.json) process.stdout.write(`${JSON.stringify(chosen)}\n`);
  }
  if (!options.json) {
    process.stdout.write(`${formatTable(records)}\n`);
    process.stderr.write(`bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  return records.length === configurations.length ? 0 : 1;
}

/** One run in a child process; null (reported) when it fails. */
function runChild(script: string, args: readonly string[]): RunRecord | null {
  const child = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 24,
  });
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !line.startsWith("{")) {
    process.stderr.write(`bench: ${args.join(" ")} failed (exit ${child.status ?? child.signal ?? "?"})\n`);
    return null;
  }
  return JSON.parse(line) as RunRecord;
}

/**
 * The repeat with the median events/s (the lower middle for an even count), carrying every
 * repeat's events/s and the memory figures of the repeat that measured them.
 */
export function median(repeats: readonly RunRecord[]): RunRecord | null {
  if (repeats.length === 0) return null;
  const sorted = repeats.slice().sort((a, b) => a.eventsPerSec - b.eventsPerSec);
  const middle = sorted[(sorted.length - 1) >> 1];
  if (middle === undefined) return null;
  const measured = repeats.find((r) => r.bytesPerPartialMatch !== null);
  return {
    ...middle,
    bytesPerPartialMatch: measured?.bytesPerPartialMatch ?? null,
    bytesPerKey: measured?.bytesPerKey ?? null,
    bytesPerExtraRun: measured?.bytesPerExtraRun ?? null,
    eventsPerSecRuns: repeats.map((r) => r.eventsPerSec),
  };
}
