import { describe, expect, it } from "vitest";
import { chainGraph, docRule, group, stage } from "../testing/ruleFixtures.ts";
import { graphAt } from "./graphAccess.ts";
import { setSkipStrategy, setWindow } from "./patternEdits.ts";

describe("pattern edits", () => {
  it("sets and removes the window of the top graph or of a group", () => {
    const rule = docRule(chainGraph([stage("a"), group("g", [stage("x")])]));
    const w = { type: "PREVIOUS_AND_CURRENT", time: { unit: "SECONDS", size: 30 } } as const;
    const top = setWindow(rule, [], w);
    expect(top.rule.pattern.window).toEqual(w);
    expect(setWindow(top, [], { ...w, time: { ...w.time } })).toBe(top);
    expect(setWindow(top, [], null).rule.pattern.window).toBeNull();
    expect(graphAt(setWindow(rule, ["g"], w).rule.pattern, ["g"])?.window).toEqual(w);
  });

  it("keeps patternName only for the strategies that name a stage", () => {
    const rule = docRule(chainGraph([stage("a"), stage("b")]));
    const toFirst = setSkipStrategy(rule, { type: "SKIP_TO_FIRST", patternName: "b" });
    expect(toFirst.rule.pattern.afterMatchStrategy).toEqual({ type: "SKIP_TO_FIRST", patternName: "b" });
    const past = setSkipStrategy(toFirst, { type: "SKIP_PAST_LAST_EVENT", patternName: "b" });
    expect(past.rule.pattern.afterMatchStrategy).toEqual({ type: "SKIP_PAST_LAST_EVENT", patternName: null });
    expect(setSkipStrategy(past, { type: "SKIP_PAST_LAST_EVENT", patternName: null })).toBe(past);
  });
});
