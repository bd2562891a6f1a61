/**
 * patternConditionProblems / bindingExpressionProblems: every condition problem of a pattern at
 * its JSON path, leaf by leaf, for each condition kind, where and until, groups included.
 */
import { describe, expect, it } from "vitest";
import type { Condition } from "../../model/condition.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { bindingExpressionProblems, expressionDiagnostics, patternConditionProblems } from "../index.ts";

const ok: Condition = { type: "aviator", expression: "kind == 'a'" };
const bad: Condition = { type: "aviator", expression: "kind == " };
const unbound = (className: string): Condition => ({ type: "class", className });

/** `begin("a").where(a).followedBy("b").where(b)`: nodes[0] is b, nodes[1] is a (Flink's order). */
function ab(a: Condition, b: Condition) {
  return PatternBuilder.begin("a").where(a).followedBy("b").where(b).build();
}

describe("patternConditionProblems", () => {
  it("finds nothing when every condition compiles", () => {
    const bindings = { "com.acme.IsX": "kind == 'x'", "com.acme.In": "include(config.args, kind)" };
    const pattern = ab(
      { type: "and", left: ok, right: { type: "class", className: "com.acme.IsX" } },
      { type: "class", className: "com.acme.In", args: ["x", "y"] },
    );
    expect(patternConditionProblems(pattern, bindings)).toEqual([]);
  });

  it("an AVIATOR expression that does not compile, at its expression", () => {
    expect(patternConditionProblems(ab(ok, bad), {})).toEqual([
      {
        path: "nodes[0].condition.expression",
        message: "stage 'b': 1:9: expected an expression but found end of expression",
      },
    ]);
    const unknown = patternConditionProblems(ab({ type: "aviator", expression: "nosuchfn(kind)" }, ok), {});
    expect(unknown).toEqual([
      {
        path: "nodes[1].condition.expression",
        message: expect.stringMatching(/^stage 'a': 1:1: .*nosuchfn/) as unknown,
      },
    ]);
  });

  it("GROOVY, at the condition", () => {
    expect(patternConditionProblems(ab({ type: "groovy", expression: "true" }, ok), {})).toEqual([
      {
        path: "nodes[1].condition",
        message: "stage 'a': GROOVY conditions are not supported; rewrite it as an AVIATOR expression",
      },
    ]);
  });

  it("CLASS and SUBTYPE without a binding, at the class name they read", () => {
    const subtype: Condition = {
      type: "subtype",
      className: "org.apache.flink.cep.pattern.conditions.SubtypeCondition",
      subClassName: "com.acme.Big",
    };
    expect(patternConditionProblems(ab(unbound("com.acme.IsX"), subtype), {})).toEqual([
      {
        path: "nodes[0].condition.subClassName",
        message: "condition class 'com.acme.Big' (stage 'b') has no binding; add one to the binding table",
      },
      {
        path: "nodes[1].condition.className",
        message: "condition class 'com.acme.IsX' (stage 'a') has no binding; add one to the binding table",
      },
    ]);
    expect(patternConditionProblems(ab(ok, subtype), { "com.acme.Big": "n > 4" })).toEqual([]);
  });

  it("a bound expression that does not compile, at each class that reads it", () => {
    const bindings = { "com.acme.Bad": "n >" };
    expect(patternConditionProblems(ab(ok, unbound("com.acme.Bad")), bindings)).toEqual([
      {
        path: "nodes[0].condition.className",
        message:
          "stage 'b': condition class 'com.acme.Bad': 1:4: expected an expression but found end of expression",
      },
    ]);
  });

  it("nested and / or / not, leaf by leaf at nestedConditions[i]", () => {
    const nested: Condition = {
      type: "or",
      left: ok,
      right: { type: "and", left: { type: "not", inner: bad }, right: unbound("com.acme.C") },
    };
    expect(patternConditionProblems(PatternBuilder.begin("a").where(nested).build(), {})).toEqual([
      {
        path: "nodes[0].condition.nestedConditions[1].nestedConditions[0].nestedConditions[0].expression",
        message: expect.stringMatching(/^stage 'a': 1:9: /) as unknown,
      },
      {
        path: "nodes[0].condition.nestedConditions[1].nestedConditions[1].className",
        message: "condition class 'com.acme.C' (stage 'a') has no binding; add one to the binding table",
      },
    ]);
  });

  it("until conditions, and the stages and until of groups", () => {
    const group = PatternBuilder.begin("g1").where(ok).next("g2").where(bad);
    const pattern = PatternBuilder.begin("a")
      .where(ok)
      .oneOrMore()
      .until(bad)
      .followedBy(group)
      .oneOrMore()
      .until({ type: "groovy", expression: "x" })
      .build();
    expect(patternConditionProblems(pattern, {}).map((p) => [p.path, p.message.slice(0, 30)])).toEqual([
      ["nodes[0].nodes[0].condition.expression", "stage 'g2': 1:9: expected an e"],
      ["nodes[0].quantifier.untilCondition", "stage 'g2': GROOVY conditions "],
      ["nodes[1].quantifier.untilCondition.expression", "stage 'a': 1:9: expected an ex"],
    ]);
  });

  it("one problem per unbound class, at its first use, naming every stage that uses it once", () => {
    const pattern = PatternBuilder.begin("a")
      .where(unbound("com.acme.View"))
      .oneOrMore()
      .until(unbound("com.acme.View"))
      .followedBy("b")
      .where(unbound("com.acme.View"))
      .build();
    expect(patternConditionProblems(pattern, {})).toEqual([
      {
        path: "nodes[0].condition.className",
        message:
          "condition class 'com.acme.View' (stages 'b', 'a') has no binding; add one to the binding table",
      },
    ]);
  });

  it("reports several problems at once: invalid expressions in JSON order, then unbound classes", () => {
    const pattern = PatternBuilder.begin("a")
      .where(unbound("com.acme.A"))
      .followedBy("b")
      .where(bad)
      .followedBy("c")
      .where({ type: "and", left: unbound("com.acme.A"), right: { type: "groovy", expression: "x" } })
      .build();
    expect(patternConditionProblems(pattern, {}).map((p) => p.path)).toEqual([
      "nodes[0].condition.nestedConditions[1]",
      "nodes[1].condition.expression",
      "nodes[0].condition.nestedConditions[0].className",
    ]);
  });

  it("words the unbound-class advice as the caller asks", () => {
    const [problem] = patternConditionProblems(
      ab(ok, unbound("a.B")),
      {},
      {
        bindingHint: "give its expression in --bindings FILE",
      },
    );
    expect(problem?.message).toBe(
      "condition class 'a.B' (stage 'b') has no binding; give its expression in --bindings FILE",
    );
  });

  it("reads bindings as own keys only", () => {
    expect(patternConditionProblems(ab(ok, unbound("toString")), {}).map((p) => p.path)).toEqual([
      "nodes[0].condition.className",
    ]);
  });
});

describe("bindingExpressionProblems", () => {
  it("names every entry whose expression does not compile, in table order", () => {
    expect(bindingExpressionProblems({ "a.Ok": "price > 1", "a.Bad": "price >", "a.Worse": "f(" })).toEqual([
      {
        className: "a.Bad",
        message: "invalid expression: 1:8: expected an expression but found end of expression",
      },
      { className: "a.Worse", message: expect.stringMatching(/^invalid expression: 1:\d+: /) as unknown },
    ]);
    expect(bindingExpressionProblems({})).toEqual([]);
  });
});

describe("expressionDiagnostics", () => {
  it("names every AVIATOR condition that does not compile, where and until alike, and leaves classes alone", () => {
    const pattern = PatternBuilder.begin("a")
      .where("x == && (")
      .followedBy("b")
      .where("y > 1")
      .oneOrMore()
      .until("z = 2")
      .followedBy("c")
      .where({ type: "class", className: "com.example.Unbound" })
      .build();
    const found = expressionDiagnostics(pattern);
    // JSON order: the GraphSpec lists the last stage first.
    expect(found.map((d) => [d.severity, d.stage, d.path])).toEqual([
      ["error", "b", "nodes[1].quantifier.untilCondition.expression"],
      ["error", "a", "nodes[2].condition.expression"],
    ]);
    expect(found[1]?.message).toMatch(/^stage 'a': the condition does not compile: 1:\d+: /);
    expect(expressionDiagnostics(PatternBuilder.begin("a").where("x == 1").build())).toEqual([]);
  });
});
