/**
 * Matches and timeouts per rule id for the run now — what a Learn card compares side by side.
 * Read from the worker's output lists as they grow; a run with more outputs than a card ever
 * has is not counted per rule (the dock's tables hold those).
 */
import { useMemo } from "react";
import type { MatchView } from "../../runtime/session/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { useLiveQuery } from "../inspector/useLiveQuery.ts";
import { useSimulation } from "../simulationStore.ts";
import type { ExpectedRuleOutputs } from "./learnCard.ts";

/** Outputs counted per rule at most (a card's dataset has a handful). */
const MAX_COUNTED = 5000;

/** Matches and timeouts per rule id. Pure. */
export function countByRule(
  matches: readonly MatchView[],
  timeouts: readonly MatchView[],
  ruleIds: readonly string[],
): Record<string, ExpectedRuleOutputs> {
  // A map, then own properties: rule ids are user text (`__proto__`, `constructor`).
  const counts = new Map<string, { matches: number; timeouts: number }>();
  const of = (id: string) => {
    let count = counts.get(id);
    if (count === undefined) counts.set(id, (count = { matches: 0, timeouts: 0 }));
    return count;
  };
  for (const id of ruleIds) of(id);
  for (const m of matches) of(m.ruleId).matches++;
  for (const t of timeouts) of(t.ruleId).timeouts++;
  return Object.fromEntries(counts);
}

/** Per rule id, or null while unknown (or too many outputs to count here). */
export function useRuleOutputs(): Record<string, ExpectedRuleOutputs> | null {
  const matches = useSimulation((s) => s.summary?.counts.matches ?? 0);
  const timeouts = useSimulation((s) => s.summary?.counts.timeouts ?? 0);
  const active = useSimulation((s) => s.summary?.activeRules);
  const epoch = useSimulation((s) => s.runEpoch);
  const countable = matches + timeouts <= MAX_COUNTED;
  const query = useMemo(() => {
    if (!countable) return null;
    const ids = [...new Set((active ?? []).map((r) => r.id))];
    return async () => {
      const [m, t] = await Promise.all([
        simulator().query("matches", 0, matches),
        simulator().query("timeouts", 0, timeouts),
      ]);
      return countByRule(m.records, t.records, ids);
    };
  }, [countable, active, matches, timeouts]);
  return useLiveQuery(query, epoch).value;
}
