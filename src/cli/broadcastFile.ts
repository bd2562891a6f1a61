/**
 * `--broadcast FILE`: the broadcast stream of `cep-studio run`, JSON Lines, one record a line
 * (blank lines are skipped). Every record has `at` and one action:
 *
 * - CEP rules: `{"at":T,"rule":{id,version,pattern,function}}` (add, or update with a higher
 *   version), `{"at":T,"remove":"ID"}`, `{"at":T,"config":{…}}` (the global config conditions
 *   read as `config.x`), `{"at":T,"config":{…},"keyBy":"channel","value":"APP"}` (the config of
 *   events whose `channel` is `APP`);
 * - `--processor purchase-path`: `{"at":T,"config":{channel,registerDate,historyPurchaseTimes,
 *   maxPurchasePathLength}}` (that channel's config);
 * - `--processor two-action`: `{"at":T,"pattern":{firstAction,secondAction}}`.
 *
 * `at` is compared with the event's time: with `--time`/`--clock` epoch milliseconds or a
 * date-time (as the time field), else a 0-based event position. Records must come in `at` order,
 * as a stream's records do. Everything is checked before the first event; each problem is one
 * line `FILE:LINE[:COL]: …`, and any problem makes the run exit 2. A duplicate key is a
 * warning (`warning: FILE:LINE:COL: path: …`); the record keeps the last value, as Jackson
 * reads it. The records are read by the runtime's `BroadcastReader` (`src/runtime/broadcast`),
 * which the app's run sessions share.
 */
import { locateDiagnostics, parseJsonFile } from "../formats/dynamicCep/index.ts";
import type { Diagnostic } from "../formats/dynamicCep/index.ts";
import { duplicateKeyMessage, parseJsonData } from "../formats/json/index.ts";
import { splitLines } from "../text/lineBreaks.ts";
import type { ConditionBindings } from "../model/pattern.ts";
import { BroadcastReader, type BroadcastProblem } from "../runtime/broadcast/index.ts";
import type { BroadcastRecord, BuiltInProcessor } from "../runtime/job/index.ts";
import type { CliIo } from "./cliIo.ts";
import { CLI_BINDING_HINT } from "./conditionCheck.ts";
import type { Report } from "./loadRules.ts";
import { systemMessage } from "./loadRules.ts";

export interface BroadcastFileContext {
  /** The processor the job runs, or null for CEP rules. */
  readonly processor: BuiltInProcessor | null;
  /** Whether `at` is a time (`--time`/`--clock`) rather than a position. */
  readonly timed: boolean;
  readonly bindings: ConditionBindings;
  readonly report: Report;
  /** `--max-partial-matches`: the cap of the rules the stream brings; null = the engine's default. */
  readonly maxPartialMatches: number | null;
}

/** Reads and checks `file`; null (after reporting every problem) when it cannot be used. */
export async function loadBroadcastFile(
  io: CliIo,
  file: string,
  context: BroadcastFileContext,
): Promise<BroadcastRecord[] | null> {
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    context.report(`${file}: cannot read the file (${systemMessage(error)})`);
    return null;
  }
  const reported = new Set<string>();
  const reader = new BroadcastReader({
    processor: context.processor,
    timed: context.timed,
    bindings: context.bindings,
    bindingHint: CLI_BINDING_HINT,
    ...(context.maxPartialMatches === null ? {} : { maxPartialMatches: context.maxPartialMatches }),
    untimed: "without --time or --clock",
    // One warning per record, as `loadRules` gives one per loaded rule (the NFA warns per key).
    onWarning: (rule, { message }, where) => {
      const line = `warning: ${where}: rule '${rule.id}' (version ${rule.version}): ${message}`;
      if (reported.has(line)) return;
      reported.add(line);
      context.report(line);
    },
  });
  const records: BroadcastRecord[] = [];
  let failed = false;
  for (const [index, line] of splitLines(text).entries()) {
    if (line.trim() === "") continue;
    const where = `${file}:${index + 1}`;
    // Big integers as bigint (exact rule ids); configs and ids are read again with digit strings.
    const parsed = parseJsonFile(line, where);
    if (!parsed.ok) {
      failed = true;
      for (const error of parsed.errors) context.report(atLine(where, error));
      continue;
    }
    const exact = parseJsonData(line);
    // The record still loads, with the last value, as Flink's Jackson reads it.
    for (const w of exact.ok ? exact.warnings : []) {
      const message = duplicateKeyMessage(w.key, `column ${w.first.column}`);
      context.report(`warning: ${where}:${w.column}: ${w.path}: ${message}`);
    }
    const read = reader.read(parsed.value, where, exact.ok ? exact.value : parsed.value);
    if (read.ok) {
      records.push(read.record);
      continue;
    }
    failed = true;
    for (const problem of located(line, where, read.problems)) context.report(problem);
  }
  return failed ? null : records;
}

/** The problems of one line as `FILE:LINE[:COL]: …`, a rule's at the value they are about. */
function located(line: string, where: string, problems: readonly BroadcastProblem[]): string[] {
  const onValues = problems.filter((p) => p.showPath);
  const positions = locateDiagnostics(line, where, onValues);
  return problems.map((p) => {
    if (!p.showPath) return `${where}: ${p.message}`;
    return atLine(where, positions[onValues.indexOf(p)] ?? p);
  });
}

/** A diagnostic of a one-line text at `FILE:LINE:COL` (its own line is always 1). */
function atLine(where: string, diagnostic: Diagnostic): string {
  const column = diagnostic.location === undefined ? "" : `:${diagnostic.location.column}`;
  return `${where}${column}: ${diagnostic.path === "" ? "" : `${diagnostic.path}: `}${diagnostic.message}`;
}
