/**
 * Entry point of the `cep-studio` binary (bundled to dist-cli/cep-studio.mjs by
 * scripts/build-cli.mjs, started by bin/cep-studio.mjs).
 */
import process from "node:process";
import { runCli } from "./cli.ts";
import { createNodeIo } from "./cliIo.ts";

// A closed pipe (`cep-studio run … | head`) ends the run quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const io = createNodeIo(process.stdin, process.stdout, process.stderr);
runCli(process.argv.slice(2), io).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `cep-studio: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
