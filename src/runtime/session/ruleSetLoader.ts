/**
 * Rules for a {@link RunSession}: dynamic-CEP JSON (a GraphSpec, a rule or a rule array) and a
 * condition-binding table in, compiled rule versions out — or every problem, one message each,
 * naming the rule and the JSON path, so the UI can show why nothing runs.
 */
import {
  compilePattern,
  ConditionError,
  MalformedPatternError,
  patternConditionProblems,
  type EngineWarning,
} from "../../engine/index.ts";
import { formatDiagnostic, importRuleSet, loadBindings } from "../../formats/dynamicCep/index.ts";
import type { ConditionBindings, Rule } from "../../model/pattern.ts";
import type { JobRule } from "../job/index.ts";

/** A rule set that could not be used: every problem found. */
export class RuleSetError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "RuleSetError";
  }
}

/** Rules and bindings imported from JSON values. @throws RuleSetError */
export function importRulesAndBindings(
  rulesJson: unknown,
  bindingsJson: unknown,
): { rules: Rule[]; bindings: ConditionBindings } {
  const rules = importRuleSet(rulesJson);
  const bindings = bindingsJson === undefined || bindingsJson === null ? null : loadBindings(bindingsJson);
  const problems: string[] = [];
  if (!rules.ok) problems.push(...rules.errors.map((d) => `rules: ${formatDiagnostic(d)}`));
  if (bindings !== null && !bindings.ok)
    problems.push(...bindings.errors.map((d) => `bindings: ${formatDiagnostic(d)}`));
  if (rules.ok && rules.value.length === 0) problems.push("rules: the rule set is empty");
  if (problems.length > 0 || !rules.ok || (bindings !== null && !bindings.ok))
    throw new RuleSetError(problems);
  return { rules: rules.value, bindings: bindings?.value ?? {} };
}

/** `rule '7' (version 2)`, how messages name a rule version. */
export function ruleName(rule: { readonly id: string; readonly version: number }): string {
  return `rule '${rule.id}' (version ${rule.version})`;
}

/**
 * Compiles every rule (Flink's NFACompiler checks included). `onWarning` hears the engine's
 * warnings (the partial-match cap) with the rule they concern.
 * @throws RuleSetError naming every problem of every rule (`rule 'r' (version 1): nodes[0]…: …`),
 * every condition problem included, not just the first the compiler meets
 */
export function compileRuleSet(
  rules: readonly Rule[],
  bindings: ConditionBindings,
  maxPartialMatches: number | undefined,
  onWarning: (rule: Rule, warning: EngineWarning) => void,
): JobRule[] {
  const compiled: JobRule[] = [];
  const problems: string[] = [];
  for (const rule of rules) {
    // Every condition problem at once (the compiler stops at the first); the compiler still
    // runs for the structural ones, which it finds before compiling any condition.
    const conditions = patternConditionProblems(rule.pattern, bindings);
    for (const p of conditions) problems.push(`${ruleName(rule)}: ${p.path}: ${p.message}`);
    try {
      const nfa = compilePattern(rule.pattern, {
        bindings,
        ...(maxPartialMatches === undefined ? {} : { maxPartialMatches }),
        onWarning: (warning) => {
          onWarning(rule, warning);
        },
      });
      compiled.push({ rule, nfa });
    } catch (error) {
      // The condition check found this one, and all the others, above.
      if (error instanceof ConditionError && conditions.length > 0) continue;
      if (error instanceof MalformedPatternError) {
        for (const d of error.diagnostics) {
          // The message names its stage already (PatternDiagnostic: "stage 'x': …").
          const severity = d.severity === "warning" ? "warning: " : "";
          problems.push(`${severity}${ruleName(rule)}: ${d.path === "" ? "" : `${d.path}: `}${d.message}`);
        }
      } else {
        problems.push(`${ruleName(rule)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (problems.length > 0) throw new RuleSetError(problems);
  return compiled;
}
