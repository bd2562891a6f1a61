/**
 * RunSession.inputEvents: input events by range among those matching a key, type or event-time
 * filter, with positions that skip bad rows, keys and times as the run reads them, and lateness
 * known once the run processed the event (and exact again after a seek).
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { RunSession } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import type { RunConfig } from "./sessionTypes.ts";

const CSV = [
  "t,u,kind",
  "1000,u1,view",
  "3000,u2,cart",
  "oops,u1,view",
  "2000,u1,cart",
  "5000,u2,view",
  "4000,u1,view",
].join("\n");

const CONFIG: RunConfig = {
  key: "u",
  time: { field: "t", watermarks: { type: "bounded", delay: 0 }, finalWatermark: true },
  clock: null,
  parallelism: 1,
};

function session(checkpointInterval?: number): RunSession {
  const input = SessionInput.fromText({ fileName: "events.csv" });
  input.push(CSV);
  input.end();
  const pattern = PatternBuilder.begin("v").where("kind == 'view'").build();
  return new RunSession({
    rules: [{ id: "1", version: 1, pattern, function: null }],
    config: CONFIG,
    input,
    ...(checkpointInterval === undefined ? {} : { checkpointInterval }),
  });
}

describe("RunSession.inputEvents", () => {
  it("pages through every event with its position, key, time and type", () => {
    const s = session();
    const all = s.inputEvents({ from: 0, count: 100, typeField: "kind" });
    expect(all).toMatchObject({ total: 6, minTime: 1000, maxTime: 5000 });
    expect(all.rows.map((r) => [r.position, r.index, r.line, r.key, r.timestamp, r.type])).toEqual([
      [0, 0, 2, "u1", 1000, "view"],
      [1, 1, 3, "u2", 3000, "cart"],
      [2, 2, 4, "u1", null, "view"],
      [3, 3, 5, "u1", 2000, "cart"],
      [4, 4, 6, "u2", 5000, "view"],
      [5, 5, 7, "u1", 4000, "view"],
    ]);
    const page = s.inputEvents({ from: 2, count: 2 });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => [r.index, r.type])).toEqual([
      [2, undefined],
      [3, undefined],
    ]);
  });

  it("leaves the fields out when asked to (the timeline draws key, time and type only)", () => {
    const s = session();
    const full = s.inputEvents({ from: 0, count: 1, typeField: "kind" });
    expect(full.rows[0]?.fields).toEqual({ t: 1000, u: "u1", kind: "view" });
    const bare = s.inputEvents({ from: 0, count: 1, typeField: "kind", withFields: false });
    expect(bare.rows[0]).toMatchObject({ key: "u1", timestamp: 1000, type: "view", fields: {} });
    expect(Object.keys(bare.rows[0]?.fields ?? { missing: true })).toEqual([]);
  });

  it("filters by key, type and an event-time window; from and total count the matches", () => {
    const s = session();
    const u1Views = s.inputEvents({
      from: 1,
      count: 10,
      filter: { key: "u1", type: "view" },
      typeField: "kind",
    });
    expect(u1Views.total).toBe(3);
    expect(u1Views.rows.map((r) => r.position)).toEqual([2, 5]);
    const window = s.inputEvents({ from: 0, count: 10, filter: { fromTime: 2000, toTime: 4000 } });
    expect(window.rows.map((r) => r.timestamp)).toEqual([3000, 2000, 4000]);
    expect(() => s.inputEvents({ from: -1, count: 1 })).toThrow(RangeError);
  });

  it("marks events late once processed, and again after a seek back and forth", () => {
    const s = session(2);
    const lateOf = () =>
      s
        .inputEvents({ from: 0, count: 10 })
        .rows.filter((r) => r.late)
        .map((r) => r.position);
    expect(lateOf()).toEqual([]);
    s.play();
    while (s.state === "playing") s.tick(16);
    // 2000 comes after 3000 (watermark 2999), 4000 after 5000 (watermark 4999).
    expect(lateOf()).toEqual([3, 5]);
    s.seek(4);
    expect(lateOf()).toEqual([3]);
    s.seek(1);
    expect(lateOf()).toEqual([]);
    s.seek(6);
    expect(lateOf()).toEqual([3, 5]);
  });

  it("marks the event the source skipped (its time unreadable) once read, also after seeks", () => {
    const s = session(2);
    const skippedOf = () =>
      s
        .inputEvents({ from: 0, count: 10 })
        .rows.filter((r) => r.skipped)
        .map((r) => r.position);
    expect(skippedOf()).toEqual([]);
    s.play();
    while (s.state === "playing") s.tick(16);
    expect(skippedOf()).toEqual([2]);
    s.seek(1);
    expect(skippedOf()).toEqual([]);
    s.seek(5);
    expect(skippedOf()).toEqual([2]);
  });
});
