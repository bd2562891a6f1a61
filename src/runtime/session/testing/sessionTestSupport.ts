/**
 * Seed scenarios for session and worker tests: their rules, bindings and CSV text as the app
 * bundles them (`src/scenarios/seed`), and the app's run settings (key `userId`, event time
 * `eventTime`, no out-of-orderness, a final +∞ watermark).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { importRule } from "../../../formats/dynamicCep/index.ts";
import type { ConditionBindings, Rule } from "../../../model/pattern.ts";
import { RunSession, type RunSessionOptions } from "../runSession.ts";
import { SessionInput } from "../sessionInput.ts";
import type { RunConfig } from "../sessionTypes.ts";

const SEED = path.resolve(import.meta.dirname, "../../../scenarios/seed");

/** The rule JSON of seed scenario `n` (1–5), as stored. */
export function scenarioRuleJson(n: number): unknown {
  return JSON.parse(readFileSync(path.join(SEED, `scenario${n}.rule.json`), "utf8"));
}

/** The imported rule of seed scenario `n`. */
export function scenarioRule(n: number): Rule {
  const result = importRule(scenarioRuleJson(n));
  if (!result.ok) throw new Error(`scenario ${n}: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The seed's condition bindings. */
export function seedBindings(): ConditionBindings {
  return JSON.parse(readFileSync(path.join(SEED, "bindings.json"), "utf8")) as ConditionBindings;
}

/** The clickstream CSV of seed scenario `n`. */
export function scenarioCsv(n: number): string {
  return readFileSync(path.join(SEED, `scenario${n}.events.csv`), "utf8");
}

/** How the app runs the seed scenarios. */
export const SEED_CONFIG: RunConfig = {
  key: "userId",
  time: { field: "eventTime", watermarks: { type: "bounded", delay: 0 }, finalWatermark: true },
  clock: null,
  parallelism: 1,
};

/** A session of seed scenario `n`'s rule over its CSV as the app runs it; `options` override the rest. */
export function scenarioSession(n: number, options: Partial<RunSessionOptions> = {}): RunSession {
  const input = SessionInput.fromText({ fileName: `scenario${n}.events.csv` });
  input.push(scenarioCsv(n));
  input.end();
  return new RunSession({
    rules: [scenarioRule(n)],
    bindings: seedBindings(),
    config: SEED_CONFIG,
    input,
    ...options,
  });
}
