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

  it("counts rules whose ids are Object.prototype's names as any other", () => {
    const counts = countByRule(
      [output("match", "__proto__"), output("match", "constructor")],
      [output("timeout", "constructor")],
      ["__proto__", "constructor"],
    );
    expect(Object.entries(counts)).toEqual([
      ["__proto__", { matches: 1, timeouts: 0 }],
      ["constructor", { matches: 1, timeouts: 1 }],
    ]);
  });
});
