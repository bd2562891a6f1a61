/**
 * The views of one run agree with each other at every step, as the simulator shows them side by
 * side: the designer's stage badges (`summary.stageCounts`), the Metrics tab's live partial
 * matches (the newest sample), the Key inspector (`partialMatches` of every key read so far, and
 * the watermark it measures windows against) and the run bar (`summary.watermarks`) — also once
 * the end of input (no input item: the broadcast drain and the final +∞ watermark) has moved the
 * state. And a run reached by seeking shows what a run stepped there shows. Random cases from
 * the cross-surface generator (`testing/crossSurfaceCases.ts`): seed and generated rules,
 * disorder, late events, bad rows, broadcast updates, partitions and parallelism.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importRuleSet } from "../../formats/dynamicCep/index.ts";
import { RunSession } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import type { RunSummary } from "./sessionTypes.ts";
import { crossCaseArb, type CrossCase } from "./testing/crossSurfaceCases.ts";
import { runConfig } from "./testing/crossSurfaceSession.ts";
import { scenarioSession, scenarioRuleJson, seedBindings } from "./testing/sessionTestSupport.ts";

const SEED_RULES = [1, 2, 3, 4, 5].map(scenarioRuleJson);

/** A session over the whole of a case's input, checkpointed often so seeks restore mid-run. */
function sessionOf(c: CrossCase): () => RunSession {
  const imported = importRuleSet(c.rules);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const input = SessionInput.fromText({ fileName: c.events.fileName });
  input.push(c.events.text);
  input.end();
  return () =>
    new RunSession({
      rules: imported.value,
      bindings: seedBindings(),
      broadcast: c.broadcast,
      config: runConfig(c.settings),
      input,
      checkpointInterval: 7,
    });
}

/** What a summary shows that must not depend on how the run got there (not the speed, not the changed keys). */
function shown(summary: RunSummary): unknown {
  return { ...summary, eventsPerSecond: null, changedKeys: null };
}

const stageTotal = (summary: RunSummary): number =>
  Object.values(summary.stageCounts)
    .flatMap((stages) => Object.values(stages))
    .reduce((a, b) => a + b, 0);

/** Every view of partial matches and time agrees with the stage badges and the run bar. */
function expectViewsAgree(session: RunSession, keys: Set<string>): void {
  const summary = session.summary();
  const total = stageTotal(summary);
  const sample = session.metricsSeries().samples.at(-1);
  expect(sample?.partialMatches, "Metrics' live partial matches").toBe(total);
  expect(sample?.position).toBe(summary.position.items);
  for (const row of session.inputEvents({ from: 0, count: summary.position.totalEvents }).rows)
    if (row.key !== null && row.index < summary.position.processedEvents) keys.add(row.key);
  let inspected = 0;
  for (const key of keys) {
    const state = session.partialMatches(key);
    for (const rule of state.rules) inspected += rule.partialMatches.filter((pm) => !pm.completed).length;
    if (state.time.kind === "eventTime")
      expect(state.time.now, `key ${key}'s watermark`).toBe(summary.watermarks.subtasks[state.subtask]);
  }
  expect(inspected, "the Key inspector's partial matches").toBe(total);
}

describe("a run's views agree", () => {
  it("at every step and after seeks: stage badges, metrics, Key inspector, run bar; seeking equals stepping", () => {
    fc.assert(
      fc.property(crossCaseArb(SEED_RULES), fc.array(fc.nat(40), { maxLength: 4 }), (c, seeks) => {
        const fresh = sessionOf(c);
        const session = fresh();
        const keys = new Set<string>();
        for (let i = 0; i < 200 && session.state === "paused"; i++) {
          session.step();
          if (session.summary().error !== null) return;
          expectViewsAgree(session, keys);
          const { items, ended } = session.summary().position;
          const sought = fresh();
          sought.seek(items);
          if (ended) sought.step();
          expect(shown(sought.summary()), `sought to ${items}${ended ? " and the end" : ""}`).toEqual(
            shown(session.summary()),
          );
        }
        for (const position of seeks) {
          session.seek(position);
          const sought = fresh();
          sought.seek(session.summary().position.items);
          expect(shown(sought.summary())).toEqual(shown(session.summary()));
          expectViewsAgree(session, keys);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("a seek that restores a checkpoint still lists the newest outputs from before it", () => {
    const session = scenarioSession(1, { checkpointInterval: 2 });
    for (let i = 0; i < 5; i++) session.step();
    expect(session.summary().newest.matches).toHaveLength(3);
    // Back to item 4: the checkpoint there was taken after two matches.
    session.seek(4);
    const { counts, newest } = session.summary();
    expect(counts.matches).toBe(2);
    expect(newest.matches.map((m) => m.seq)).toEqual([0, 1]);
  });

  it("after the end of input, the Key inspector measures against the final +∞ watermark, as the run bar shows", () => {
    const session = scenarioSession(1);
    for (let i = 0; i < 4; i++) session.step();
    expect(session.partialMatches("519698804").rules[0]?.partialMatches).toHaveLength(1);
    session.step();
    expect(session.summary().watermark).toBe(Number.POSITIVE_INFINITY);
    const state = session.partialMatches("519698804");
    expect(state.time).toEqual({ kind: "eventTime", now: Number.POSITIVE_INFINITY });
    expect(state.rules[0]?.partialMatches).toEqual([]);
  });
});
