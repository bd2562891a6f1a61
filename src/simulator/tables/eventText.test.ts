import { describe, expect, it } from "vitest";
import type { MatchView } from "../../runtime/session/index.ts";
import { eventText, fieldText, matchLines, stagesText } from "./eventText.ts";

const mapping = { key: "userId", time: "eventTime", type: "eventType" };
const match: MatchView = {
  type: "match",
  seq: 0,
  ruleId: "2",
  version: 1,
  key: "590404850",
  timestamp: 0,
  subtask: 0,
  stages: [
    {
      stage: "cart_add",
      events: [{ line: 3, fields: { eventType: "cart", eventTime: "2020-01-01 01:11:02.0" } }],
    },
    {
      stage: "purchase",
      events: [{ line: 4, fields: { eventType: "purchase", eventTime: "2020-01-01 01:11:03.0" } }],
    },
  ],
};

describe("event text", () => {
  it("shows type and time by the mapping, with the input line", () => {
    expect(stagesText(match, mapping)).toBe(
      "cart_add: cart @ 2020-01-01 01:11:02.0 (line 3); purchase: purchase @ 2020-01-01 01:11:03.0 (line 4)",
    );
    expect(matchLines(match)).toEqual([3, 4]);
  });

  it("falls back to the event's JSON without a mapping", () => {
    expect(eventText({ line: null, fields: { a: 1 } }, null)).toBe('{"a":1}');
  });

  it("writes field values as text", () => {
    expect([
      fieldText("x"),
      fieldText(2),
      fieldText(null),
      fieldText({ p: 1 }),
      fieldText(undefined),
      fieldText(""),
    ]).toEqual(["x", "2", "null", '{"p":1}', "", '""']);
  });

  it("tells no value (null) and the empty string apart in a match's events", () => {
    const event = (eventType: unknown) => ({
      line: 2,
      fields: { eventType, eventTime: "2020-01-01 00:00:01" },
    });
    expect(eventText(event(null), mapping)).toBe("null @ 2020-01-01 00:00:01 (line 2)");
    expect(eventText(event(""), mapping)).toBe('"" @ 2020-01-01 00:00:01 (line 2)');
  });
});
