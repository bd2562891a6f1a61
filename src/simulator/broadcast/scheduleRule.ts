/**
 * "Schedule the active rule's current version": publish it (D1's `publishRule`; a changed rule
 * goes out with a higher version, as a `PatternProcessorDiscoverer` requires) and add its
 * broadcast record to the schedule. A version not above the one running would be rejected by
 * the job, so the rule is first raised past it. Pure.
 */
import { findRule } from "../../document/documentQueries.ts";
import { changedSincePublish, publishRule } from "../../document/edits/publishEdits.ts";
import { updateRule } from "../../document/edits/ruleEdits.ts";
import type { StudioDocument } from "../../document/studioDocument.ts";
import { parseEventTime } from "../../formats/events/index.ts";
import { insertRecord, readSchedule, ruleRecord, scheduleText } from "./broadcastRecords.ts";

export type ScheduleOutcome =
  | { readonly ok: true; readonly doc: StudioDocument; readonly schedule: string; readonly label: string }
  | { readonly ok: false; readonly error: string };

/**
 * Reads the "at" field: a whole number (milliseconds, or an event position when the run has no
 * time at all) or, when `timed` (event time, or a clock field), a date-time as the data writes
 * it (`2020-01-01 00:01:05`).
 */
export function readAt(
  text: string,
  timed: boolean,
): { ok: true; at: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { ok: true, at: Number(trimmed) };
  if (!timed)
    return {
      ok: false,
      error: "without event time or a clock field, “at” is an event position (a whole number ≥ 0)",
    };
  const parsed = parseEventTime(trimmed, "at");
  return parsed.ok
    ? { ok: true, at: parsed.millis }
    : { ok: false, error: parsed.message.replace("time field 'at'", "“at”") };
}

/**
 * The document with rule `key` published (raised above `runningVersion` when needed) and the
 * schedule text with its record at `at`.
 */
export function scheduleRuleVersion(
  doc: StudioDocument,
  key: string,
  schedule: string,
  at: number,
  runningVersion: number | null,
): ScheduleOutcome {
  const current = findRule(doc, key);
  if (current === null) return { ok: false, error: "no rule is selected" };
  if (!current.enabled)
    return { ok: false, error: `rule ${current.rule.id} is disabled: enable it to publish it` };
  const records = readSchedule(schedule);
  if (!records.ok) return { ok: false, error: `fix the schedule first: ${records.problems[0] ?? ""}` };
  const floor = Math.max(
    runningVersion ?? 0,
    ...records.records.flatMap((r) => (sameRule(r.value, current.rule.id) ? [versionOf(r.value)] : [])),
  );
  if (current.published !== null && !changedSincePublish(current) && current.published.version <= floor)
    return {
      ok: false,
      error: `rule ${current.rule.id} v${current.published.version} is already published and ${
        current.published.version <= (runningVersion ?? 0) ? "running" : "scheduled"
      }: change the rule to publish a new version`,
    };
  const raised =
    current.rule.version > floor
      ? doc
      : updateRule(doc, key, (r) => ({ ...r, rule: { ...r.rule, version: floor + 1 } }));
  const published = publishRule(raised, key);
  const rule = findRule(published, key)?.rule;
  if (rule === undefined) return { ok: false, error: "the rule could not be published" };
  const next = insertRecord(
    records.records.map((r) => r.value),
    ruleRecord(rule, at),
  );
  return {
    ok: true,
    doc: published,
    schedule: scheduleText(next),
    label: `rule ${rule.id} v${rule.version}`,
  };
}

function sameRule(value: Readonly<Record<string, unknown>>, id: string): boolean {
  const rule = value.rule as Readonly<Record<string, unknown>> | undefined;
  return rule !== undefined && String(rule.id) === id;
}

function versionOf(value: Readonly<Record<string, unknown>>): number {
  const version = (value.rule as Readonly<Record<string, unknown>> | undefined)?.version;
  return typeof version === "number" ? version : 0;
}
