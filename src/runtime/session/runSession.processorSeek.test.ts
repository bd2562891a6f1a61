/**
 * Property: a session running seed 000's processor over generated data, with channel configs
 * broadcast at any times, seeks backward and forward to exactly the state a straight run has
 * there (results, broadcast timeline and state, each key's keyed state), and plays on to the
 * same end — checkpoints hold the processor's keyed and broadcast state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RunSession } from "./runSession.ts";
import { generatedInput, seed000EventTime } from "./testing/processorData.ts";

const INPUT = generatedInput("seed000", 5, 12, 300);
const EVENTS = INPUT.items.flatMap((item) => (item.type === "event" ? [item.event] : []));
const TIMES = EVENTS.map((e) => Date.parse(`${String(e.eventTime).replace(" ", "T")}Z`));
const START = Math.min(...TIMES);
const SPAN = Math.max(...TIMES) - START;
const USERS = [...new Set(EVENTS.map((e) => String(e.userId)))];
const CHANNELS = ["APP", "WEB", "WAP"] as const;

interface Planned {
  readonly frac: number;
  readonly channel: (typeof CHANNELS)[number];
  readonly max: number;
  readonly history: number;
}

const planned: fc.Arbitrary<Planned> = fc.record({
  frac: fc.double({ min: 0, max: 1.1, noNaN: true }),
  channel: fc.constantFrom(...CHANNELS),
  max: fc.integer({ min: 0, max: 6 }),
  history: fc.integer({ min: 0, max: 12 }),
});

function schedule(plan: readonly Planned[]): unknown[] {
  return [...plan]
    .sort((a, b) => a.frac - b.frac)
    .map((p) => ({
      at: START + Math.round(p.frac * SPAN),
      config: {
        channel: p.channel,
        registerDate: "2018-01-01",
        historyPurchaseTimes: p.history,
        maxPurchasePathLength: p.max,
      },
    }));
}

function session(broadcast: readonly unknown[], checkpointInterval?: number): RunSession {
  return new RunSession({
    rules: [],
    processor: "purchase-path",
    broadcast,
    config: seed000EventTime(2),
    input: INPUT,
    keep: 10_000,
    ...(checkpointInterval === undefined ? {} : { checkpointInterval }),
  });
}

function stateAt(s: RunSession) {
  const summary = s.summary();
  return {
    position: summary.position,
    counts: summary.counts,
    watermark: summary.watermark,
    broadcast: summary.broadcast,
    broadcastState: s.broadcastState(),
    keyed: USERS.map((user) => s.partialMatches(user).processor),
    results: s.query("results", 0, 10_000).records,
  };
}

describe("RunSession.seek with a processor", () => {
  it("lands on a straight run's state at every position and ends as it does", () => {
    fc.assert(
      fc.property(
        fc.array(planned, { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: INPUT.items.length }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 3, max: 60 }),
        (plan, path, interval) => {
          const broadcast = schedule(plan);
          const straight = session(broadcast);
          const reference = new Map<number, ReturnType<typeof stateAt>>();
          const wanted = new Set(path);
          for (let items = 0; ;) {
            if (wanted.has(items)) reference.set(items, stateAt(straight));
            if (items >= INPUT.items.length) break;
            straight.step();
            items = straight.summary().position.items;
          }
          straight.step();
          const expected = stateAt(straight);

          const s = session(broadcast, interval);
          for (const position of path) {
            s.seek(position);
            expect(stateAt(s)).toEqual(reference.get(position));
          }
          s.play();
          while (s.state === "playing") s.tick(16);
          expect(stateAt(s)).toEqual(expected);
        },
      ),
      { numRuns: 10, seed: 20261122 },
    );
  });
});
