/**
 * `cep-studio generate`: a seeded synthetic stream (REES46, seed 000 or seed 001 schema) on
 * stdout. The text comes from the pure generator in chunks of whole lines and each chunk waits
 * for stdout to drain, so ten million events stream in constant memory; the same arguments
 * always write the same bytes.
 */
import { generatedText } from "../formats/generator/index.ts";
import type { CliIo } from "./cliIo.ts";
import type { GenerateOptions } from "./generateArgs.ts";

/** Runs the command; resolves to the exit status. */
export async function generateCommand(options: GenerateOptions, io: CliIo): Promise<number> {
  let text: Iterable<string>;
  try {
    text = generatedText({
      schema: options.schema,
      format: options.format,
      seed: options.seed,
      events: options.events,
      users: options.users,
      eventsPerSecond: options.rate,
      maxOutOfOrdernessMs: options.outOfOrderness,
      outOfOrderness: options.disorder,
      lateFraction: options.lateFraction,
      partitions: options.partitions,
      idleEveryMs: options.idleEvery,
      idleForMs: options.idleFor,
    });
  } catch (error) {
    // The arguments are checked already; this is a combination the generator refuses.
    if (!(error instanceof RangeError)) throw error;
    io.writeErr(`cep-studio: generate: ${error.message}\n`);
    return 2;
  }
  for (const chunk of text) await io.writeOut(chunk);
  return 0;
}
