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
 * line `FILE:LINE[:COL]: …`, and any problem makes the run exit 2.
 */
import { compilePattern, MalformedPatternError } from "../engine/index.ts";
import { parseEventTime } from "../formats/events/index.ts";
import { importRule, locateDiagnostics, parseJsonFile } from "../formats/dynamicCep/index.ts";
import type { Diagnostic } from "../formats/dynamicCep/index.ts";
import { parseJsonData } from "../formats/json/index.ts";
import type { ConditionBindings } from "../model/pattern.ts";
import type { BuiltInProcessor } from "../runtime/job/index.ts";
import type { BroadcastAction, BroadcastRecord } from "../runtime/job/index.ts";
import { readConfigKey } from "../runtime/job/broadcastConfigs.ts";
import { RecordFormatError } from "../runtime/processors/recordFields.ts";
import type { CliIo } from "./cliIo.ts";
import type { Report } from "./loadRules.ts";
import { systemMessage } from "./loadRules.ts";

export interface BroadcastFileContext {
  /** The processor the job runs, or null for CEP rules. */
  readonly processor: BuiltInProcessor | null;
  /** Whether `at` is a time (`--time`/`--clock`) rather than a position. */
  readonly timed: boolean;
  readonly bindings: ConditionBindings;
  readonly report: Report;
}

const CEP_ACTIONS = ["rule", "remove", "config"] as const;
/** What a CEP config record may carry besides its config: the event field it is keyed by. */
const CONFIG_KEY_FIELDS = ["keyBy", "value"];

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
  const records: BroadcastRecord[] = [];
  let failed = false;
  let previous: BroadcastRecord | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const where = `${file}:${index + 1}`;
    const problems: string[] = [];
    const record = readRecord(line, where, context, problems);
    if (record !== null && previous !== undefined && record.at < previous.at) {
      problems.push(
        `${where}: at ${record.at} comes before the previous record's at ${previous.at} (broadcast records must be in order)`,
      );
    }
    if (record === null || problems.length > 0) {
      failed = true;
      for (const problem of problems) context.report(problem);
      continue;
    }
    records.push(record);
    previous = record;
  }
  return failed ? null : records;
}

function readRecord(
  line: string,
  where: string,
  context: BroadcastFileContext,
  problems: string[],
): BroadcastRecord | null {
  // Big integers as bigint (exact rule ids); configs are read again below with digit strings.
  const parsed = parseJsonFile(line, where);
  if (!parsed.ok) {
    for (const error of parsed.errors) problems.push(atLine(where, error));
    return null;
  }
  const json = parsed.value;
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    problems.push(`${where}: a broadcast record must be a JSON object {"at": …, …}`);
    return null;
  }
  const record = json as Record<string, unknown>;
  const allowed: readonly string[] =
    context.processor === null ? CEP_ACTIONS : [context.processor.broadcastField];
  const keyFields = context.processor === null ? CONFIG_KEY_FIELDS : [];
  const present = Object.keys(record).filter((k) => k !== "at" && !keyFields.includes(k));
  const unknown = present.filter((k) => !allowed.includes(k));
  const actions = present.filter((k) => allowed.includes(k));
  if (unknown.length > 0 || actions.length !== 1) {
    const shapes = allowed.map((k) => `"${k}"`).join(", ");
    const detail =
      unknown.length > 0
        ? `unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}`
        : `${actions.length} actions`;
    problems.push(`${where}: a broadcast record has "at" and exactly one of ${shapes} (${detail})`);
    return null;
  }
  const at = readAt(record.at, where, context.timed, problems);
  let action = readAction(actions[0] as string, line, where, context, problems);
  if (keyFields.some((k) => k in record)) {
    const key = readConfigKey(record);
    if (!key.ok) problems.push(`${where}: ${key.message}`);
    else if (action?.type !== "config") {
      if (action !== null) problems.push(`${where}: "keyBy" and "value" only go with "config"`);
    } else if (key.key !== undefined) action = { ...action, key: key.key };
    if (!key.ok || (action !== null && action.type !== "config")) return null;
  }
  if (at === null || action === null) return null;
  return { at, action, source: where };
}

function readAt(value: unknown, where: string, timed: boolean, problems: string[]): number | null {
  if (value === undefined) {
    problems.push(`${where}: missing "at"`);
    return null;
  }
  if (!timed) {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
    problems.push(`${where}: "at" must be an event position (a whole number ≥ 0) without --time or --clock`);
    return null;
  }
  const time = parseEventTime(typeof value === "bigint" ? Number(value) : value, "at");
  if (time.ok) return time.millis;
  problems.push(`${where}: ${time.message}`);
  return null;
}

function readAction(
  field: string,
  line: string,
  where: string,
  context: BroadcastFileContext,
  problems: string[],
): BroadcastAction | null {
  const exact = parseJsonData(line);
  const value = exact.ok ? (exact.value as Record<string, unknown>)[field] : undefined;
  if (context.processor !== null) {
    try {
      return { type: "element", value: context.processor.readBroadcast(value, `${where}: ${field}`) };
    } catch (error) {
      if (!(error instanceof RecordFormatError)) throw error;
      problems.push(error.message);
      return null;
    }
  }
  if (field === "remove") {
    if (typeof value === "string" && value !== "") return { type: "remove", id: value };
    if (typeof value === "number" && Number.isSafeInteger(value))
      return { type: "remove", id: String(value) };
    problems.push(`${where}: "remove" takes a rule id (text or a whole number)`);
    return null;
  }
  if (field === "config") {
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return { type: "config", config: value as Record<string, unknown> };
    problems.push(`${where}: "config" must be a JSON object`);
    return null;
  }
  return readRuleAction(line, where, context, problems);
}

function readRuleAction(
  line: string,
  where: string,
  context: BroadcastFileContext,
  problems: string[],
): BroadcastAction | null {
  const parsed = parseJsonFile(line, where);
  if (!parsed.ok) return null;
  const imported = importRule((parsed.value as Record<string, unknown>).rule, "rule");
  if (!imported.ok) {
    for (const error of locateDiagnostics(line, where, imported.errors)) problems.push(atLine(where, error));
    return null;
  }
  const rule = imported.value;
  let warned = false;
  try {
    const nfa = compilePattern(rule.pattern, {
      bindings: context.bindings,
      onWarning: (warning) => {
        if (warned) return;
        warned = true;
        context.report(`warning: ${where}: rule '${rule.id}' (version ${rule.version}): ${warning.message}`);
      },
    });
    return { type: "rule", rule: { rule, nfa } };
  } catch (error) {
    if (error instanceof MalformedPatternError) {
      for (const d of error.diagnostics) {
        const stage = d.stage === null || d.message.includes(`'${d.stage}'`) ? "" : `stage '${d.stage}': `;
        problems.push(`${where}: rule.pattern${d.path === "" ? "" : `.${d.path}`}: ${stage}${d.message}`);
      }
    } else {
      problems.push(
        `${where}: rule '${rule.id}' (version ${rule.version}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return null;
  }
}

/** A diagnostic of a one-line text at `FILE:LINE:COL` (its own line is always 1). */
function atLine(where: string, diagnostic: Diagnostic): string {
  const column = diagnostic.location === undefined ? "" : `:${diagnostic.location.column}`;
  return `${where}${column}: ${diagnostic.path === "" ? "" : `${diagnostic.path}: `}${diagnostic.message}`;
}
