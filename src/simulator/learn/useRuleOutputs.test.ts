import { describe, expect, it } from "vitest";
import type { MatchView } from "../../runtime/session/index.ts";
import { countByRule } from "./useRuleOutputs.ts";

const output = (type: "match" | "timeout", ruleId: string) => ({ type, ruleId }) as unknown as MatchView;

describe("countByRule", () => {
  it("counts matches and timeouts per rule, listing running rules with none", () => {
    expect(
      countByRule(
        [output("match", "1"), output("match", "2"), output("match", "2")],
        [output("timeout", "1")],
        ["1", "2", "3"],
      ),
    ).toEqual({
      "1": { matches: 1, timeouts: 1 },
      "2": { matches: 2, timeouts: 0 },
      "3": { matches: 0, timeouts: 0 },
    });
  });
});
