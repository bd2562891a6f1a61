/**
 * The Matches / Timeouts / Late tables' filters as the worker reads them (`query`'s
 * `filter: {ruleId?, key?}`), the rule ids a run can name, and the count line above a table.
 * Pure.
 */
import type { OutputFilter, RunSummary } from "../../runtime/session/index.ts";
import { countText, plural } from "../format/timeText.ts";

export type OutputListKind = "matches" | "timeouts" | "late";

/** What the user picked: a rule id and a key, blank for "any". */
export interface OutputFilterChoice {
  readonly ruleId: string;
  readonly key: string;
}

/**
 * The worker's filter for `choice` (blank fields filter nothing; a key is matched exactly, so
 * surrounding blanks are dropped). Late events name no rule: the Late table filters by key only.
 */
export function outputFilterOf(kind: OutputListKind, choice: OutputFilterChoice): OutputFilter {
  const key = choice.key.trim();
  const ruleId = kind === "late" ? "" : choice.ruleId;
  return { ...(ruleId === "" ? {} : { ruleId }), ...(key === "" ? {} : { key }) };
}

/** Whether `filter` leaves any record out. */
export function isFiltered(filter: OutputFilter): boolean {
  return filter.ruleId !== undefined || filter.key !== undefined;
}

/**
 * The rule ids the run's outputs can name: the versions running now, and every rule the
 * broadcast stream added, replaced or removed — in id order (numbers by value).
 */
export function outputRuleIds(
  summary: Pick<RunSummary, "activeRules" | "broadcast"> | null,
): readonly string[] {
  if (summary === null) return [];
  const ids = new Set(summary.activeRules.map((r) => r.id));
  for (const rule of summary.broadcast.rules) ids.add(rule.ruleId);
  return [...ids].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

const NOUNS: Readonly<Record<OutputListKind, readonly [string, string]>> = {
  matches: ["match", "matches"],
  timeouts: ["timeout", "timeouts"],
  late: ["late event", "late events"],
};

/**
 * `12 matches`; filtered: `3 of 12 matches` (`… of 12 matches` while the worker counts).
 * `matching` is the filtered count (null: not known yet), `listTotal` the whole list's.
 */
export function outputCountText(
  kind: OutputListKind,
  filter: OutputFilter,
  matching: number | null,
  listTotal: number,
): string {
  const [one, many] = NOUNS[kind];
  if (!isFiltered(filter)) return plural(listTotal, one, many);
  const part = matching === null ? "…" : countText(matching);
  return `${part} of ${plural(listTotal, one, many)}`;
}
