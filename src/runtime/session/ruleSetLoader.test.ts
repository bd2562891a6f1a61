import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/index.ts";
import type { Rule } from "../../model/pattern.ts";
import { compileRuleSet, RuleSetError } from "./ruleSetLoader.ts";

function rule(pattern: Rule["pattern"]): Rule {
  return { id: "r", version: 1, pattern, function: null };
}

function problemsOf(rules: Rule[], bindings: Record<string, string> = {}): readonly string[] {
  try {
    compileRuleSet(rules, bindings, undefined, () => undefined);
  } catch (error) {
    if (error instanceof RuleSetError) return error.problems;
    throw error;
  }
  throw new Error("expected the rule set to fail");
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

  it("names every condition problem of a rule, not just the first, each at its JSON path", () => {
    const pattern = PatternBuilder.begin("a")
      .where("kind == ")
      .followedBy("b")
      .where({ type: "class", className: "com.acme.B" })
      .followedBy("c")
      .where({
        type: "or",
        left: { type: "class", className: "com.acme.B" },
        right: { type: "aviator", expression: "nosuchfn(kind)" },
      })
      .build();
    const ok = PatternBuilder.begin("a").where({ type: "class", className: "com.acme.Ok" }).build();
    expect(problemsOf([rule(pattern), { ...rule(ok), id: "ok" }], { "com.acme.Ok": "kind == 'a'" })).toEqual([
      expect.stringMatching(
        /^rule 'r' \(version 1\): nodes\[0\]\.condition\.nestedConditions\[1\]\.expression: stage 'c': 1:1: .*nosuchfn/,
      ),
      "rule 'r' (version 1): nodes[2].condition.expression: stage 'a': 1:9: expected an expression but found end of expression",
      "rule 'r' (version 1): nodes[0].condition.nestedConditions[0].className: condition class 'com.acme.B' (stages 'c', 'b') has no binding; add one to the binding table",
    ]);
  });

  it("names condition problems and Flink's structural ones together", () => {
    const built = PatternBuilder.begin("a").where("kind ==").notFollowedBy("b").where("x ==").build();
    expect(problemsOf([rule(built)])).toEqual([
      expect.stringMatching(/^rule 'r' \(version 1\): nodes\[0\]\.condition\.expression: stage 'b': 1:5: /),
      expect.stringMatching(/^rule 'r' \(version 1\): nodes\[1\]\.condition\.expression: stage 'a': 1:8: /),
      expect.stringMatching(/^rule 'r' \(version 1\): .*stage 'b': NotFollowedBy/),
    ]);
  });
});
