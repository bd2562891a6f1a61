import { describe, expect, it } from "vitest";
import type { MatchView } from "../../runtime/session/index.ts";
import { TYPE_CATEGORIES } from "./laneLayout.ts";
import { eventNear, outputMarkOf, timelineEventsOf, visibleEvents } from "./timelineData.ts";

describe("timeline events", () => {
  const events = timelineEventsOf([
    { time: 30, key: "b", type: "cart", late: false, processed: true, line: 2, position: 0 },
    { time: 10, key: "a", type: "view", late: true, processed: true, line: 3, position: 1 },
    { time: 30, key: "a", type: "purchase", late: false, processed: false, line: 4, position: 2 },
    { time: 20, key: null, type: 5, late: false, processed: false, line: 5, position: 4 },
  ]);

  it("keeps input order in columns, keys numbered as first seen", () => {
    expect([...events.time]).toEqual([30, 10, 30, 20]);
    expect([...events.line]).toEqual([2, 3, 4, 5]);
    expect([...events.position]).toEqual([0, 1, 2, 4]);
    expect(events.keys).toEqual(["b", "a", "(no key)"]);
    expect([...events.keyIndex]).toEqual([0, 1, 1, 2]);
    expect([...events.category].map((c) => TYPE_CATEGORIES[c])).toEqual([
      "cart",
      "view",
      "purchase",
      "other",
    ]);
    expect([...events.late]).toEqual([0, 1, 0, 0]);
    expect([...events.processed]).toEqual([1, 1, 0, 0]);
  });

  it("lists the events inside a time range", () => {
    const into = new Int32Array(events.count);
    expect([...into.subarray(0, visibleEvents(events, 15, 30, into))]).toEqual([0, 2, 3]);
    expect(visibleEvents(events, 31, 40, into)).toBe(0);
  });

  it("picks the event nearest a click on a key's lane, within the tolerance", () => {
    expect(eventNear(events, "a", 12, 5)).toBe(1);
    expect(eventNear(events, "a", 27, 5)).toBe(2);
    expect(eventNear(events, "a", 20, 5)).toBe(-1);
    expect(eventNear(events, "zzz", 10, 5)).toBe(-1);
  });
});

describe("outputMarkOf", () => {
  const view: MatchView = {
    type: "timeout",
    seq: 0,
    ruleId: "2",
    version: 3,
    key: "517014550",
    timestamp: 1_000 + 1_800_000,
    subtask: 0,
    stages: [{ stage: "cart_add", events: [{ line: 2, fields: { t: 1_000 } }] }],
  };
  const time = (fields: Readonly<Record<string, unknown>>) =>
    typeof fields.t === "number" ? fields.t : null;

  it("spans a timeout from its first event to when it timed out", () => {
    expect(outputMarkOf(view, time)).toEqual({
      type: "timeout",
      key: "517014550",
      from: 1_000,
      at: 1_801_000,
      ruleId: "2",
      version: 3,
      lines: [2],
    });
  });

  it("puts a match at its last captured event", () => {
    const match: MatchView = {
      ...view,
      type: "match",
      timestamp: 5,
      stages: [
        { stage: "a", events: [{ line: 2, fields: { t: 100 } }] },
        { stage: "b", events: [{ line: 3, fields: { t: 400 } }] },
      ],
    };
    expect(outputMarkOf(match, time)).toMatchObject({ type: "match", from: 100, at: 400, lines: [2, 3] });
  });
});
