/**
 * The `cep-studio` command line: parses the arguments and runs `run`, `convert` or `generate` against an
 * injected {@link CliIo}, so tests can run it in-process and `main.ts` on real stdio.
 */
import { parseArgs } from "./args.ts";
import type { CliIo } from "./cliIo.ts";
import { convertCommand } from "./convertCommand.ts";
import { parseGenerateArgs } from "./generateArgs.ts";
import { generateCommand } from "./generateCommand.ts";
import { runCommand } from "./runCommand.ts";
import { USAGE } from "./usage.ts";

/** Runs `cep-studio` with `argv` (arguments only); resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = argv[0] === "generate" ? parseGenerateArgs(argv.slice(1)) : parseArgs(argv);
  if (!parsed.ok) {
    // Exactly one stderr line per problem (no trailing usage hint), so scripts can count them.
    for (const error of parsed.errors) io.writeErr(`cep-studio: ${error}\n`);
    return 2;
  }
  const { options } = parsed;
  switch (options.command) {
    case "help":
      await io.writeOut(USAGE);
      return 0;
    case "run":
      return runCommand(options, io);
    case "convert":
      return convertCommand(options, io);
    case "generate":
      return generateCommand(options, io);
  }
}
