/**
 * State shapes NFACompiler builds for each quantifier (Flink's NFACompilerTest idea): names,
 * types and transitions, written as `name(Type): ACTION->target ...`.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { graphToPattern } from "./graphToPattern.ts";
import { compileStates } from "./nfaCompiler.ts";

function shape(builder: PatternBuilder): string[] {
  const compiled = compileStates(graphToPattern(builder.build()).lastPattern);
  return compiled.states.map(
    (s) =>
      `${s.name}(${s.stateType}):` +
      s.stateTransitions.map((t) => ` ${t.action}->${t.targetState.name}`).join(""),
  );
}

function windows(builder: PatternBuilder): Record<string, number> {
  return Object.fromEntries(compileStates(graphToPattern(builder.build()).lastPattern).windowTimes);
}

describe("NFACompiler state shapes", () => {
  it("single stages: followedBy ignores non-matching events, begin and next do not", () => {
    expect(shape(PatternBuilder.begin("a").followedBy("b").next("c"))).toEqual([
      "$endState$(Final):",
      "c(Normal): TAKE->$endState$",
      "b(Normal): TAKE->c IGNORE->b",
      "a(Start): TAKE->b",
    ]);
  });

  it("optional: a proceed to the next stage and a separate ignore state without it", () => {
    expect(shape(PatternBuilder.begin("a").followedBy("b").optional().followedBy("c"))).toEqual([
      "$endState$(Final):",
      "c(Normal): TAKE->$endState$ IGNORE->c",
      "b(Normal): TAKE->c PROCEED->c IGNORE->b:0",
      "b:0(Normal): TAKE->c IGNORE->b:0",
      "a(Start): TAKE->b",
    ]);
  });

  it("oneOrMore: first iteration state, looping state with proceed, inner ignore state", () => {
    expect(shape(PatternBuilder.begin("a").followedBy("b").oneOrMore())).toEqual([
      "$endState$(Final):",
      "b(Normal): PROCEED->$endState$ TAKE->b IGNORE->b:0",
      "b:0(Normal): TAKE->b IGNORE->b:0",
      "b:1(Normal): TAKE->b IGNORE->b:1",
      "a(Start): TAKE->b:1",
    ]);
  });

  it("times(2, 3): one optional iteration, one mandatory, then the first", () => {
    expect(shape(PatternBuilder.begin("a").next("b").times(2, 3).followedBy("c"))).toEqual([
      "$endState$(Final):",
      "c(Normal): TAKE->$endState$ IGNORE->c",
      "b(Normal): TAKE->c PROCEED->c IGNORE->b:0",
      "b:0(Normal): TAKE->c IGNORE->b:0",
      "b:1(Normal): TAKE->b IGNORE->b:1",
      "b:2(Normal): TAKE->b:1",
      "a(Start): TAKE->b:2",
    ]);
  });

  it("times windows apply only to the generated name:n states that take events", () => {
    expect(windows(PatternBuilder.begin("a").followedBy("b").times(2, 3, 7))).toEqual({ "b:1": 7, "b:2": 7 });
    expect(windows(PatternBuilder.begin("a").followedBy("b").timesOrMore(2, 5))).toEqual({
      "b:1": 5,
      "b:2": 5,
    });
  });

  it("times windows apply to every state whose name holds a ':', as Flink's `contains(\":\")` test does", () => {
    expect(windows(PatternBuilder.begin("a:b").times(1, 1, 10_000).followedBy("z"))).toEqual({
      "a:b": 10_000,
    });
    expect(windows(PatternBuilder.begin("ab").times(1, 1, 10_000).followedBy("z"))).toEqual({});
  });

  it("notNext in the middle: proceed on the negation, proceed to a Stop state on the condition", () => {
    expect(shape(PatternBuilder.begin("a").notNext("b").followedBy("c"))).toEqual([
      "$endState$(Final):",
      "c(Normal): TAKE->$endState$ IGNORE->c",
      "b(Normal): PROCEED->c PROCEED->b:0",
      "b:0(Stop): TAKE->b:0",
      "a(Start): TAKE->b",
    ]);
  });

  it("notFollowedBy at the end with a window: a Pending state", () => {
    expect(shape(PatternBuilder.begin("a").notFollowedBy("b").within(10))).toEqual([
      "$endState$(Final):",
      "b(Pending): PROCEED->b:0 IGNORE->b",
      "b:0(Stop): TAKE->b:0",
      "a(Start): TAKE->b",
    ]);
  });

  it("notFollowedBy in the middle: Stop transitions on the following stage's states", () => {
    expect(shape(PatternBuilder.begin("a").notFollowedBy("b").followedBy("c"))).toEqual([
      "$endState$(Final):",
      "c(Normal): TAKE->$endState$ IGNORE->c PROCEED->b",
      "b(Stop): TAKE->b",
      "a(Start): TAKE->c",
    ]);
  });

  it("greedy: the states after the loop also require the loop condition to fail", () => {
    const compiled = compileStates(
      graphToPattern(PatternBuilder.begin("a").followedBy("b").oneOrMore().greedy().followedBy("c").build())
        .lastPattern,
    );
    const c = compiled.states.find((s) => s.name === "c");
    expect(c?.stateTransitions.map((t) => t.condition?.kind)).toEqual(["and", "and"]);
  });

  it("group patterns expand their inner stages inline", () => {
    const group = PatternBuilder.begin("x").followedBy("y");
    expect(shape(PatternBuilder.begin("a").followedBy(group).oneOrMore())).toEqual([
      "$endState$(Final):",
      "GroupPattern(Normal): PROCEED->x",
      "y(Normal): TAKE->GroupPattern IGNORE->y",
      "x(Normal): TAKE->y IGNORE->x PROCEED->$endState$",
      "y:0(Normal): TAKE->x IGNORE->y:0",
      "x:0(Normal): TAKE->y:0 IGNORE->x:0",
      "a(Start): TAKE->x:0",
    ]);
  });
});
