/**
 * `npm run bench -- --browser [--events N] [--keys N] [--seed S] [--rate N] [--disorder MS]`:
 * the Q1 workload through the app's `WorkerHost` in a real Web Worker of Debian's Chromium
 * (headless, driven by Playwright), compared with the same code in Node. Prints one JSON line.
 *
 * Steps: bundle the bench page and its worker with esbuild (`page.js`, `worker.js`); serve them
 * on 127.0.0.1 (a free port); run the same host workload in this Node process first (while the
 * browser is not running, so they do not share the 2 cores); launch Chromium with the flags of
 * `playwright.config.ts`, open the page and wait for `window.benchResult`.
 *
 * `npm run bench -- --browser --ui [flags]` measures the built app's UI instead (`uiBench.ts`).
 */
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseBenchArgs } from "../benchArgs.ts";
import { launchChromium } from "./chromium.ts";
import { prepareHostRun, type HostRunSettings } from "./hostRun.ts";
import type { PageResult } from "./messages.ts";
import { runUiBench } from "./uiBench.ts";

/** Longest a browser run may take. */
const PAGE_TIMEOUT_MS = 10 * 60 * 1000;

/** The project root: `npm run` runs scripts there (this file runs bundled, from node_modules/.cache). */
const root = process.cwd();
const outDir = `${root}/node_modules/.cache/cep-bench/browser`;

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--ui"))
    return runUiBench(
      argv.filter((arg) => arg !== "--ui"),
      root,
    );
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    for (const error of parsed.errors) process.stderr.write(`bench --browser: ${error}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.workload !== null && options.workload !== "Q1") {
    process.stderr.write("bench --browser: only --workload Q1 is run in the browser\n");
    return 2;
  }
  const settings: HostRunSettings = {
    workload: "Q1",
    events: argv.includes("--events") ? options.events : 500_000,
    keys: options.keys ?? 100_000,
    seed: options.seed,
    rate: options.rate,
    disorderMs: options.disorder ?? 0,
  };

  await buildPage();
  const node = await prepareHostRun(settings).play();
  const server = await serve();
  try {
    const page = await runInBrowser(server, settings);
    const record = {
      workload: "Q1",
      runtime: "browser-worker",
      eventsPerSec: Math.round(page.worker.eventsPerSec),
      fps: round1(page.fps),
      nodeEventsPerSec: Math.round(node.eventsPerSec),
      ratioToNode: Math.round((page.worker.eventsPerSec / node.eventsPerSec) * 1000) / 1000,
      idleFps: round1(page.idleFps),
      longestFrameMs: round1(page.longestFrameMs),
      frames: page.frames,
      summariesReceived: page.summariesReceived,
      events: page.worker.events,
      keys: settings.keys,
      seed: settings.seed,
      rate: settings.rate,
      disorderMs: settings.disorderMs,
      seconds: round3(page.worker.seconds),
      nodeSeconds: round3(node.seconds),
      matches: page.worker.matches,
      nodeMatches: node.matches,
      timeouts: page.worker.timeouts,
      browser: page.userAgent,
      node: process.version,
      date: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(record)}\n`);
    return page.worker.matches === node.matches ? 0 : 1;
  } finally {
    server.close();
  }
}

async function buildPage(): Promise<void> {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    minify: false,
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
  } as const;
  await build({ ...common, entryPoints: ["bench/browser/page.ts"], outfile: `${outDir}/page.js` });
  await build({ ...common, entryPoints: ["bench/browser/benchWorker.ts"], outfile: `${outDir}/worker.js` });
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  "/": "text/html; charset=utf-8",
  "/page.js": "text/javascript",
  "/worker.js": "text/javascript",
  "/page.js.map": "application/json",
  "/worker.js.map": "application/json",
};

/** Serves index.html and the two bundles on 127.0.0.1, on a free port. */
async function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const type = CONTENT_TYPES[path];
    if (type === undefined) {
      response.writeHead(404).end();
      return;
    }
    const file = path === "/" ? `${root}/bench/browser/index.html` : `${outDir}${path}`;
    readFile(file).then(
      (body) => response.writeHead(200, { "content-type": type }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

async function runInBrowser(server: Server, settings: HostRunSettings): Promise<PageResult> {
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const query = new URLSearchParams({
      events: String(settings.events),
      keys: String(settings.keys),
      seed: String(settings.seed),
      rate: String(settings.rate),
      disorder: String(settings.disorderMs),
    });
    await page.goto(`http://127.0.0.1:${port}/?${query.toString()}`);
    await page.waitForFunction(
      () => {
        const w = globalThis as { benchResult?: unknown; benchError?: unknown };
        return w.benchResult !== undefined || w.benchError !== undefined;
      },
      undefined,
      { timeout: PAGE_TIMEOUT_MS, polling: 500 },
    );
    const outcome = await page.evaluate(() => {
      const w = globalThis as { benchResult?: unknown; benchError?: unknown };
      return { result: w.benchResult, error: w.benchError };
    });
    if (typeof outcome.error === "string") throw new Error(`the bench page failed: ${outcome.error}`);
    return outcome.result as PageResult;
  } finally {
    await browser.close();
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench --browser: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
