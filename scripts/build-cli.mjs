#!/usr/bin/env node
/**
 * Bundles the CLI (src/cli/main.ts and everything it imports) into dist-cli/cep-studio.mjs,
 * one self-contained ES module for Node 20+. Runs as `npm run build:cli` and as the "prepare"
 * script, so `npm ci` / `npm install` in a clone builds it (and `npx cep-studio`, which links
 * the local package into npm's npx cache, runs it again there).
 */
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  // Installs without devDependencies (npm ci --omit=dev) must not fail on "prepare".
  console.warn("build-cli: esbuild is not installed (devDependencies omitted?); the CLI was not built.");
  process.exit(0);
}

await esbuild.build({
  absWorkingDir: root,
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist-cli/cep-studio.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
});
