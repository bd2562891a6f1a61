import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/index.ts";
import type { Rule } from "../../model/pattern.ts";
import { compileRuleSet, RuleSetError } from "./ruleSetLoader.ts";

function rule(pattern: Rule["pattern"]): Rule {
  return { id: "r", version: 1, pattern, function: null };
}

describe("compileRuleSet", () => {
  it("names each malformed stage once, with the rule and the JSON path", () => {
    // Two stages with the same name, and a stage no edge reaches (its message names it itself).
    const built = PatternBuilder.begin("a").where("x == 1").next("a").where("x == 2").build();
    const lonely = { ...(built.nodes[0] as object), name: "lonely" };
    const pattern = { ...built, nodes: [...built.nodes, lonely] } as Rule["pattern"];
    let error: unknown;
    try {
      compileRuleSet([rule(pattern)], {}, undefined, () => undefined);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RuleSetError);
    const problems = (error as RuleSetError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toMatch(/^rule 'r'/);
      expect(problem.match(/stage 'a'/g)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(problem.match(/stage 'lonely'/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
    expect(problems.some((p) => p.includes("stage 'lonely': the stage is not connected"))).toBe(true);
  });
});
