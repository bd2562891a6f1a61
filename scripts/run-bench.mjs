#!/usr/bin/env node
/**
 * `npm run bench [-- flags]`: bundles bench/main.ts (and the engine it imports) with esbuild into
 * node_modules/.cache/cep-bench/bench.mjs, then runs it with `node --expose-gc` (heap figures
 * need forced GCs) and a larger old-space limit, passing the flags through. See bench/README.md.
 */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = fileURLToPath(new URL("../node_modules/.cache/cep-bench/bench.mjs", import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ["bench/main.ts"],
  outfile,
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
  ["--expose-gc", "--max-old-space-size=8192", outfile, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exitCode = result.status ?? 1;
