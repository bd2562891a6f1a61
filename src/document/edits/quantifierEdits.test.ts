import { describe, expect, it } from "vitest";
import { loopingQuantifier, singleQuantifier, timesQuantifier, withUntil } from "../../model/quantifier.ts";
import { aviator } from "../testing/ruleFixtures.ts";
import {
  setGreedy,
  setOptional,
  setQuantifierKind,
  setTimes,
  setTimesWindow,
  setUntil,
  withoutProperty,
} from "./quantifierEdits.ts";

describe("quantifier edits", () => {
  it("toggles optional and greedy in EnumSet order", () => {
    const q = setOptional(setGreedy(loopingQuantifier(1), true), true);
    expect(q.properties).toEqual(["LOOPING", "OPTIONAL", "GREEDY"]);
    expect(setGreedy(q, false).properties).toEqual(["LOOPING", "OPTIONAL"]);
    expect(withoutProperty(q, "TIMES")).toBe(q);
  });

  it("switches kinds keeping flags, bounds and inner contiguity where they apply", () => {
    const looping = {
      ...withUntil(setOptional(loopingQuantifier(3), true), aviator("a")),
      consumingStrategy: "STRICT" as const,
    };
    const times = setQuantifierKind(looping, "TIMES");
    expect(times).toEqual({
      consumingStrategy: "STRICT",
      properties: ["TIMES", "OPTIONAL"],
      times: { from: 3, to: 3, windowTime: null },
      untilCondition: null,
    });
    const single = setQuantifierKind(times, "SINGLE");
    expect(single).toEqual({
      ...singleQuantifier(),
      consumingStrategy: "STRICT",
      properties: ["SINGLE", "OPTIONAL"],
    });
    expect(setQuantifierKind(single, "LOOPING").times).toEqual({ from: 1, to: 1, windowTime: null });
    expect(setQuantifierKind(single, "SINGLE")).toBe(single);
  });

  it("sets bounds: timesOrMore writes to = from, times keeps both; single has none", () => {
    expect(setTimes(loopingQuantifier(1), 4, 9).times).toEqual({ from: 4, to: 4, windowTime: null });
    expect(setTimes(timesQuantifier(1, 2), 2, 5).times).toEqual({ from: 2, to: 5, windowTime: null });
    const single = singleQuantifier();
    expect(setTimes(single, 2, 3)).toBe(single);
  });

  it("sets the per-repetition window and the until condition", () => {
    const w = { unit: "SECONDS", size: 10 } as const;
    expect(setTimesWindow(timesQuantifier(2, 3), w).times?.windowTime).toEqual(w);
    const single = singleQuantifier();
    expect(setTimesWindow(single, w)).toBe(single);
    const until = aviator("eventType == 'purchase'");
    const q = setUntil(loopingQuantifier(1), until);
    expect(q.untilCondition).toBe(until);
    expect(setUntil(q, until)).toBe(q);
    expect(setUntil(q, null).untilCondition).toBeNull();
  });
});
