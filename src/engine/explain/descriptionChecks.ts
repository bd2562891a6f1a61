/**
 * What the explain agreement properties check of the sentences `describeExplanation` writes
 * (next to `agreementChecks.ts`, which checks the explanation's data).
 */
import { expect } from "vitest";
import {
  eventsKey,
  idOf,
  isStopped,
  matchEvents,
  viewEvents,
  type ExplainedStep,
} from "./agreementChecks.ts";

/**
 * The words agree with what happened: a stage the description says took the event (or whose
 * condition let a run take it or complete with it) took it in some run after the event, an
 * emitted or a pruned match; a NOT stage said to stop a run is one; a match said to be held back
 * is held.
 */
export function checkDescription(
  step: ExplainedStep,
  sentences: readonly string[],
  notStages: ReadonlySet<string>,
): void {
  const { explanation: x, event } = step;
  if (step.thrown !== null) return;
  const current = idOf(event);
  const successors = [
    ...step.after.map((v) => viewEvents(v.events)),
    ...x.pruned.map((v) => viewEvents(v.events)),
    ...x.capped.map((v) => viewEvents(v.events)),
    ...x.matches.map(matchEvents),
  ];
  const took = new Set(
    successors.flatMap((events) => events.filter(([, i]) => i === current).map(([s]) => s)),
  );
  const keys = new Set(successors.map(eventsKey));
  for (const r of x.runs) {
    if (isStopped(r)) continue;
    for (const t of r.transitions) {
      if (t.action !== "take" || t.result !== true || t.afterTake) continue;
      const events = [...viewEvents(r.events), [t.from, current] as [string, number]];
      expect(keys, `a run took the event into '${t.from}'`).toContain(eventsKey(events));
    }
  }
  const heldBack = new Set(step.after.filter((v) => v.completed).map((v) => eventsKey(viewEvents(v.events))));
  for (const r of x.runs) {
    for (const b of r.branches) {
      if (!b.heldBack) continue;
      expect(heldBack).toContain(
        eventsKey([...viewEvents(r.events), ...(b.took ? [[b.stage, current] as [string, number]] : [])]),
      );
    }
  }
  for (const sentence of sentences) {
    const taker =
      /^'([^']+)' takes the event: a new partial match starts/.exec(sentence) ??
      /takes the event into '([^']+)'/.exec(sentence);
    if (taker) expect(took, sentence).toContain(taker[1]);
    if (taker || sentence.includes("completes the pattern with this event")) {
      for (const [, stage] of sentence.matchAll(/condition `[^`]*` of '([^']+)' is true/g)) {
        expect(took, sentence).toContain(stage);
      }
    }
    const not = /NOT stage '([^']+)' sees a forbidden event/.exec(sentence);
    if (not) expect(notStages, sentence).toContain(not[1]);
  }
  for (const sentence of sentences.filter((s) =>
    s.includes("completes the pattern without taking this event"),
  )) {
    expect(
      x.runs.some((r) => r.branches.some((b) => b.toKind === "end" && !b.took)),
      sentence,
    ).toBe(true);
  }
  const emitted = sentences.find((s) => / emitted \(/.test(s));
  expect(emitted === undefined ? 0 : Number(/^(\d+) match/.exec(emitted)?.[1])).toBe(x.matches.length);
}
