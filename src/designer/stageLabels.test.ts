import { describe, expect, it } from "vitest";
import {
  loopingQuantifier,
  singleQuantifier,
  timesQuantifier,
  withInnerContiguity,
  withProperty,
} from "../model/quantifier.ts";
import {
  formatDuration,
  innerContiguityLabel,
  quantifierBadge,
  quantifierCalls,
  skipStrategyLabel,
  windowLabel,
} from "./stageLabels.ts";

describe("quantifierBadge", () => {
  it("writes Flink's quantifiers in regular-expression shorthand", () => {
    expect(quantifierBadge(singleQuantifier())).toBe("1");
    expect(quantifierBadge(loopingQuantifier(1))).toBe("+");
    expect(quantifierBadge(loopingQuantifier(3))).toBe("{3,}");
    expect(quantifierBadge(timesQuantifier(2, 2))).toBe("{2}");
    expect(quantifierBadge(timesQuantifier(2, 4))).toBe("{2,4}");
    expect(quantifierBadge(withProperty(singleQuantifier(), "OPTIONAL"))).toBe("1?");
    // times(0, 3) is Flink's optional times(1, 3).
    expect(quantifierBadge(timesQuantifier(0, 3))).toBe("{1,3}?");
  });

  it("spells the badge out as Pattern API calls", () => {
    expect(quantifierCalls(withProperty(loopingQuantifier(1), "GREEDY"))).toBe("oneOrMore().greedy()");
    expect(quantifierCalls(withProperty(timesQuantifier(2, 4), "OPTIONAL"))).toBe("times(2, 4).optional()");
  });
});

describe("innerContiguityLabel", () => {
  it("names consecutive() and allowCombinations(), and nothing for the default or a single stage", () => {
    expect(innerContiguityLabel(withInnerContiguity(loopingQuantifier(1), "STRICT"))).toBe("consecutive()");
    expect(innerContiguityLabel(withInnerContiguity(timesQuantifier(2, 3), "SKIP_TILL_ANY"))).toBe(
      "allowCombinations()",
    );
    expect(innerContiguityLabel(loopingQuantifier(1))).toBeNull();
    expect(innerContiguityLabel(withInnerContiguity(singleQuantifier(), "STRICT"))).toBeNull();
  });
});

describe("windows and skip strategies", () => {
  it("reads a window with how Flink measures it", () => {
    expect(formatDuration({ unit: "MINUTES", size: 5 })).toBe("5 min");
    expect(windowLabel({ type: "FIRST_AND_LAST", time: { unit: "SECONDS", size: 30 } })).toEqual({
      text: "within 30 s",
      measure: "first → last event",
    });
    expect(windowLabel({ type: "PREVIOUS_AND_CURRENT", time: { unit: "HOURS", size: 1 } }).measure).toBe(
      "previous → current event",
    );
  });

  it("writes skip strategies as their factory calls", () => {
    expect(skipStrategyLabel({ type: "NO_SKIP", patternName: null })).toBe("noSkip()");
    expect(skipStrategyLabel({ type: "SKIP_PAST_LAST_EVENT", patternName: null })).toBe(
      "skipPastLastEvent()",
    );
    expect(skipStrategyLabel({ type: "SKIP_TO_FIRST", patternName: "a" })).toBe('skipToFirst("a")');
  });
});
