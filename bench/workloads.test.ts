import { describe, expect, it } from "vitest";
import type { EventRecord } from "../src/engine/index.ts";
import type { OperatorOutput } from "../src/engine/operator/index.ts";
import { EventColumns } from "./eventColumns.ts";
import { measurePartialMatchMemory } from "./partialMatchMemory.ts";
import { runWorkload, type EventSource } from "./runWorkload.ts";
import { MATRIX_WORKLOADS, workloadById, type WorkloadId } from "./workloads.ts";

const T0 = Date.UTC(2019, 9, 1);
const MINUTE = 60_000;

/** A hand-made stream: [user, type, minutes after T0], fed in time order (stable: ties keep row order). */
function stream(rows: ReadonlyArray<readonly [string, string, number]>): EventSource {
  const inTimeOrder = rows.slice().sort((a, b) => a[2] - b[2]);
  const events: EventRecord[] = inTimeOrder.map(([user, type, minutes], i) => ({
    event_time: T0 + minutes * MINUTE,
    event_type: type,
    product_id: String(1_000_000 + i),
    price: 10,
    user_id: user,
  }));
  return {
    length: events.length,
    timestamps: events.map((e) => e.event_time as number),
    event: (i) => events[i] ?? {},
    key: (i) => String(events[i]?.user_id),
  };
}

/** user → the event types of each match, in emission order. */
function run(id: WorkloadId, source: EventSource): { matches: Map<string, string[][]>; timeouts: number } {
  const matches = new Map<string, string[][]>();
  const result = runWorkload({
    workload: workloadById(id),
    columns: source,
    disorderMs: 0,
    timeouts: true,
    onOutput: (record: OperatorOutput) => {
      if (record.type !== "match") return;
      const types = [...record.match.values()].flat().map((e) => String(e.event_type));
      const list = matches.get(String(record.key)) ?? [];
      list.push(types);
      matches.set(String(record.key), list);
    },
  });
  expect(result.late).toBe(0);
  return { matches, timeouts: result.timeouts };
}

const HAND_MADE = stream([
  ["a", "view", 0],
  ["a", "cart", 1],
  ["a", "purchase", 2],
  ["b", "view", 0],
  ["b", "view", 1],
  ["b", "cart", 2],
  ["b", "purchase", 3],
  ["c", "view", 0],
  ["c", "cart", 1],
  ["c", "view", 2],
  ["c", "purchase", 3],
  ["d", "view", 0],
  ["d", "cart", 1],
  ["d", "cart", 2],
  ["d", "purchase", 3],
  ["e", "view", 0],
  ["e", "cart", 40],
  ["e", "purchase", 41],
]);

describe("workloads on a hand-made stream", () => {
  it("Q1 (strict next) matches only an unbroken view, cart, purchase within 30 min", () => {
    const { matches } = run("Q1", HAND_MADE);
    expect(matches.get("a")).toEqual([["view", "cart", "purchase"]]);
    expect(matches.get("b")).toEqual([["view", "cart", "purchase"]]);
    expect(matches.has("c")).toBe(false);
    expect(matches.has("d")).toBe(false);
    expect(matches.has("e")).toBe(false);
  });

  it("Q2 (followedBy) skips events in between; skipPastLastEvent leaves one match per purchase", () => {
    const { matches } = run("Q2", HAND_MADE);
    expect(matches.get("a")).toEqual([["view", "cart", "purchase"]]);
    expect(matches.get("b")).toEqual([["view", "cart", "purchase"]]);
    expect(matches.get("c")).toEqual([["view", "cart", "purchase"]]);
    expect(matches.get("d")).toEqual([["view", "cart", "purchase"]]);
    expect(matches.has("e")).toBe(false); // the cart came 40 min after the view
  });

  it("Q4 (cart.oneOrMore()) takes every cart before the purchase", () => {
    const { matches } = run("Q4", HAND_MADE);
    expect(matches.get("d")).toEqual([["view", "cart", "cart", "purchase"]]);
    expect(matches.get("c")).toEqual([["view", "cart", "purchase"]]);
  });

  it("Q6 (cart notFollowedBy purchase) releases abandoned carts when the watermark passes the window", () => {
    const { matches, timeouts } = run(
      "Q6",
      stream([
        ["a", "cart", 0],
        ["a", "purchase", 5],
        ["b", "cart", 0],
        ["b", "view", 10],
        ["c", "cart", 50],
      ]),
    );
    expect(matches.get("b")).toEqual([["cart"]]);
    expect(matches.get("c")).toEqual([["cart"]]); // only the final watermark releases it
    expect(matches.has("a")).toBe(false);
    expect(timeouts).toBe(0); // a pending notFollowedBy completes, it does not time out
  });

  it("runs that never complete time out (at the latest on the final watermark)", () => {
    const { timeouts } = run(
      "Q2",
      stream([
        ["a", "view", 0],
        ["b", "view", 0],
        ["b", "cart", 1],
      ]),
    );
    expect(timeouts).toBe(2);
  });
});

describe("workloads on a generated stream", () => {
  const inOrder = new EventColumns({ users: 500, events: 6_000, eventsPerSecond: 20, seed: 7 });
  const disordered = new EventColumns({
    users: 500,
    events: 6_000,
    eventsPerSecond: 20,
    seed: 7,
    maxOutOfOrdernessMs: 5_000,
  });

  for (const workload of MATRIX_WORKLOADS) {
    it(`${workload.id} finds matches, in order and with 5 s disorder (never late)`, () => {
      const a = runWorkload({ workload, columns: inOrder, disorderMs: 0 });
      const b = runWorkload({ workload, columns: disordered, disorderMs: 5_000 });
      for (const r of [a, b]) {
        expect(r.events).toBe(6_000);
        expect(r.matches).toBeGreaterThan(0);
        expect(r.late).toBe(0);
        expect(r.partialMatchesPeak).toBeGreaterThan(0);
        expect(r.eventsPerSec).toBeGreaterThan(0);
        expect(r.peakHeapBytes).toBeGreaterThan(0);
      }
      // Only Q6 reads timeouts (and its pending runs complete rather than time out).
      expect(a.timeouts).toBe(0);
      if (workload.id !== "Q6") {
        const read = runWorkload({ workload, columns: inOrder, disorderMs: 0, timeouts: true });
        expect(read.timeouts).toBeGreaterThan(0);
        expect(read.matches).toBe(a.matches);
      }
    });
  }

  it("with millisecond timestamps (no ties), 5 s disorder gives exactly the in-order matches", () => {
    // With whole-second timestamps two events of a key in the same second may arrive swapped,
    // and the operator (like Flink without a comparator) keeps arrival order within a timestamp.
    const options = { users: 500, events: 6_000, eventsPerSecond: 20, seed: 9, timeResolutionMs: 1 };
    const a = new EventColumns(options);
    const b = new EventColumns({ ...options, maxOutOfOrdernessMs: 5_000 });
    for (const workload of MATRIX_WORKLOADS) {
      const inOrder = runWorkload({ workload, columns: a, disorderMs: 0 });
      const disordered = runWorkload({ workload, columns: b, disorderMs: 5_000 });
      expect([workload.id, disordered.matches, disordered.timeouts]).toEqual([
        workload.id,
        inOrder.matches,
        inOrder.timeouts,
      ]);
    }
  });

  it("the pathological pattern hits the partial-match cap with a warning, and stays under it", () => {
    const columns = new EventColumns({ users: 1, events: 60, eventsPerSecond: 1, seed: 1 });
    const r = runWorkload({
      workload: workloadById("pathological"),
      columns,
      disorderMs: 0,
      maxPartialMatches: 20,
    });
    expect(r.capWarnings).toBe(1);
    expect(r.firstWarning).toMatch(/more than 20 partial matches/);
    expect(r.partialMatchesPeak).toBeLessThanOrEqual(20);
  });
});

describe("measurePartialMatchMemory", () => {
  it("creates keys × runs-per-key live partial matches (one per key for strict Q1)", () => {
    const q2 = measurePartialMatchMemory(workloadById("Q2"), 200, 3);
    expect(q2.liveRuns).toBe(600);
    expect(q2.runsPerKey).toBe(3);
    const q1 = measurePartialMatchMemory(workloadById("Q1"), 200, 3);
    expect(q1.liveRuns).toBe(200);
    expect(q1.bytesPerExtraRun).toBeNull();
    const q6 = measurePartialMatchMemory(workloadById("Q6"), 200, 3);
    expect(q6.liveRuns).toBe(600);
  });
});
