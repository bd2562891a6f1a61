/**
 * Property: with any broadcast schedule (rule updates — some rejected —, removals, global and
 * keyed configs that conditions read), seeking backward and forward lands on exactly the state a
 * straight run has at that position (counts, watermark, running versions, broadcast timeline and
 * state), and playing on from there ends as the straight run does — checkpoints carry the
 * broadcast stream's position, the configs elements arrived under and the timeline.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportRule } from "../../formats/dynamicCep/index.ts";
import { Clickstream } from "../../formats/generator/clickstream.ts";
import type { Rule } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { RunSession } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import type { RunConfig } from "./sessionTypes.ts";

const START = Date.UTC(2019, 9, 1);
const EVENTS = [
  ...new Clickstream({ seed: 11, users: 6, events: 120, eventsPerSecond: 1, maxOutOfOrdernessMs: 8000 }),
];
/** The stream's event-time span (an event a second, give or take the disorder). */
const SPAN_MS = 120 * 1000;
const CONFIG: RunConfig = {
  key: "user_id",
  time: { field: "event_time", watermarks: { type: "bounded", delay: 8000 }, finalWatermark: true },
  clock: null,
  parallelism: 2,
};

function viewCart(version: number, windowMinutes: number): Rule {
  const pattern = PatternBuilder.begin("v")
    .where("event_type == 'view' && config.watch == true")
    .followedBy("c")
    .where("event_type == 'cart'")
    .within(windowMinutes * 60_000);
  return { id: "vc", version, pattern: pattern.build(), function: null };
}

const INITIAL = viewCart(1, 10);

type Planned =
  | { readonly kind: "rule"; readonly frac: number; readonly version: number; readonly window: number }
  | { readonly kind: "remove"; readonly frac: number }
  | { readonly kind: "config"; readonly frac: number; readonly watch: boolean; readonly keyed: boolean };

const planned: fc.Arbitrary<Planned> = fc.oneof(
  fc.record({
    kind: fc.constant("rule" as const),
    frac: fc.double({ min: 0, max: 1.1, noNaN: true }),
    version: fc.integer({ min: 1, max: 4 }),
    window: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ kind: fc.constant("remove" as const), frac: fc.double({ min: 0, max: 1.1, noNaN: true }) }),
  fc.record({
    kind: fc.constant("config" as const),
    frac: fc.double({ min: 0, max: 1.1, noNaN: true }),
    watch: fc.boolean(),
    keyed: fc.boolean(),
  }),
);

/** The records in `at` order, after a global config at the start that every condition can read. */
function schedule(plan: readonly Planned[]): unknown[] {
  const sorted = [...plan].sort((a, b) => a.frac - b.frac);
  return [
    { at: START, config: { watch: true } },
    ...sorted.map((p) => {
      const at = START + Math.round(p.frac * SPAN_MS);
      switch (p.kind) {
        case "rule":
          return { at, rule: exportRule(viewCart(p.version, p.window)) };
        case "remove":
          return { at, remove: "vc" };
        case "config":
          return p.keyed
            ? { at, config: { watch: p.watch }, keyBy: "event_type", value: "view" }
            : { at, config: { watch: p.watch } };
      }
    }),
  ];
}

function session(broadcast: readonly unknown[], checkpointInterval?: number): RunSession {
  return new RunSession({
    rules: [INITIAL],
    broadcast,
    config: CONFIG,
    input: SessionInput.fromEvents(EVENTS),
    keep: 10_000,
    ...(checkpointInterval === undefined ? {} : { checkpointInterval }),
  });
}

/** What must be equal at a position. */
function stateAt(s: RunSession) {
  const summary = s.summary();
  return {
    position: summary.position,
    state: summary.state,
    counts: summary.counts,
    watermark: summary.watermark,
    activeRules: summary.activeRules,
    broadcast: summary.broadcast,
    warnings: summary.warnings,
    broadcastState: s.broadcastState(),
  };
}

function ending(s: RunSession) {
  s.play();
  for (let i = 0; i < 1000 && s.state === "playing"; i++) s.tick(16);
  const describe = (kind: "matches" | "timeouts") =>
    s.query(kind, 0, 10_000).records.map((m) => {
      const stages = m.stages.map((st) => `${st.stage}=${st.events.map((e) => String(e.line)).join("|")}`);
      return `${m.ruleId}v${m.version} ${String(m.key)} @${m.timestamp} ${stages.join(" ")}`;
    });
  return { ...stateAt(s), matches: describe("matches"), timeouts: describe("timeouts") };
}

describe("RunSession.seek with a broadcast stream", () => {
  it("lands on a straight run's state at every position and ends as it does", () => {
    fc.assert(
      fc.property(
        fc.array(planned, { maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: EVENTS.length }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 3, max: 40 }),
        (plan, path, interval) => {
          const broadcast = schedule(plan);
          const straight = session(broadcast);
          const reference = new Map<number, ReturnType<typeof stateAt>>();
          const wanted = new Set(path);
          for (let items = 0; ;) {
            if (wanted.has(items)) reference.set(items, stateAt(straight));
            if (items >= EVENTS.length) break;
            straight.step();
            items = straight.summary().position.items;
          }
          const expected = ending(straight);

          const s = session(broadcast, interval);
          for (const position of path) {
            s.seek(position);
            expect(stateAt(s)).toEqual(reference.get(position));
          }
          expect(ending(s)).toEqual(expected);
        },
      ),
      { numRuns: 12, seed: 20261122 },
    );
  });
});
