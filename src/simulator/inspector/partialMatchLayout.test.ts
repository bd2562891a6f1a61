import { describe, expect, it } from "vitest";
import type { PartialMatchInfo, RunSummary } from "../../runtime/session/index.ts";
import { addKeysSeen } from "./keysSeen.ts";
import { matchHighlight, stageGroups, windowText } from "./partialMatchLayout.ts";

const T0 = Date.parse("2020-01-01T00:01:00Z");
const taken = (stage: string, line: number, second: number) => ({
  stage,
  timestamp: T0 + second * 1000,
  event: { line, fields: { eventType: "view" } },
});

const match: PartialMatchInfo = {
  stage: "cart",
  startTimestamp: T0,
  previousTimestamp: T0 + 2000,
  completed: false,
  events: [taken("views", 2, 0), taken("views", 3, 1), taken("views", 4, 2)],
  windowEndsAt: T0 + 300_000,
  timeLeft: 297_001,
};

describe("partial match layout", () => {
  it("groups a looping stage's events and lights its stages and lines", () => {
    expect(stageGroups(match).map((g) => [g.stage, g.events.length])).toEqual([["views", 3]]);
    expect(matchHighlight("7", match)).toEqual({ ruleId: "7", stages: ["views", "cart"], lines: [2, 3, 4] });
  });

  it("says how much window time is left against the watermark, or that it passed", () => {
    const time = { kind: "eventTime", now: T0 + 2999 } as const;
    expect(windowText(match, time)).toBe("window ends 2020-01-01 00:06:00.000 · 5 min left by the watermark");
    expect(windowText({ ...match, timeLeft: -1 }, time)).toContain("passed by the watermark");
    expect(windowText({ ...match, windowEndsAt: null, timeLeft: null }, time)).toBe(
      "no window: waits until it completes",
    );
  });
});

describe("addKeysSeen", () => {
  const summary = (listed: string[], matchKeys: (string | null)[] = [], resultKeys: string[] = []) =>
    ({
      changedKeys: { count: listed.length, listed },
      newest: {
        matches: matchKeys.map((key) => ({ key })),
        timeouts: [],
        late: [],
        results: resultKeys.map((key) => ({ key })),
      },
    }) as unknown as RunSummary;

  it("adds new keys from changed keys and outputs, once each, newest last", () => {
    const first = addKeysSeen([], summary(["a", "b"], ["c", null]));
    expect(first).toEqual(["a", "b", "c"]);
    expect(addKeysSeen(first, summary(["b"]))).toBe(first);
    expect(addKeysSeen(first, summary(["d", "a"]))).toEqual(["a", "b", "c", "d"]);
  });

  it("adds the users of a processor's results", () => {
    expect(addKeysSeen(["a"], summary([], [], ["u1", "a"]))).toEqual(["a", "u1"]);
  });

  it("keeps only the newest keys beyond the cap", () => {
    expect(addKeysSeen(["a", "b"], summary(["c", "d"]), 3)).toEqual(["b", "c", "d"]);
  });
});
