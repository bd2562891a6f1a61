/**
 * `npm run bench -- --browser --ui [flags]`: the built app's UI thread under load, in headless
 * Chromium (see `uiBenchArgs.ts` for the flags and bench/browser/README.md for the method):
 *
 * 1. `vite build` into node_modules/.cache/cep-bench/app and `vite preview` of it on a free port;
 * 2. the generated CSVs written by `cep-studio generate` into the temporary folder;
 * 3. phase "load" (`loadPhase.ts`) and phase "timeline" (`timelinePhase.ts`), each in a fresh
 *    browser context with the probe (`uiProbe.ts`, bundled here by esbuild) injected;
 * 4. one JSON line per phase, then a table unless `--json`.
 *
 * Exits 1 when the app did not do the work (the file not read whole, rows skipped, no frames),
 * not when a goal is missed: that is a measurement, reported as `goalMet`.
 */
import { build } from "esbuild";
import { cpus, loadavg } from "node:os";
import type { Browser } from "@playwright/test";
import { buildApp, previewApp } from "./appServer.ts";
import { launchChromium } from "./chromium.ts";
import { csvFixture } from "./csvFixture.ts";
import { runLoadPhase } from "./loadPhase.ts";
import { runTimelinePhase } from "./timelinePhase.ts";
import { parseUiBenchArgs, UI_USAGE, type UiBenchOptions } from "./uiBenchArgs.ts";
import { loadRecord, timelineRecord, uiTable, type BenchEnvironment } from "./uiReport.ts";

/** Runs the UI benchmark; resolves to the exit status. */
export async function runUiBench(argv: readonly string[], root: string): Promise<number> {
  const parsed = parseUiBenchArgs(argv);
  if (!parsed.ok) {
    for (const error of parsed.errors) process.stderr.write(`bench --browser --ui: ${error}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(UI_USAGE);
    return 0;
  }
  const outDir = `${root}/node_modules/.cache/cep-bench/app`;
  const probeScript = await bundleProbe(root);
  if (!options.noBuild) {
    progress("building the app (vite build)");
    buildApp(root, outDir);
  }
  const server = await previewApp(root, outDir);
  const browser = await launchChromium();
  const records: Record<string, unknown>[] = [];
  let failures: string[] = [];
  try {
    for (const phase of options.phases) {
      const run = phase === "load" ? runLoad : runTimeline;
      const outcome = await run(browser, server.url, probeScript, options, root);
      records.push(outcome.record);
      process.stdout.write(`${JSON.stringify(outcome.record)}\n`);
      failures = [...failures, ...outcome.failures];
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (!options.json) process.stdout.write(`\n${uiTable(records)}\n`);
  for (const failure of failures) process.stderr.write(`bench --browser --ui: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

interface PhaseOutcome {
  readonly record: Record<string, unknown>;
  /** What the app failed to do (not goals missed). */
  readonly failures: readonly string[];
}

async function runLoad(
  browser: Browser,
  url: string,
  probeScript: string,
  options: UiBenchOptions,
  root: string,
): Promise<PhaseOutcome> {
  const fixture = await csvFixture(root, {
    events: options.loadEvents,
    users: options.users,
    seed: options.seed,
  });
  progress(`load: ${fixture.path} (${String(Math.round(fixture.bytes / 1e5) / 10)} MB)`);
  const loadAvgStart = loadavg()[0] ?? 0;
  const result = await runLoadPhase(browser, url, probeScript, fixture);
  const env = environment(browser, loadAvgStart);
  const failures: string[] = [];
  if (!result.probe.done)
    failures.push(`load: the page did not show the whole file read (${String(result.probe.positionText)})`);
  if (result.probe.failure !== null)
    failures.push(`load: the simulator showed an error: ${result.probe.failure}`);
  if (result.state !== "ready")
    failures.push(`load: the run is '${result.state}' after loading, not 'ready'`);
  if (result.skippedRows !== "") failures.push(`load: rows skipped: ${result.skippedRows}`);
  return {
    record: loadRecord(
      {
        bytes: fixture.bytes,
        events: fixture.events,
        command: fixture.command,
        probe: result.probe,
        baseline: result.baseline,
      },
      env,
    ),
    failures,
  };
}

async function runTimeline(
  browser: Browser,
  url: string,
  probeScript: string,
  options: UiBenchOptions,
  root: string,
): Promise<PhaseOutcome> {
  const fixture = await csvFixture(root, {
    events: options.timelineEvents,
    users: options.users,
    seed: options.seed,
  });
  progress(
    `timeline: ${fixture.path}, played to the end, then ${String(options.timelineSeconds)} s of pan and zoom`,
  );
  const loadAvgStart = loadavg()[0] ?? 0;
  const result = await runTimelinePhase(browser, url, probeScript, fixture, options.timelineSeconds);
  const env = environment(browser, loadAvgStart);
  const failures: string[] = [];
  if (result.busy.frameIntervalsMs.length === 0) failures.push("timeline: no animation frames while panning");
  if (result.busy.redraws === 0) failures.push("timeline: the canvas was never redrawn while panning");
  return {
    record: timelineRecord(
      {
        events: fixture.events,
        command: fixture.command,
        idle: result.idle,
        busy: result.busy,
        matches: countIn(result.matches),
        timeouts: countIn(result.timeouts),
      },
      env,
    ),
    failures,
  };
}

/** The number in a tab label such as `Matches1 234`, or null without one. */
function countIn(label: string): number | null {
  const digits = label.replace(/[^0-9]/g, "");
  return digits === "" ? null : Number(digits);
}

function environment(browser: Browser, loadAvgStart: number): BenchEnvironment {
  return {
    browser: `Chromium ${browser.version()} headless`,
    node: process.version,
    cpus: cpus().length,
    loadAvgStart: Math.round(loadAvgStart * 100) / 100,
    loadAvgEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    date: new Date().toISOString(),
  };
}

/** The probe as one script for Playwright's `addInitScript`. */
async function bundleProbe(root: string): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["bench/browser/uiProbe.ts"],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    target: "es2022",
    legalComments: "none",
    logLevel: "warning",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("esbuild wrote no probe bundle");
  return output.text;
}

function progress(message: string): void {
  process.stderr.write(`bench --browser --ui: ${message}\n`);
}
