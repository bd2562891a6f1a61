import { describe, expect, it } from "vitest";
import type { RunSummary } from "../../runtime/session/index.ts";
import { isFiltered, outputCountText, outputFilterOf, outputRuleIds } from "./outputFilter.ts";

function summaryWith(active: string[], broadcast: string[]): Pick<RunSummary, "activeRules" | "broadcast"> {
  return {
    activeRules: active.map((id) => ({ id, version: 1 })),
    broadcast: { records: [], rules: broadcast.map((ruleId) => ({ ruleId, changes: [] })) },
  };
}

describe("output table filters", () => {
  it("sends only the fields picked, the key trimmed, and no rule for late events", () => {
    expect(outputFilterOf("matches", { ruleId: "", key: "" })).toEqual({});
    expect(outputFilterOf("matches", { ruleId: "2", key: " u1 " })).toEqual({ ruleId: "2", key: "u1" });
    expect(outputFilterOf("timeouts", { ruleId: "2", key: "  " })).toEqual({ ruleId: "2" });
    expect(outputFilterOf("late", { ruleId: "2", key: "u1" })).toEqual({ key: "u1" });
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ key: "u1" })).toBe(true);
  });

  it("offers the running rules and those the broadcast stream touched, in id order", () => {
    expect(outputRuleIds(null)).toEqual([]);
    expect(outputRuleIds(summaryWith(["10", "2"], ["2", "9", "b"]))).toEqual(["2", "9", "10", "b"]);
  });

  it("says how many records the filter keeps of the whole list", () => {
    expect(outputCountText("matches", {}, null, 12)).toBe("12 matches");
    expect(outputCountText("timeouts", {}, null, 1)).toBe("1 timeout");
    expect(outputCountText("matches", { ruleId: "1" }, 3, 1200)).toBe("3 of 1 200 matches");
    expect(outputCountText("late", { key: "u1" }, null, 2)).toBe("… of 2 late events");
  });
});
