/**
 * The outputs of `cep-studio run` and of a {@link RunSession}, brought to one shape so the
 * cross-surface properties can compare them: per kind (match, timeout, late, rule-dropped) the
 * records in output order, each as a JSON text naming its type, rule id and version, key,
 * subtask, timeout timestamp and captured events per stage by input line; and the bad input rows
 * and rejected broadcast records, by line and reason.
 */
import type { RunSession } from "../runSession.ts";
import type { EventView, MatchView, OutputFilter } from "../sessionTypes.ts";

/** The record kinds compared, in the CLI's `type` words. */
export const KINDS = ["match", "timeout", "late", "rule-dropped"] as const;
export type Kind = (typeof KINDS)[number];

/** One surface's outputs, normalised. */
export interface SurfaceOutputs {
  /** Per kind, the records in output order. */
  readonly records: Readonly<Record<Kind, readonly string[]>>;
  /** Bad input rows and clock warnings: `LINE: reason`, in input order. */
  readonly problems: readonly string[];
  /** Why each rejected broadcast record was refused, in stream order. */
  readonly rejected: readonly string[];
}

type Stages = ReadonlyArray<readonly [string, readonly number[]]>;

function matchText(
  type: "match" | "timeout",
  rule: string,
  version: number,
  key: string | null,
  subtask: number,
  timestamp: number | null,
  stages: Stages,
): string {
  return JSON.stringify({ type, rule, version, key, subtask, timestamp, stages });
}

function lateText(key: string | null, subtask: number, line: number): string {
  return JSON.stringify({ type: "late", key, subtask, line });
}

function droppedText(rule: string, version: number, partialMatches: number): string {
  return JSON.stringify({ type: "rule-dropped", rule, version, partialMatches });
}

/** One CLI output line as printed. */
interface CliLine {
  readonly type: string;
  readonly rule?: string;
  readonly version?: number;
  readonly key?: string | null;
  readonly timestamp?: number;
  readonly events?: Record<string, ReadonlyArray<{ readonly seq?: unknown }>>;
  readonly event?: { readonly seq?: unknown };
  readonly partialMatches?: number;
  readonly subtask?: number;
}

/**
 * The CLI's outputs: `stdout` (JSON Lines), and the `stderr` lines about the events file
 * (`EVENTS:LINE: reason`) and the broadcast file (`BROADCAST:LINE: warning: reason`). An event
 * is traced to its line by its `seq` field (`lineOfSeq`); without `--parallelism` the records
 * carry no subtask, which is then 0.
 */
export function cliOutputs(
  run: { readonly stdout: string; readonly stderr: string },
  files: { readonly events: string; readonly broadcast: string | null },
  lineOfSeq: readonly number[],
): SurfaceOutputs {
  const records: Record<Kind, string[]> = { match: [], timeout: [], late: [], "rule-dropped": [] };
  const lineOf = (event: { readonly seq?: unknown } | undefined): number => {
    const line = lineOfSeq[Number(event?.seq)];
    if (line === undefined) throw new Error(`an output event without a known seq: ${JSON.stringify(event)}`);
    return line;
  };
  for (const text of run.stdout.split("\n")) {
    if (text === "") continue;
    const r = JSON.parse(text) as CliLine;
    const subtask = r.subtask ?? 0;
    switch (r.type) {
      case "match":
      case "timeout": {
        const stages: Stages = Object.entries(r.events ?? {}).map(([stage, events]) => [
          stage,
          events.map(lineOf),
        ]);
        const timestamp = r.type === "timeout" ? (r.timestamp ?? null) : null;
        records[r.type].push(
          matchText(r.type, r.rule ?? "", r.version ?? 0, r.key ?? null, subtask, timestamp, stages),
        );
        break;
      }
      case "late":
        records.late.push(lateText(r.key ?? null, subtask, lineOf(r.event)));
        break;
      case "rule-dropped":
        records["rule-dropped"].push(droppedText(r.rule ?? "", r.version ?? 0, r.partialMatches ?? 0));
        break;
      default:
        throw new Error(`unexpected output line: ${text}`);
    }
  }
  const problems: string[] = [];
  const rejected: string[] = [];
  for (const line of run.stderr.split("\n")) {
    if (line.startsWith(`${files.events}:`)) problems.push(line.slice(files.events.length + 1));
    const warning = files.broadcast === null ? -1 : line.indexOf(": warning: ");
    if (files.broadcast !== null && line.startsWith(`${files.broadcast}:`) && warning !== -1)
      rejected.push(line.slice(warning + ": warning: ".length));
  }
  return { records, problems, rejected };
}

function lineOfView(event: EventView): number {
  if (event.line === null) throw new Error(`an output event without a line: ${JSON.stringify(event)}`);
  return event.line;
}

function sessionMatch(m: MatchView): string {
  const stages: Stages = m.stages.map((s) => [s.stage, s.events.map(lineOfView)]);
  const timestamp = m.type === "timeout" ? m.timestamp : null;
  return matchText(m.type, m.ruleId, m.version, m.key, m.subtask, timestamp, stages);
}

/**
 * A session's outputs, every record of each list (older ones reproduced by its replay), or those
 * `filter` selects (the worker's rule / key filter).
 */
export function sessionOutputs(session: RunSession, filter: OutputFilter = {}): SurfaceOutputs {
  const all = Number.MAX_SAFE_INTEGER;
  const summary = session.summary();
  const prefix = `${session.input.name}:`;
  return {
    records: {
      match: session.query("matches", 0, all, filter).records.map(sessionMatch),
      timeout: session.query("timeouts", 0, all, filter).records.map(sessionMatch),
      late: session
        .query("late", 0, all, filter)
        .records.map((l) => lateText(l.key, l.subtask, lineOfView(l.event))),
      "rule-dropped": session
        .query("ruleDropped", 0, all, filter)
        .records.map((d) => droppedText(d.ruleId, d.version, d.partialMatches)),
    },
    problems: summary.problems.map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p)),
    rejected: summary.broadcast.records.flatMap((r) => (r.rejected === null ? [] : [r.rejected])),
  };
}

/** The same outputs with each kind's records sorted: the multiset, order aside. */
export function asMultisets(outputs: SurfaceOutputs): SurfaceOutputs {
  const records = Object.fromEntries(KINDS.map((k) => [k, [...outputs.records[k]].sort()])) as Record<
    Kind,
    string[]
  >;
  return { ...outputs, records };
}

/**
 * The records `filter` selects, as the session's query filter does: of rule `ruleId` (records
 * naming no rule, late events, never), of key `key` (records of no key, rule-dropped, never).
 */
export function filterRecords(
  records: Readonly<Record<Kind, readonly string[]>>,
  filter: OutputFilter,
): Record<Kind, string[]> {
  const keep = (text: string): boolean => {
    const r = JSON.parse(text) as { rule?: string; key?: string | null };
    return (
      (filter.ruleId === undefined || r.rule === filter.ruleId) &&
      (filter.key === undefined || r.key === filter.key)
    );
  };
  return Object.fromEntries(KINDS.map((k) => [k, records[k].filter(keep)])) as Record<Kind, string[]>;
}

/** Filters worth asking for: the first rule and the first key the outputs name, and both. */
export function filtersOf(outputs: SurfaceOutputs): OutputFilter[] {
  const all = KINDS.flatMap((k) => outputs.records[k]).map(
    (text) => JSON.parse(text) as { rule?: string; key?: string | null },
  );
  const ruleId = all.find((r) => r.rule !== undefined)?.rule;
  const key = all.find((r) => typeof r.key === "string")?.key ?? undefined;
  const filters: OutputFilter[] = [];
  if (ruleId !== undefined) filters.push({ ruleId });
  if (key !== undefined) filters.push({ key });
  if (ruleId !== undefined && key !== undefined) filters.push({ ruleId, key });
  return filters;
}
