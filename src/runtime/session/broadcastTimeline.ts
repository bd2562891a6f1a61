/**
 * The broadcast stream of a session as a timeline the UI draws markers from: each record with
 * what it does and whether (and where) the run took it yet, and per rule id the input position
 * and job time each version took over — the run's own rules at position 0, then every rule
 * record the job applied, and removals. Built from the run's log of records taken
 * (`SessionRun.broadcastTaken`), so it is exact after a seek too.
 */
import { BUILT_IN_PROCESSORS, type BroadcastRecord, type BuiltInProcessor } from "../job/index.ts";
import type { BroadcastTaken, RunPlan } from "./sessionRun.ts";

/** One broadcast record and what became of it. */
export interface BroadcastRecordView {
  /** Its index in the broadcast stream (`records[index]` of `loadBroadcast`). */
  readonly index: number;
  /** As read: epoch milliseconds with event time or a clock field, else a 0-based event position. */
  readonly at: number;
  /**
   * `config` also for a processor's record (purchase-path's channel config, two-action's
   * pattern): what it puts into the processor's broadcast state.
   */
  readonly kind: "rule" | "remove" | "config";
  /** The rule a `rule` or `remove` record is about. */
  readonly ruleId: string | null;
  /** The version a `rule` record brings. */
  readonly version: number | null;
  /**
   * A keyed config's event field and value (a purchase-path config: `channel` and its channel);
   * null for the global config and other kinds.
   */
  readonly configKey: { readonly keyBy: string; readonly value: string } | null;
  /** `pending`: not reached yet; `applied`: in effect; `rejected`: the job refused it (see `rejected`). */
  readonly state: "pending" | "applied" | "rejected";
  /**
   * Where the run took it: before input item `position` (the input's length when it came at
   * the end of input), at job time `time` (null at the end of input). Null while pending.
   */
  readonly taken: { readonly position: number; readonly time: number | null } | null;
  /** Why the job refused it (an update with an old version, a removal of an unknown id), or null. */
  readonly rejected: string | null;
}

/** A rule version taking over (or the rule being removed) at a point of the run. */
export interface RuleVersionChange {
  /** The version that runs from here on; null: the rule was removed. */
  readonly version: number | null;
  /** The broadcast record that did it; null for the run's own rules (from the start). */
  readonly record: number | null;
  /** Before input item `position` (0 for the run's own rules). */
  readonly position: number;
  /** The job time it happened at; null from the start and at the end of input. */
  readonly time: number | null;
}

/** The broadcast stream and its effects so far. */
export interface BroadcastTimeline {
  readonly records: readonly BroadcastRecordView[];
  /** Per rule id (in order of first appearance), its versions taking over, in run order. */
  readonly rules: readonly { readonly ruleId: string; readonly changes: readonly RuleVersionChange[] }[];
}

/** The timeline of a plan's broadcast stream with the records `taken` so far (a processor runs no rules). */
export function broadcastTimeline(plan: RunPlan, taken: readonly BroadcastTaken[]): BroadcastTimeline {
  const { broadcast } = plan;
  const rules = plan.processor === null ? plan.rules : [];
  const processor = plan.processor === null ? null : BUILT_IN_PROCESSORS[plan.processor];
  const byIndex = new Map(taken.map((t) => [t.index, t]));
  const changes = new Map<string, RuleVersionChange[]>();
  const note = (ruleId: string, change: RuleVersionChange): void => {
    const list = changes.get(ruleId);
    if (list === undefined) changes.set(ruleId, [change]);
    else list.push(change);
  };
  for (const { rule } of rules)
    note(rule.id, { version: rule.version, record: null, position: 0, time: null });
  for (const t of taken) {
    const action = broadcast[t.index]?.action;
    if (t.rejected !== null || action === undefined) continue;
    const at = { record: t.index, position: t.position, time: t.time };
    if (action.type === "rule") note(action.rule.rule.id, { version: action.rule.rule.version, ...at });
    else if (action.type === "remove") note(action.id, { version: null, ...at });
  }
  return {
    records: broadcast.map((record, index) => recordView(record, index, byIndex.get(index), processor)),
    rules: [...changes].map(([ruleId, list]) => ({ ruleId, changes: list })),
  };
}

function recordView(
  record: BroadcastRecord,
  index: number,
  taken: BroadcastTaken | undefined,
  processor: BuiltInProcessor | null,
): BroadcastRecordView {
  const { action } = record;
  const base = {
    index,
    at: record.at,
    state: taken === undefined ? "pending" : taken.rejected === null ? "applied" : "rejected",
    taken: taken === undefined ? null : { position: taken.position, time: taken.time },
    rejected: taken?.rejected ?? null,
  } as const;
  switch (action.type) {
    case "rule":
      return {
        ...base,
        kind: "rule",
        ruleId: action.rule.rule.id,
        version: action.rule.rule.version,
        configKey: null,
      };
    case "remove":
      return { ...base, kind: "remove", ruleId: action.id, version: null, configKey: null };
    case "config": {
      const configKey =
        action.key === undefined ? null : { keyBy: action.key.field, value: action.key.value };
      return { ...base, kind: "config", ruleId: null, version: null, configKey };
    }
    case "element":
      // Only a processor's plan reads records as elements (`sessionPlan.ts`).
      return {
        ...base,
        kind: "config",
        ruleId: null,
        version: null,
        configKey: processor?.broadcastKey(action.value) ?? null,
      };
  }
}
