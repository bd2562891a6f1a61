/**
 * `cep-studio run`: loads and compiles the rules (or picks a built-in processor), reads the
 * broadcast stream, then streams the events through a simulated keyed job (`StreamJob`: keyBy,
 * parallel subtasks, broadcast state) and writes its outputs as JSON Lines.
 *
 * Everything that can be checked before the first event is (flags, pattern, bindings,
 * compilation, the broadcast file, the events file): a failure there exits 2 with nothing on
 * stdout.
 */
import { createEventReader, eventFormatOf } from "../formats/events/index.ts";
import type { EventFormat } from "../formats/events/index.ts";
import type { ConditionBindings } from "../model/pattern.ts";
import { BUILT_IN_PROCESSORS, StreamJob, StreamJobError } from "../runtime/job/index.ts";
import { EventFeed } from "../runtime/session/eventFeed.ts";
import type { BroadcastRecord, JobLogic, JobOutput } from "../runtime/job/index.ts";
import type { RunOptions } from "./args.ts";
import { loadBroadcastFile } from "./broadcastFile.ts";
import type { CliIo } from "./cliIo.ts";
import { compileRules, loadBindingsFile, loadRuleSet, ruleLabel, systemMessage } from "./loadRules.ts";
import type { LoadedRules } from "./loadRules.ts";
import { formatJobOutput } from "./outputFormat.ts";
import { RowWarnings } from "./rowWarnings.ts";

/** Output is written in chunks of about this many characters. */
const FLUSH_AT = 1 << 16;

/** What the run needs once everything before the first event checked out. */
interface Prepared {
  readonly logic: JobLogic;
  readonly loaded: LoadedRules | null;
  readonly broadcast: readonly BroadcastRecord[];
}

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
  }
  // The rule files are checked even when the events file name is wrong: every problem at once.
  const prepared = await prepare(options, io, report);
  if (prepared === null || format === null) return 2;

  let chunks: AsyncIterable<string>;
  try {
    chunks = await io.readChunks(options.events);
  } catch (error) {
    report(`${options.events}: cannot read the file (${systemMessage(error)})`);
    return 2;
  }
  return streamEvents(options, format, prepared, chunks, io);
}

/** Rules or processor, bindings and broadcast stream; null (after reporting) on any problem. */
async function prepare(
  options: RunOptions,
  io: CliIo,
  report: (line: string) => void,
): Promise<Prepared | null> {
  const processor = options.processor === null ? null : BUILT_IN_PROCESSORS[options.processor];
  let loaded: LoadedRules | null = null;
  let bindings: ConditionBindings | null = {};
  let logic: JobLogic | null = processor === null ? null : { type: "processor", processor };
  if (processor === null) {
    loaded =
      options.pattern === null
        ? { rules: [], shape: "rules" }
        : await loadRuleSet(io, options.pattern, report);
    bindings = options.bindings === null ? {} : await loadBindingsFile(io, options.bindings, report);
    if (loaded === null || bindings === null) return null;
    const compiled = compileRules(loaded, options.pattern ?? "", bindings, report, options.maxPartialMatches);
    if (compiled === null) return null;
    logic = { type: "cep", rules: compiled };
  }
  let broadcast: BroadcastRecord[] | null = [];
  if (options.broadcast !== null) {
    broadcast = await loadBroadcastFile(io, options.broadcast, {
      processor,
      timed: options.time !== null || options.clock !== null,
      bindings,
      report,
      maxPartialMatches: options.maxPartialMatches,
    });
  }
  if (logic === null || broadcast === null) return null;
  return { logic, loaded, broadcast };
}

async function streamEvents(
  options: RunOptions,
  format: EventFormat,
  prepared: Prepared,
  chunks: AsyncIterable<string>,
  io: CliIo,
): Promise<number> {
  const report = (line: string): void => {
    io.writeErr(`${line}\n`);
  };
  const file = options.events === "-" ? "<stdin>" : options.events;
  // Output goes out in chunks as it is produced: one watermark can emit a lot (the final one
  // flushes everything), and the job's output callback cannot wait, so chunks are written as
  // they fill and the stream's backpressure is awaited between input batches.
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
  const withSubtask = options.parallelism !== null;
  const job = new StreamJob({
    logic: prepared.logic,
    timeCharacteristic: options.time === null ? "processingTime" : "eventTime",
    parallelism: options.parallelism ?? 1,
    ...(options.maxParallelism === null ? {} : { maxParallelism: options.maxParallelism }),
    keyType: options.keyType,
    sourcePartitions: options.time?.partitions ?? 1,
    broadcast: prepared.broadcast,
    output: (output: JobOutput) => {
      const text = formatJobOutput(output, withSubtask);
      pending.push(text);
      pendingSize += text.length;
      if (pendingSize >= FLUSH_AT) writePending();
    },
    onRejected: (message, record) => {
      report(`${record.source ?? options.broadcast ?? ""}: warning: ${message}`);
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
    operator: job,
    report,
  });
  const rowWarnings = new RowWarnings(file, report);
  const reader = createEventReader(format, (item) => {
    if (item.type === "event" && item.warning !== undefined) rowWarnings.add(item.line, item.warning);
    feed.accept(item);
  });

  try {
    for await (const chunk of chunks) {
      reader.push(chunk);
      if (feed.failed) break;
      await lastWrite;
    }
    if (!feed.failed) reader.end();
    rowWarnings.finish();
    if (feed.failed) {
      await flush();
      return 2;
    }
    // The broadcast stream ends too: records after the last event apply before the final watermark.
    job.drainBroadcast();
    feed.finish();
  } catch (error) {
    await flush();
    if (error instanceof StreamJobError) {
      const line = error.event === null ? undefined : feed.lineOf(error.event);
      const where = line === undefined ? file : `${file}:${line}`;
      report(`${where}: error: ${label(prepared, error.rule)}${error.message}`);
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

/** Names the rule in an error when more than one rule (version) may be running. */
function label(prepared: Prepared, rule: StreamJobError["rule"]): string {
  const { loaded, broadcast } = prepared;
  if (loaded === null) return "";
  const dynamic = broadcast.some((r) => r.action.type === "rule");
  return dynamic ? `rule '${rule.id}' (version ${rule.version}): ` : ruleLabel(loaded, rule);
}

function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}
