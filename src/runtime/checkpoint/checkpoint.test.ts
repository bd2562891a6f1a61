/**
 * The checkpoint property: running straight through gives exactly the outputs of (a) snapshot at
 * position k → structuredClone → restore into a fresh job → continue, and (b) CheckpointStore
 * seeks backward and forward, then continue — for the five seed scenarios and generated streams.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePattern } from "../../engine/index.ts";
import { importRuleSet, loadBindings } from "../../formats/dynamicCep/index.ts";
import { Clickstream } from "../../formats/generator/clickstream.ts";
import type { ConditionBindings } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { StreamJob, type JobRule, type StreamJobSnapshot } from "../job/index.ts";
import { at, jobRule } from "../job/testing/jobTestSupport.ts";
import { CheckpointStore } from "./checkpointStore.ts";
import {
  collecting,
  feed,
  finish,
  outputTotal,
  runStraight,
  startJob,
  withWatermarks,
  type DriverOptions,
  type InputRecord,
} from "./testing/replayDriver.ts";

const SCENARIOS = path.resolve(import.meta.dirname, "../../../../shared/scenarios");

function scenario(n: number): { options: DriverOptions; input: InputRecord[] } {
  const bindingsResult = loadBindings(
    JSON.parse(readFileSync(path.join(SCENARIOS, "bindings.json"), "utf8")),
  );
  if (!bindingsResult.ok) throw new Error("bad bindings");
  const bindings: ConditionBindings = bindingsResult.value;
  const rules = importRuleSet(
    JSON.parse(readFileSync(path.join(SCENARIOS, `scenario${n}.rule.json`), "utf8")),
  );
  if (!rules.ok) throw new Error("bad rule");
  const jobRules: JobRule[] = rules.value.map((rule) => ({
    rule,
    nfa: compilePattern(rule.pattern, { bindings }),
  }));
  const [header, ...rows] = readFileSync(path.join(SCENARIOS, `scenario${n}.events.csv`), "utf8")
    .trimEnd()
    .split("\n");
  const fields = (header as string).split(",");
  const events = rows.map((row) => {
    const values = row.split(",");
    const event: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      const v = values[i] as string;
      event[f] = f === "price" || f === "productId" ? Number(v) : v;
    });
    const timestamp = Date.parse(`${String(event.eventTime).replace(" ", "T")}Z`);
    return { event: { ...event, ts: timestamp }, key: String(event.userId), timestamp };
  });
  return {
    options: { logic: { type: "cep", rules: jobRules }, timeCharacteristic: "eventTime" },
    input: withWatermarks(events),
  };
}

const MINUTE = 60_000;

function generated(seed: number, stateTtlMs?: number): { options: DriverOptions; input: InputRecord[] } {
  const viewThenCart = jobRule(
    "view-cart",
    1,
    PatternBuilder.begin("v")
      .where("event_type == 'view'")
      .followedBy("c")
      .where("event_type == 'cart'")
      .within(10 * MINUTE),
  );
  const abandoned = jobRule(
    "abandoned",
    1,
    PatternBuilder.begin("c")
      .where("event_type == 'cart'")
      .notFollowedBy("p")
      .where("event_type == 'purchase'")
      .within(5 * MINUTE),
  );
  const repeat = jobRule(
    "repeat",
    1,
    PatternBuilder.begin("a")
      .where("event_type == 'view'")
      .followedBy("b")
      .where("event_type == 'view' && product_id == first(getEventsForPattern('a')).product_id"),
  );
  const viewThenCart2 = jobRule(
    "view-cart",
    2,
    PatternBuilder.begin("v")
      .where("event_type == 'view'")
      .next("c")
      .where("event_type == 'cart'")
      .within(2 * MINUTE),
  );
  const events = [
    ...new Clickstream({ seed, users: 12, events: 300, eventsPerSecond: 0.2, maxOutOfOrdernessMs: 3000 }),
  ].map((e) => ({
    event: e,
    key: e.user_id,
    timestamp: e.event_time,
  }));
  const middle = (events[150] as { timestamp: number }).timestamp;
  return {
    options: {
      logic: { type: "cep", rules: [viewThenCart, abandoned, repeat] },
      timeCharacteristic: "eventTime",
      parallelism: 3,
      broadcast: [
        at(middle, { type: "rule", rule: viewThenCart2 }),
        at(middle + MINUTE, { type: "remove", id: "repeat" }),
      ],
      ...(stateTtlMs === undefined ? {} : { stateTtlMs }),
    },
    input: withWatermarks(events, 2000),
  };
}

/** Outputs when snapshotting at k, cloning, restoring into a fresh job and continuing. */
function runRestoredAt(options: DriverOptions, input: readonly InputRecord[], k: number): string[] {
  const first = startJob(options);
  feed(first.job, input, 0, k);
  const snapshot = structuredClone(first.job.snapshot(k));
  const lines = first.lines.slice();
  const job = StreamJob.restore(snapshot, { ...options, ...collecting(lines) });
  feed(job, input, k, input.length);
  finish(job);
  return lines;
}

/** Outputs when running with checkpoints, seeking to `positions` in turn, then finishing. */
function runWithSeeks(
  options: DriverOptions,
  input: readonly InputRecord[],
  straight: readonly string[],
  positions: readonly number[],
): string[] {
  const store = new CheckpointStore<StreamJobSnapshot>({ interval: 7, budgetBytes: 400_000 });
  let lines: string[] = [];
  let job = new StreamJob({ ...options, ...collecting(lines) });
  store.add(0, job.snapshot(0));
  let position = 0;
  const step = (to: number): void => {
    for (; position < to;) {
      feed(job, input, position, position + 1);
      position++;
      store.maybeCheckpoint(position, () => job.snapshot(position));
    }
  };
  step(input.length);
  for (const target of positions) {
    job = store.seek(target, {
      restore: (snapshot) => {
        // Outputs before the checkpoint are those of the straight run (it is deterministic).
        lines = straight.slice(
          0,
          Object.values(snapshot.outputs).reduce((a, b) => a + b, 0),
        );
        return StreamJob.restore(snapshot, { ...options, ...collecting(lines) });
      },
      replay: (restored, from, to) => {
        feed(restored, input, from, to);
      },
    });
    position = target;
    expect(outputTotal(job)).toBe(lines.length);
  }
  step(input.length);
  finish(job);
  return lines;
}

describe("checkpoint → restore → continue gives the straight run's outputs", () => {
  for (const n of [1, 2, 3, 4, 5]) {
    it(`seed scenario ${n}, every k`, () => {
      const { options, input } = scenario(n);
      const straight = runStraight(options, input);
      expect(straight.length).toBeGreaterThan(0);
      for (let k = 0; k <= input.length; k++) expect(runRestoredAt(options, input, k)).toEqual(straight);
      expect(runWithSeeks(options, input, straight, [Math.floor(input.length / 2), 0, input.length])).toEqual(
        straight,
      );
    });
  }

  it("generated clickstream with rule updates, windows and notFollowedBy, for arbitrary k", () => {
    const { options, input } = generated(7);
    const straight = runStraight(options, input);
    expect(straight.some((l) => l.startsWith("match"))).toBe(true);
    expect(straight.some((l) => l.startsWith("timeout"))).toBe(true);
    expect(straight.some((l) => l.startsWith("dropped"))).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: input.length }), (k) => {
        expect(runRestoredAt(options, input, k)).toEqual(straight);
      }),
      { numRuns: 12 },
    );
  });

  it("generated clickstream: seek backward and forward, then continue", () => {
    const { options, input } = generated(11);
    const straight = runStraight(options, input);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: input.length }), { minLength: 1, maxLength: 4 }),
        (targets) => {
          expect(runWithSeeks(options, input, straight, targets)).toEqual(straight);
        },
      ),
      { numRuns: 6 },
    );
  });

  it("with state TTL, restored runs expire the same state at the same time", () => {
    const { options, input } = generated(5, 2 * MINUTE);
    const straight = runStraight(options, input);
    expect(straight.some((l) => l.startsWith("expired"))).toBe(true);
    for (const k of [0, 37, 150, 151, 299]) expect(runRestoredAt(options, input, k)).toEqual(straight);
  });
});

describe("CheckpointStore", () => {
  it("takes checkpoints every N records, thins old ones within the budget, seeks to the nearest", () => {
    const store = new CheckpointStore<number[]>({ interval: 10, budgetBytes: 2000, sizeOf: () => 100 });
    for (let p = 0; p <= 1000; p++) store.maybeCheckpoint(p, () => [p]);
    expect(store.bytes).toBeLessThanOrEqual(2000);
    const positions = store.checkpoints.map((c) => c.position);
    expect(positions[0]).toBe(0);
    expect(positions.at(-1)).toBe(1000);
    expect(store.nearest(995)?.position).toBeLessThanOrEqual(995);
    const replayed: Array<[number, number]> = [];
    const got = store.seek(555, {
      restore: (state) => state.slice(),
      replay: (runner, from, to) => {
        replayed.push([from, to]);
        runner.push(to);
      },
    });
    expect(got[0]).toBe(store.nearest(555)?.position);
    expect(replayed).toEqual([[store.nearest(555)?.position, 555]]);
    expect(() =>
      new CheckpointStore<number>({ interval: 5 }).seek(3, { restore: (s) => s, replay: () => undefined }),
    ).toThrow(/no checkpoint/);
  });

  it("with a clock, skips due checkpoints until 3× the last one's cost has passed (a quarter of the time)", () => {
    let now = 0;
    const store = new CheckpointStore<number>({ interval: 10, clock: () => now });
    const taken: number[] = [];
    for (let p = 1; p <= 100; p++) {
      now += 1; // 1 ms of run per record
      store.maybeCheckpoint(p, () => {
        now += 20; // each checkpoint costs 20 ms
        taken.push(p);
        return p;
      });
    }
    // The one at 10 starts at 10 ms and ends at 30 ms, so the next may start at 30 + 3 × 20 = 90 ms:
    // position 20 comes at 40 ms, …, 60 at 80 ms (skipped), 70 at 90 ms (taken, ending at 110 ms;
    // the next may start at 170 ms, after 100 comes at 140 ms).
    expect(taken).toEqual([10, 70]);
    expect(store.checkpoints.map((c) => c.position)).toEqual([10, 70]);
    // Without a clock every due checkpoint is taken.
    const plain = new CheckpointStore<number>({ interval: 10 });
    for (let p = 1; p <= 30; p++) plain.maybeCheckpoint(p, () => p);
    expect(plain.checkpoints.map((c) => c.position)).toEqual([10, 20, 30]);
  });
});
