/**
 * What the explain agreement properties check, step by step: `explain` leaves the key's state
 * exactly as it was (compared with {@link stateSnapshot}), and what it reports is what
 * `advanceTime(timestamp)` then `process(event, timestamp)` then do: the same matches and
 * timeouts, and the runs it says each run turned into (minus the ones it says the skip strategy
 * pruned or the partial-match cap dropped) are the runs in the state afterwards; the completed
 * matches it says are held back are held. A condition that throws is reported as the same error.
 *
 * Runs are compared as multisets of keys (`stage|start|events`): a run's events are its stage
 * and arrival index each (`s0:3`), the current event written `?:i` where the explanation cannot
 * know which stage took it (a branch records whether it took the event, not the page).
 */
import { expect } from "vitest";
import type { CompiledNFA, EventRecord, Match } from "../api.ts";
import type { ComputationState } from "../computationState.ts";
import type { PartialMatchEvent, PartialMatchView } from "../inspect/partialMatchView.ts";
import type { KeyedNFAState } from "../nfaState.ts";
import type { SharedBufferNode } from "../sharedBuffer/sharedBuffer.ts";
import { ConditionError } from "../conditions/conditionError.ts";
import type { EventExplanation, MatchView, RunExplanation } from "./explanation.ts";

/** One event fed with `explain` first, and everything the checks compare. */
export interface ExplainedStep {
  readonly event: EventRecord;
  readonly timestamp: number;
  readonly explanation: EventExplanation;
  readonly advanced: { readonly matches: readonly Match[]; readonly timedOut: readonly TimedOut[] };
  readonly processed: readonly Match[];
  /** `inspect` before the event, after `advanceTime`, after `process`. */
  readonly before: readonly PartialMatchView[];
  readonly middle: readonly PartialMatchView[];
  readonly after: readonly PartialMatchView[];
  readonly countsAfter: ReadonlyMap<string, number>;
  /** What `advanceTime` or `process` threw (a condition failed), else null; the rest is then empty. */
  readonly thrown: ConditionError | null;
}

interface TimedOut {
  readonly match: Match;
  readonly timestamp: number;
}

/**
 * A structural picture of a key's state: every field of the state and its runs, shared-buffer
 * nodes numbered in the order the runs reach them, so changed counts, edges, sharing and
 * identity (a run pointing at another node) all show as a difference.
 */
export function stateSnapshot(state: KeyedNFAState): unknown {
  const ids = new Map<SharedBufferNode, number>();
  const queue: SharedBufferNode[] = [];
  const ref = (node: SharedBufferNode | null): number | null => {
    if (node === null) return null;
    let id = ids.get(node);
    if (id === undefined) {
      id = ids.size;
      ids.set(node, id);
      queue.push(node);
    }
    return id;
  };
  const run = (cs: ComputationState) => ({
    ...cs,
    previousBufferEntry: ref(cs.previousBufferEntry),
    // A run's start event id is the node of its first event.
    startEventId: cs.startEventId === null ? null : ref(cs.startEventId as SharedBufferNode),
  });
  const { partialMatches, completedMatches, olderCounts, ...counters } = state;
  const runs = { partial: partialMatches.map(run), completed: completedMatches.map(run) };
  const nodes: unknown[] = [];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as SharedBufferNode;
    const { event, edgeTarget, sibling, moreEdges, ...fields } = node;
    nodes.push({
      ...fields,
      event: Number(event.i),
      edgeTarget: ref(edgeTarget),
      sibling: ref(sibling),
      moreEdges: moreEdges?.map((e) => ({ ...e, target: ref(e.target) })) ?? null,
    });
  }
  return { counters, olderCounts: olderCounts && [...olderCounts], runs, nodes };
}

/** (a)–(c): explains the event, checks the state did not change, then feeds it as the operator does. */
export function explainThenFeed(
  nfa: CompiledNFA,
  state: KeyedNFAState,
  event: EventRecord,
  timestamp: number,
): ExplainedStep {
  const snapshot = stateSnapshot(state);
  const before = nfa.inspect(state);
  const explanation = nfa.explain(state, event, timestamp);
  expect(stateSnapshot(state), "explain changed the state").toEqual(snapshot);
  const countsAfter = new Map<string, number>();
  const step = { event, timestamp, explanation, before, countsAfter, thrown: null };
  let advanced: ExplainedStep["advanced"] = { matches: [], timedOut: [] };
  let middle: readonly PartialMatchView[] = [];
  try {
    advanced = nfa.advanceTime(state, timestamp);
    middle = nfa.inspect(state);
    const processed = nfa.process(state, event, timestamp);
    nfa.countByStage(state, countsAfter);
    return { ...step, advanced, middle, processed, after: nfa.inspect(state) };
  } catch (error) {
    if (!(error instanceof ConditionError)) throw error;
    return { ...step, advanced, middle, processed: [], after: [], thrown: error };
  }
}

export const idOf = (event: EventRecord): number => Number(event.i);

/** A match as `[stage, arrival indexes]` pairs, stages in pattern order. */
function matchIds(match: Match | MatchView): [string, number[]][] {
  const entries: (readonly [string, readonly EventRecord[]])[] = Array.isArray(match)
    ? (match as MatchView).map((m) => [m.stage, m.events] as const)
    : [...(match as Match)];
  return entries.map(([stage, events]) => [stage, events.map(idOf)]);
}

/** A run's or match's events as a sorted `stage:i` list (order-free, as matches list them). */
export function eventsKey(events: readonly (readonly [string, number])[]): string {
  return events
    .map(([stage, i]) => `${stage}:${String(i)}`)
    .sort()
    .join(",");
}

export const viewEvents = (events: readonly PartialMatchEvent[]) =>
  events.map((e): [string, number] => [e.stage, idOf(e.event)]);
export const matchEvents = (match: Match | MatchView) =>
  matchIds(match).flatMap(([stage, ids]) => ids.map((i): [string, number] => [stage, i]));

/** Multiset difference `from − take`; `missing` lists what `take` had that `from` lacked. */
function subtract(from: readonly string[], take: readonly string[]): { rest: string[]; missing: string[] } {
  const rest = [...from];
  const missing: string[] = [];
  for (const key of take) {
    const at = rest.indexOf(key);
    if (at < 0) missing.push(key);
    else rest.splice(at, 1);
  }
  return { rest, missing };
}

const sorted = (keys: readonly string[]) => [...keys].sort();
const isWindowOutcome = (r: RunExplanation) =>
  r.outcome === "discarded-by-window" || r.outcome === "matched-by-window";
/** A run that reached a NOT stage's Stop state: every branch of it but the completed ones is discarded. */
export const isStopped = (r: RunExplanation): boolean => r.branches.some((b) => b.toKind === "stop");

/** (d): what the explanation reports is what advanceTime + process did. */
export function checkAgreement(step: ExplainedStep): void {
  const { explanation: x, event, timestamp } = step;
  const current = idOf(event);
  if (step.thrown !== null) {
    const { stage, message } = step.thrown;
    expect(x.error, "the condition error processing throws").toEqual({
      stage: stage === "" ? null : stage,
      message,
    });
    return;
  }
  expect(x.error).toBeNull();
  expect(x.matches.map(matchIds)).toEqual([...step.advanced.matches, ...step.processed].map(matchIds));
  const timeouts = (list: readonly { match: Match | MatchView; timestamp: number }[]) =>
    list.map((t) => ({ match: matchIds(t.match), timestamp: t.timestamp }));
  expect(timeouts(x.timedOut)).toEqual(timeouts(step.advanced.timedOut));

  // A partial run: the stage it waits in, its start, its events (the current one's stage unknown).
  const partialKey = (stage: string, start: number, events: readonly (readonly [string, number])[]) =>
    `${stage}|${String(start)}|${events.map(([s, i]) => `${i === current ? "?" : s}:${String(i)}`).join(",")}`;
  const ofView = (v: PartialMatchView) => partialKey(v.stage, v.startTimestamp, viewEvents(v.events));
  const ofRun = (r: RunExplanation) =>
    partialKey(r.stage, r.startTimestamp ?? timestamp, viewEvents(r.events));
  const partials = (views: readonly PartialMatchView[]) => views.filter((v) => !v.completed).map(ofView);
  const completed = (views: readonly PartialMatchView[]) =>
    views.filter((v) => v.completed).map((v) => eventsKey(viewEvents(v.events)));

  for (const r of x.runs) {
    // A run that completes says so, even when a NOT stage discards its other branches.
    if (r.branches.some((b) => b.toKind === "end")) expect(r.outcome).toBe("completed");
  }
  const windowRuns = x.runs.filter(isWindowOutcome);
  const processRuns = x.runs.filter((r) => !isWindowOutcome(r));
  for (const r of windowRuns) expect(r.windowEnd).toBeLessThanOrEqual(timestamp);
  expect(
    sorted(
      windowRuns
        .filter((r) => r.outcome === "discarded-by-window")
        .map((r) => `${eventsKey(viewEvents(r.events))}@${String(r.windowEnd)}`),
    ),
  ).toEqual(
    sorted(step.advanced.timedOut.map((t) => `${eventsKey(matchEvents(t.match))}@${String(t.timestamp)}`)),
  );
  // The runs `process` walks are the ones advanceTime left.
  expect(sorted(processRuns.filter((r) => r.kind === "partial").map(ofRun)), "runs explained").toEqual(
    sorted(partials(step.middle)),
  );

  // Pruned partial runs: those advanceTime's skip pruned (gone before process), then process's.
  const prunedPartial = x.pruned.filter((p) => !p.completed).map(ofView);
  const prunedByAdvance = subtract(
    subtract(partials(step.before), windowRuns.map(ofRun)).rest,
    partials(step.middle),
  ).rest;
  const prunedByProcess = subtract(prunedPartial, prunedByAdvance);
  expect(prunedByProcess.missing, "advanceTime pruned runs the explanation does not name").toEqual([]);

  const retained: string[] = [];
  const ended: string[] = [];
  for (const r of processRuns) {
    for (const b of r.branches) {
      const events = viewEvents(r.events);
      if (b.took) events.push([b.stage, current]);
      if (b.toKind === "end") ended.push(eventsKey(events));
      else if (b.toKind !== "stop" && !isStopped(r) && events.length > 0)
        retained.push(partialKey(b.stage, r.startTimestamp ?? timestamp, events));
    }
  }
  const unpruned = subtract(retained, prunedByProcess.rest);
  expect(unpruned.missing, "pruned runs no run turned into").toEqual([]);
  const survivors = subtract(unpruned.rest, x.capped.map(ofView));
  expect(survivors.missing, "capped runs no run turned into").toEqual([]);
  expect(sorted(partials(step.after)), "runs after the event").toEqual(sorted(survivors.rest));
  const counts = new Map<string, number>();
  for (const v of step.after) if (!v.completed) counts.set(v.stage, (counts.get(v.stage) ?? 0) + 1);
  expect(new Map([...step.countsAfter].sort()), "countByStage").toEqual(new Map([...counts].sort()));

  // Completed runs: held before, released by the window, or completed now; minus emitted and pruned.
  const sources = [
    ...completed(step.before),
    ...windowRuns
      .filter((r) => r.outcome === "matched-by-window")
      .map((r) => eventsKey(viewEvents(r.events))),
    ...ended,
  ];
  const emitted = subtract(
    sources,
    x.matches.map((m) => eventsKey(matchEvents(m))),
  );
  expect(emitted.missing, "matches no run completed").toEqual([]);
  const held = subtract(emitted.rest, completed(x.pruned));
  expect(held.missing, "pruned completed matches no run completed").toEqual([]);
  expect(sorted(completed(step.after)), "completed matches held back").toEqual(sorted(held.rest));
}
