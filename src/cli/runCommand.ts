/**
 * `cep-studio run`: loads and compiles the rules, then streams the events through one keyed
 * CEP operator and writes matches, timeouts and late records as JSON Lines.
 *
 * Everything that can be checked before the first event is (flags, pattern, bindings,
 * compilation, the events file): a failure there exits 2 with nothing on stdout.
 */
import { CepOperator, CepOperatorError, timerDelaysOf } from "../engine/operator/index.ts";
import type { OperatorOutput } from "../engine/operator/index.ts";
import { createEventReader, eventFormatOf } from "../formats/events/index.ts";
import type { EventFormat } from "../formats/events/index.ts";
import type { RunOptions } from "./args.ts";
import type { CliIo } from "./cliIo.ts";
import { EventFeed } from "./eventFeed.ts";
import { compileRules, loadBindingsFile, loadRuleSet, ruleLabel, systemMessage } from "./loadRules.ts";
import type { CompiledRule, LoadedRules } from "./loadRules.ts";
import { formatOutput } from "./outputFormat.ts";

/** Output is written in chunks of about this many characters. */
const FLUSH_AT = 1 << 16;

/** Runs the command; resolves to the exit status. */
export async function runCommand(options: RunOptions, io: CliIo): Promise<number> {
  const report = (line: string): void => {
    io.writeErr(`${line}\n`);
  };
  const format: EventFormat | null = options.events === "-" ? "jsonl" : eventFormatOf(options.events);
  if (format === null) {
    report(
      `${options.events}: cannot tell the event format from the file name (use .jsonl, .ndjson, .json or .csv, or - for JSON Lines on stdin)`,
    );
    return 2;
  }
  const loaded = await loadRuleSet(io, options.pattern, report);
  const bindings = options.bindings === null ? {} : await loadBindingsFile(io, options.bindings, report);
  if (loaded === null || bindings === null) return 2;
  const compiled = compileRules(loaded, options.pattern, bindings, report);
  if (compiled === null) return 2;

  let lines: AsyncIterable<readonly string[]>;
  try {
    lines = await io.readLines(options.events);
  } catch (error) {
    report(`${options.events}: cannot read the file (${systemMessage(error)})`);
    return 2;
  }
  return streamEvents(options, format, loaded, compiled, lines, io);
}

async function streamEvents(
  options: RunOptions,
  format: EventFormat,
  loaded: LoadedRules,
  compiled: readonly CompiledRule[],
  lines: AsyncIterable<readonly string[]>,
  io: CliIo,
): Promise<number> {
  const report = (line: string): void => {
    io.writeErr(`${line}\n`);
  };
  const file = options.events === "-" ? "<stdin>" : options.events;
  const rules = compiled.map((c) => c.rule);
  // Output goes out in chunks as it is produced: one watermark can emit a lot (the final one
  // flushes everything), and the operator's output callback cannot wait, so chunks are
  // written as they fill and the stream's backpressure is awaited between input batches.
  let pending: string[] = [];
  let pendingSize = 0;
  let lastWrite: Promise<void> = Promise.resolve();
  const writePending = (): void => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    pendingSize = 0;
    lastWrite = io.writeOut(text);
  };
  const operator = new CepOperator({
    rules: compiled.map((c) => ({ nfa: c.nfa, timerDelays: timerDelaysOf(c.rule.pattern) })),
    timeCharacteristic: options.time === null ? "processingTime" : "eventTime",
    output: (output: OperatorOutput) => {
      const text = formatOutput(output, rules);
      pending.push(text);
      pendingSize += text.length;
      if (pendingSize >= FLUSH_AT) writePending();
    },
  });
  const flush = async (): Promise<void> => {
    writePending();
    await lastWrite;
  };
  const feed = new EventFeed({
    file,
    key: options.key,
    time: options.time,
    clock: options.clock,
    operator,
    report,
  });
  const reader = createEventReader(format, (item) => {
    feed.accept(item);
  });

  try {
    for await (const batch of lines) {
      for (const line of batch) {
        reader.pushLine(line);
        if (feed.failed) break;
      }
      if (feed.failed) break;
      await lastWrite;
    }
    if (!feed.failed) reader.end();
    if (feed.failed) {
      await flush();
      return 2;
    }
    feed.finish();
  } catch (error) {
    await flush();
    if (error instanceof CepOperatorError) {
      const rule = rules[error.rule];
      const line = error.event === null ? undefined : feed.lineOf(error.event);
      const where = line === undefined ? file : `${file}:${line}`;
      const label = rule === undefined ? "" : ruleLabel(loaded, rule);
      report(`${where}: error: ${label}${error.message}`);
      return 1;
    }
    if (isSystemError(error)) {
      report(`${file}: cannot read the file (${systemMessage(error)})`);
      return 2;
    }
    throw error;
  }
  await flush();
  return 0;
}

function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}
