/**
 * Problems of the rule set as a whole, which no single rule's validation sees: two rules with one
 * id (the simulator and Flink's discoverer would take them for versions of one rule), and a set
 * where nothing is enabled (nothing runs, nothing is published). Pure.
 */
import type { StudioDocument } from "../document/studioDocument.ts";

/** One rule-set problem; `ruleKeys` are the rules it concerns (for marking their rows). */
export interface RuleSetProblem {
  readonly kind: "duplicateId" | "noneEnabled";
  readonly message: string;
  readonly ruleKeys: readonly string[];
}

/** The rule set's problems, duplicate ids first (in order of first appearance). */
export function ruleSetProblems(doc: StudioDocument): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const byId = new Map<string, number[]>();
  doc.rules.forEach((r, i) => {
    const positions = byId.get(r.rule.id);
    if (positions) positions.push(i);
    else byId.set(r.rule.id, [i]);
  });
  for (const [id, positions] of byId) {
    if (positions.length < 2) continue;
    const where = positions.map((i) => `#${i + 1}`).join(", ");
    problems.push({
      kind: "duplicateId",
      message:
        `Rules ${where} share the id "${id}": the simulator runs them side by side, but Flink's rule discoverer ` +
        "treats them as versions of one rule and keeps only the highest version. Give each rule its own id.",
      ruleKeys: positions.flatMap((i) => doc.rules[i]?.key ?? []),
    });
  }
  if (doc.rules.length > 0 && doc.rules.every((r) => !r.enabled)) {
    problems.push({
      kind: "noneEnabled",
      message: "No rule is enabled: nothing runs in the simulator and nothing can be published.",
      ruleKeys: [],
    });
  }
  return problems;
}
