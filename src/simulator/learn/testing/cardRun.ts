/**
 * Runs a Learn card's plan through the same `RunSession` the worker runs (rules exported from
 * the planned document as the simulator sends them, the data as its file, the app's run
 * config, the card's broadcast stream), for the tests that check what each card's text claims.
 */
import { importRulesAndBindings, RunSession, SessionInput } from "../../../runtime/session/index.ts";
import { DEFAULT_RUN_SETTINGS, runConfigOf, type RunSettings } from "../../controller/runSettings.ts";
import { runRuleSetOf } from "../../controller/runRuleSet.ts";
import { runDataOf } from "../../controller/dataSpec.ts";
import type { CardPlan } from "../cardPlan.ts";
import type { ExpectedOutputs } from "../learnCard.ts";

/** A paused session over the plan's data, with `extra` settings on top of the plan's. */
export function cardSession(plan: CardPlan, extra: Partial<RunSettings> = {}): RunSession {
  const settings = { ...DEFAULT_RUN_SETTINGS, ...plan.settings, ...extra };
  const { data } = plan;
  const mapping = data.type === "inline" ? data.mapping : runDataOf(data).mapping;
  const text = data.type === "inline" ? data.csv : data.scenario.eventsCsv;
  const fileName = data.type === "inline" ? data.fileName : `${data.scenario.id}.events.csv`;
  const input = SessionInput.fromText({ fileName });
  input.push(text);
  input.end();
  const ruleSet = runRuleSetOf(plan.doc);
  const { rules, bindings } = importRulesAndBindings(ruleSet.rules, ruleSet.bindings);
  const config = runConfigOf(settings, mapping);
  return new RunSession({ rules, bindings, config, input, broadcast: plan.broadcast });
}

/** What a session gives by the end of its data, in the shape of {@link ExpectedOutputs}. */
export function outputsAtEnd(session: RunSession): ExpectedOutputs {
  session.setSpeed(null);
  session.play();
  while (session.state === "playing") session.tick(0);
  const summary = session.summary();
  const rules: Record<string, { matches: number; timeouts: number }> = {};
  const count = (kind: "matches" | "timeouts") => {
    const { records } = session.query(kind, 0, summary.counts[kind]);
    for (const record of records) {
      const entry = (rules[record.ruleId] ??= { matches: 0, timeouts: 0 });
      entry[kind]++;
    }
  };
  for (const { id } of summary.activeRules) rules[id] ??= { matches: 0, timeouts: 0 };
  count("matches");
  count("timeouts");
  return { rules, late: summary.counts.late };
}
