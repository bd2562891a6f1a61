/**
 * Broadcast stream records, read and checked: the records of `cep-studio run --broadcast FILE`
 * (one a line) and of a run session's `loadBroadcast` (JSON values) — the same rules for both.
 * Every record has `at` and one action:
 *
 * - CEP rules: `{"at":T,"rule":{id,version,pattern,function}}` (add, or update with a higher
 *   version), `{"at":T,"remove":"ID"}`, `{"at":T,"config":{…}}` (the global config conditions
 *   read as `config.x`), `{"at":T,"config":{…},"keyBy":"channel","value":"APP"}` (the config of
 *   events whose `channel` is `APP`);
 * - a built-in processor: its broadcast field (`config` for purchase-path, `pattern` for
 *   two-action), read by the processor.
 *
 * `at` is compared with the event's time: with event time or a clock field, epoch milliseconds
 * or a date-time (as the time field), else a 0-based event position. Records must come in `at`
 * order, as a stream's records do. A rule record's pattern is imported and compiled here, so a
 * bad rule is found before the first event. Problems carry the JSON path of the value they are
 * about, inside the record; the caller says which record (`FILE:LINE`, `records[3]`).
 */
import {
  compilePattern,
  ConditionError,
  MalformedPatternError,
  patternConditionProblems,
  type EngineWarning,
} from "../../engine/index.ts";
import { parseEventTime } from "../../formats/events/index.ts";
import { importRule } from "../../formats/dynamicCep/index.ts";
import type { ConditionBindings, Rule } from "../../model/pattern.ts";
import { readConfigKey } from "../job/broadcastConfigs.ts";
import type { BuiltInProcessor } from "../job/builtInProcessors.ts";
import type { BroadcastAction, BroadcastRecord } from "../job/jobTypes.ts";
import { RecordFormatError } from "../processors/recordFields.ts";

export interface BroadcastReadContext {
  /** The processor the job runs, or null for CEP rules. */
  readonly processor: BuiltInProcessor | null;
  /** Whether `at` is a time (event time or a clock field) rather than a position. */
  readonly timed: boolean;
  readonly bindings: ConditionBindings;
  /**
   * What the message of a condition class without a binding tells the user to do (the engine's
   * "add one to the binding table" if absent).
   */
  readonly bindingHint?: string;
  /** The per-key partial-match cap rule records compile with; engine default if absent. */
  readonly maxPartialMatches?: number;
  /** How the reader's user names "no time and no clock" (`without --time or --clock`). */
  readonly untimed: string;
  /**
   * A compiler warning of a rule record (it may come while the rule runs, e.g. the partial-match
   * cap, once per key that hits it); `source` as given to {@link BroadcastReader.read}.
   */
  readonly onWarning?: (rule: Rule, warning: EngineWarning, source: string) => void;
}

/** One problem of a record. */
export interface BroadcastProblem {
  /** JSON path of the value it is about, inside the record ("" for the record itself). */
  readonly path: string;
  readonly message: string;
  /**
   * True when the message does not say which value it is about, so it reads `path: message`
   * (a rule's import and compile problems); the other messages name their field.
   */
  readonly showPath: boolean;
}

/** A record read: the record, or every problem found. */
export type BroadcastReadResult =
  | { readonly ok: true; readonly record: BroadcastRecord }
  | { readonly ok: false; readonly problems: readonly BroadcastProblem[] };

const CEP_ACTIONS = ["rule", "remove", "config"] as const;
/** What a CEP config record may carry besides its config: the event field it is keyed by. */
const CONFIG_KEY_FIELDS = ["keyBy", "value"];

/** Reads a stream's records one after the other, checking that they come in `at` order. */
export class BroadcastReader {
  private previous: BroadcastRecord | undefined;

  constructor(private readonly context: BroadcastReadContext) {}

  /**
   * Reads one record. `json` is its JSON value (integers beyond 2^53 may be `bigint`, read as
   * exact rule ids); `exact`, when given, the same record with such integers as digit strings,
   * which the config, `remove` and processor values are taken from. `source` names the record
   * in the job's messages (`FILE:LINE`).
   */
  read(json: unknown, source: string, exact: unknown = json): BroadcastReadResult {
    const problems: BroadcastProblem[] = [];
    const record = this.readRecord(json, exact, source, problems);
    const previous = this.previous;
    if (record !== null && previous !== undefined && record.at < previous.at) {
      problems.push(
        problem(
          "at",
          `at ${record.at} comes before the previous record's at ${previous.at} (broadcast records must be in order)`,
        ),
      );
    }
    if (record === null || problems.length > 0) return { ok: false, problems };
    this.previous = record;
    return { ok: true, record };
  }

  private readRecord(
    json: unknown,
    exact: unknown,
    source: string,
    problems: BroadcastProblem[],
  ): BroadcastRecord | null {
    const { context } = this;
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      problems.push(problem("", `a broadcast record must be a JSON object {"at": …, …}`));
      return null;
    }
    const record = json as Record<string, unknown>;
    const allowed: readonly string[] =
      context.processor === null ? CEP_ACTIONS : [context.processor.broadcastField];
    const keyFields = context.processor === null ? CONFIG_KEY_FIELDS : [];
    const present = Object.keys(record).filter((k) => k !== "at" && !keyFields.includes(k));
    const unknown = present.filter((k) => !allowed.includes(k));
    const actions = present.filter((k) => allowed.includes(k));
    const field = actions[0];
    if (unknown.length > 0 || actions.length !== 1 || field === undefined) {
      const shapes = allowed.map((k) => `"${k}"`).join(", ");
      const detail =
        unknown.length > 0
          ? `unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}`
          : `${actions.length} actions`;
      problems.push(problem("", `a broadcast record has "at" and exactly one of ${shapes} (${detail})`));
      return null;
    }
    const at = this.readAt(record.at, problems);
    const exactValue = isObject(exact) ? exact[field] : record[field];
    let action = this.readAction(field, record[field], exactValue, source, problems);
    if (keyFields.some((k) => k in record)) {
      const key = readConfigKey(record);
      if (!key.ok) problems.push(problem("keyBy" in record ? "keyBy" : "value", key.message));
      else if (action?.type !== "config") {
        if (action !== null) problems.push(problem("keyBy", `"keyBy" and "value" only go with "config"`));
      } else if (key.key !== undefined) action = { ...action, key: key.key };
      if (!key.ok || (action !== null && action.type !== "config")) return null;
    }
    if (at === null || action === null) return null;
    return { at, action, source };
  }

  private readAt(value: unknown, problems: BroadcastProblem[]): number | null {
    if (value === undefined) {
      problems.push(problem("", `missing "at"`));
      return null;
    }
    if (!this.context.timed) {
      if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
      problems.push(
        problem("at", `"at" must be an event position (a whole number ≥ 0) ${this.context.untimed}`),
      );
      return null;
    }
    const time = parseEventTime(typeof value === "bigint" ? Number(value) : value, "at");
    if (time.ok) return time.millis;
    problems.push(problem("at", time.message));
    return null;
  }

  private readAction(
    field: string,
    value: unknown,
    exact: unknown,
    source: string,
    problems: BroadcastProblem[],
  ): BroadcastAction | null {
    const { processor } = this.context;
    if (processor !== null) {
      try {
        return { type: "element", value: processor.readBroadcast(exact, field) };
      } catch (error) {
        if (!(error instanceof RecordFormatError)) throw error;
        // The processor's message names the field.
        problems.push(problem("", error.message));
        return null;
      }
    }
    if (field === "remove") {
      if (typeof exact === "string" && exact !== "") return { type: "remove", id: exact };
      if (typeof exact === "number" && Number.isSafeInteger(exact))
        return { type: "remove", id: String(exact) };
      problems.push(problem("remove", `"remove" takes a rule id (text or a whole number)`));
      return null;
    }
    if (field === "config") {
      if (isObject(exact)) return { type: "config", config: exact };
      problems.push(problem("config", `"config" must be a JSON object`));
      return null;
    }
    return this.readRule(value, source, problems);
  }

  private readRule(value: unknown, source: string, problems: BroadcastProblem[]): BroadcastAction | null {
    const imported = importRule(value, "rule");
    if (!imported.ok) {
      for (const error of imported.errors)
        problems.push({ ...problem(error.path, error.message), showPath: true });
      return null;
    }
    const rule = imported.value;
    const { bindings, bindingHint, maxPartialMatches, onWarning } = this.context;
    // Every condition problem at once (the compiler stops at the first); the compiler still
    // runs for the structural ones, which it finds before compiling any condition.
    const conditions = patternConditionProblems(rule.pattern, bindings, { bindingHint });
    for (const p of conditions)
      problems.push({ path: `rule.pattern.${p.path}`, message: p.message, showPath: true });
    try {
      // Every warning goes on (the NFA warns once per key): the session lists each once by its
      // text, and a flag here would outlive the run, so a reset run would never warn again.
      const nfa = compilePattern(rule.pattern, {
        bindings,
        ...(maxPartialMatches === undefined ? {} : { maxPartialMatches }),
        onWarning: (warning) => {
          onWarning?.(rule, warning, source);
        },
      });
      return { type: "rule", rule: { rule, nfa } };
    } catch (error) {
      // The condition check found this one, and all the others, above.
      if (error instanceof ConditionError && conditions.length > 0) return null;
      if (!(error instanceof MalformedPatternError)) {
        const message = error instanceof Error ? error.message : String(error);
        problems.push(problem("rule", `rule '${rule.id}' (version ${rule.version}): ${message}`));
        return null;
      }
      for (const d of error.diagnostics) {
        // The message names its stage already (PatternDiagnostic: "stage 'x': …").
        const path = d.path === "" ? "rule.pattern" : `rule.pattern.${d.path}`;
        problems.push({ path, message: d.message, showPath: true });
      }
      return null;
    }
  }
}

function problem(path: string, message: string): BroadcastProblem {
  return { path, message, showPath: false };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `records[3].rule.pattern.nodes[0]: message` — a problem of record `index` of a list named `list`. */
export function formatRecordProblem(list: string, index: number, p: BroadcastProblem): string {
  return `${list}[${index}]${p.path === "" ? "" : `.${p.path}`}: ${p.message}`;
}
