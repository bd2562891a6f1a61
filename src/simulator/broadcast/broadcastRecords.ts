/**
 * The Broadcast panel's schedule as data: its text read into records (with a problem per bad
 * record, naming its JSON path), a published rule version turned into a record, records
 * inserted in `at` order, and what each record does in a few words (for the schedule's
 * markers). Pure; the worker compiles the rules and applies the records.
 */
import { exportRule } from "../../formats/dynamicCep/index.ts";
import { parseJsonData } from "../../formats/json/index.ts";
import type { Rule } from "../../model/pattern.ts";

/** One record as the panel knows it: its JSON value and what it does. */
export interface ScheduledRecord {
  readonly value: Readonly<Record<string, unknown>>;
  readonly at: number | string;
  readonly label: string;
}

/**
 * The schedule's records, or every problem; either way the warnings of text that was read (a
 * duplicate key, `LINE:COL: path: …`: the record keeps the last value, as Flink's Jackson reads
 * it, and so does the run).
 */
export type ScheduleResult = (
  | { readonly ok: true; readonly records: readonly ScheduledRecord[] }
  | { readonly ok: false; readonly problems: readonly string[] }
) & { readonly warnings: readonly string[] };

const ACTIONS = ["rule", "remove", "config"] as const;
const KEY_FIELDS = ["keyBy", "value"];

/** Reads the schedule text (a JSON array of records); empty text is an empty schedule. */
export function readSchedule(text: string): ScheduleResult {
  if (text.trim() === "") return { ok: true, records: [], warnings: [] };
  // The exact reader, as the CLI reads broadcast lines: a keyed config's 19-digit `value` must
  // stay the id it names, not the nearest double.
  const parsed = parseJsonData(text);
  if (!parsed.ok) {
    const { line, column, message, path } = parsed.problem;
    // A value that cannot be read (1e400, Jackson's Infinity) is named by its JSON path.
    const problem =
      path === undefined
        ? `the schedule is not valid JSON: ${line}:${column}: ${message}`
        : `the schedule cannot be read: ${line}:${column}: ${path}: ${message}`;
    return { ok: false, problems: [problem], warnings: [] };
  }
  const warnings = parsed.warnings.map((w) => `${w.line}:${w.column}: ${w.path}: ${w.message}`);
  const value: unknown = parsed.value;
  if (!Array.isArray(value))
    return {
      ok: false,
      problems: ['the schedule must be a JSON array of records: [ {"at": …, …}, … ]'],
      warnings,
    };
  const records: ScheduledRecord[] = [];
  const problems: string[] = [];
  value.forEach((item: unknown, index) => {
    const record = readRecord(item, `[${index}]`, problems);
    if (record !== null) records.push(record);
  });
  return problems.length > 0 ? { ok: false, problems, warnings } : { ok: true, records, warnings };
}

function readRecord(item: unknown, path: string, problems: string[]): ScheduledRecord | null {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    problems.push(`${path}: a record is a JSON object {"at": …, "rule" | "remove" | "config": …}`);
    return null;
  }
  const record = item as Readonly<Record<string, unknown>>;
  const fields = Object.keys(record).filter((k) => k !== "at" && !KEY_FIELDS.includes(k));
  const actions = fields.filter((k): k is (typeof ACTIONS)[number] =>
    (ACTIONS as readonly string[]).includes(k),
  );
  const unknown = fields.filter((k) => !(ACTIONS as readonly string[]).includes(k));
  const at = record.at;
  const before = problems.length;
  if (typeof at !== "string" && !(typeof at === "number" && Number.isSafeInteger(at) && at >= 0))
    problems.push(`${path}.at: a whole number ≥ 0 (milliseconds or a position) or a date-time text`);
  if (unknown.length > 0)
    problems.push(
      `${path}: unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}`,
    );
  const action = actions[0];
  if (actions.length !== 1 || action === undefined)
    problems.push(
      `${path}: a record has exactly one of "rule", "remove", "config" (found ${actions.length})`,
    );
  if (("keyBy" in record || "value" in record) && action !== "config")
    problems.push(`${path}: "keyBy" and "value" only go with "config"`);
  if (problems.length > before || action === undefined || (typeof at !== "string" && typeof at !== "number"))
    return null;
  return { value: record, at, label: labelOf(action, record) };
}

function labelOf(action: (typeof ACTIONS)[number], record: Readonly<Record<string, unknown>>): string {
  switch (action) {
    case "rule": {
      const rule = record.rule as Readonly<Record<string, unknown>> | null;
      const id = rule?.id;
      const version = rule?.version;
      return `rule ${typeof id === "string" || typeof id === "number" ? String(id) : "?"} v${typeof version === "number" ? String(version) : "?"}`;
    }
    case "remove":
      return `remove rule ${String(record.remove)}`;
    case "config":
      return "keyBy" in record ? `config for ${String(record.keyBy)} = ${String(record.value)}` : "config";
  }
}

/** The record that broadcasts `rule` (as dynamic-CEP JSON, the way a rule table row holds it) at `at`. */
export function ruleRecord(rule: Rule, at: number | string): Record<string, unknown> {
  return { at, rule: exportRule(rule) };
}

/**
 * `records` with `record` inserted after every record that takes effect at or before it (a
 * stream's records come in `at` order; equal times keep the order they were scheduled in).
 * Numbers compare as numbers; a date-time text is placed by its order among texts.
 */
export function insertRecord(
  records: readonly Readonly<Record<string, unknown>>[],
  record: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>>[] {
  const at = record.at;
  let index = records.length;
  for (let i = 0; i < records.length; i++) {
    const other = records[i]?.at;
    if (
      (typeof at === "number" && typeof other === "number" && other > at) ||
      (typeof at === "string" && typeof other === "string" && other > at)
    ) {
      index = i;
      break;
    }
  }
  return [...records.slice(0, index), record, ...records.slice(index)];
}

/** The schedule as the editor shows it: one record per line, rules in full. */
export function scheduleText(records: readonly Readonly<Record<string, unknown>>[]): string {
  if (records.length === 0) return "[]\n";
  return `[\n${records.map((r) => `  ${JSON.stringify(r)}`).join(",\n")}\n]\n`;
}

/**
 * The configuration keys the schedule's config records set (global and keyed ones alike), in
 * the order they first appear: what conditions can read as `config.<key>`.
 */
export function configKeysOf(records: readonly ScheduledRecord[]): readonly string[] {
  const keys = new Set<string>();
  for (const { value } of records) {
    const config = value.config;
    if (typeof config === "object" && config !== null && !Array.isArray(config))
      for (const key of Object.keys(config)) keys.add(key);
  }
  return [...keys];
}
