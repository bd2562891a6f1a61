/**
 * Cases for the cross-surface property of the built-in processors (`--processor` on the CLI,
 * `RunSession`'s `processor`): seed 000's purchase-path tracker over generated seed 000 streams
 * with channel configs broadcast mid-run, and seed 001's two-action evaluator over generated
 * seed 001 actions with patterns broadcast mid-run; and both surfaces' `result` (and `late`)
 * records brought to one shape.
 */
import fc from "fast-check";
import { generatedText } from "../../../formats/generator/index.ts";
import type { BuiltInProcessorName } from "../../job/index.ts";
import type { RunSession } from "../runSession.ts";
import { driveArb, type SessionDrive } from "./crossSurfaceCases.ts";

/** One processor case: what both surfaces run. */
export interface ProcessorCase {
  readonly processor: BuiltInProcessorName;
  readonly fileName: "events.jsonl" | "events.csv";
  readonly text: string;
  /** Event time on `eventTime` with this out-of-orderness (seed 000 only), or null: by position. */
  readonly delay: number | null;
  readonly parallelism: number;
  readonly broadcast: readonly unknown[];
  readonly drive: SessionDrive;
}

/** Seed 001's actions, views (the commonest) weighted up so that patterns meet them often. */
const ACTIONS = ["view", "view", "view", "add-to-cart", "payment", "remove-from-cart", "login", "logout"];
/** Seed 000's generated stream starts here (the seed's own date). */
const SEED000_START = Date.UTC(2018, 5, 12);

const streamArb = fc.record({
  format: fc.constantFrom<"jsonl" | "csv">("jsonl", "csv"),
  seed: fc.integer({ min: 0, max: 0xffff }),
  events: fc.integer({ min: 3, max: 40 }),
  users: fc.integer({ min: 1, max: 4 }),
  eventsPerSecond: fc.constantFrom(0.05, 1),
  maxOutOfOrdernessMs: fc.integer({ min: 0, max: 5 }).map((s) => s * 1000),
  lateFraction: fc.constantFrom(0, 0.2),
});

/** Where a broadcast record applies: an event position, or a time into the stream. */
const atArb = fc.record({ position: fc.nat({ max: 40 }), offsetMs: fc.nat({ max: 600_000 }) });

const channelConfigArb = fc.record({
  channel: fc.constantFrom("APP", "WEB", "WAP"),
  registerDate: fc.constantFrom("2018-01-01", "2019-01-01"),
  historyPurchaseTimes: fc.integer({ min: 0, max: 2 }),
  maxPurchasePathLength: fc.integer({ min: 1, max: 6 }),
});

const twoActionArb = fc.record({
  firstAction: fc.constantFrom(...ACTIONS),
  secondAction: fc.constantFrom(...ACTIONS),
});

/** Processor cases: either processor, its generated stream, settings and broadcast records. */
export const processorCaseArb: fc.Arbitrary<ProcessorCase> = fc
  .record({
    processor: fc.constantFrom<BuiltInProcessorName>("purchase-path", "two-action"),
    stream: streamArb,
    eventTime: fc.boolean(),
    delay: fc.integer({ min: 0, max: 5000 }),
    parallelism: fc.integer({ min: 1, max: 3 }),
    configs: fc.array(fc.record({ at: atArb, value: channelConfigArb }), { maxLength: 4 }),
    patterns: fc.array(fc.record({ at: atArb, value: twoActionArb }), { maxLength: 3 }),
    drive: driveArb,
  })
  .map(({ processor, stream, eventTime, delay, parallelism, configs, patterns, drive }) => {
    const { format, ...options } = stream;
    const schema = processor === "purchase-path" ? "seed000" : "seed001";
    const text = [...generatedText({ schema, format, ...options })].join("");
    // Seed 001's actions have no time: they run by position.
    const timed = eventTime && schema === "seed000";
    const at = ({ position, offsetMs }: { position: number; offsetMs: number }): number =>
      timed ? SEED000_START + offsetMs : position;
    const records =
      processor === "purchase-path"
        ? configs.map((c) => ({ at: at(c.at), config: c.value }))
        : patterns.map((p) => ({ at: at(p.at), pattern: p.value }));
    return {
      processor,
      fileName: format === "csv" ? "events.csv" : "events.jsonl",
      text,
      delay: timed ? delay : null,
      parallelism,
      broadcast: records.sort((a, b) => a.at - b.at),
      drive,
    };
  });

/** Result and late records, in output order, as JSON texts: the result's fields and subtask. */
export interface ProcessorOutputs {
  readonly results: readonly string[];
  readonly late: readonly string[];
}

/** The CLI's `{"type":"result",…,"subtask":i}` and `late` lines (subtask 0 without `--parallelism`). */
export function cliProcessorOutputs(stdout: string): ProcessorOutputs {
  const results: string[] = [];
  const late: string[] = [];
  for (const text of stdout.split("\n")) {
    if (text === "") continue;
    const { type, subtask = 0, ...fields } = JSON.parse(text) as Record<string, unknown>;
    if (type === "result") results.push(JSON.stringify({ subtask, result: fields }));
    else if (type === "late") late.push(JSON.stringify({ subtask, key: fields.key }));
    else throw new Error(`unexpected output line: ${text}`);
  }
  return { results, late };
}

/** A session's result and late records. */
export function sessionProcessorOutputs(session: RunSession): ProcessorOutputs {
  const all = Number.MAX_SAFE_INTEGER;
  return {
    results: session
      .query("results", 0, all)
      .records.map((r) => JSON.stringify({ subtask: r.subtask, result: r.result })),
    late: session
      .query("late", 0, all)
      .records.map((l) => JSON.stringify({ subtask: l.subtask, key: l.key })),
  };
}
