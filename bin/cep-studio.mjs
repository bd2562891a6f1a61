#!/usr/bin/env node
// Launcher for the bundled CLI; `npm ci` builds the bundle (the "prepare" script).
import { existsSync } from "node:fs";

const bundle = new URL("../dist-cli/cep-studio.mjs", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    "cep-studio: the CLI is not built (dist-cli/cep-studio.mjs is missing).\n" +
      "Run `npm run build:cli` in the cep-studio folder, then try again.\n",
  );
  process.exit(1);
}
await import(bundle.href);
