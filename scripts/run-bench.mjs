#!/usr/bin/env node
/**
 * `npm run bench [-- flags]`: bundles bench/main.ts (and the engine it imports) with esbuild into
 * node_modules/.cache/cep-bench/bench.mjs, then runs it with `node --expose-gc` (heap figures
 * need forced GCs) and a larger old-space limit, passing the flags through. See bench/README.md.
 *
 * `npm run bench -- --browser [flags]` instead bundles bench/browser/browserBench.ts, which builds
 * the bench page, serves it on 127.0.0.1 and drives Debian's Chromium with Playwright.
 */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const browser = args.includes("--browser");
const entry = browser ? "bench/browser/browserBench.ts" : "bench/main.ts";
const outfile = fileURLToPath(
  new URL(`../node_modules/.cache/cep-bench/${browser ? "browser-bench" : "bench"}.mjs`, import.meta.url),
);

await build({
  absWorkingDir: root,
  entryPoints: [entry],
  outfile,
  // Playwright and esbuild stay packages (they load their own binaries and files).
  external: ["@playwright/test", "playwright", "playwright-core", "esbuild"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
});

const result = spawnSync(
  process.execPath,
  ["--expose-gc", "--max-old-space-size=8192", outfile, ...args.filter((a) => a !== "--browser")],
  { stdio: "inherit" },
);
process.exitCode = result.status ?? 1;
