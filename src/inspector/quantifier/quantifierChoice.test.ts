import { describe, expect, it } from "vitest";
import { setGreedy, setOptional, setTimes } from "../../document/edits/quantifierEdits.ts";
import {
  loopingQuantifier,
  singleQuantifier,
  timesQuantifier,
  withInnerContiguity,
} from "../../model/quantifier.ts";
import { countsProblem, quantifierChoice, shownChoice, withChoice } from "./quantifierChoice.ts";

describe("quantifierChoice", () => {
  it("names the Pattern API call of each quantifier", () => {
    expect(quantifierChoice(singleQuantifier())).toBe("single");
    expect(quantifierChoice(loopingQuantifier(1))).toBe("oneOrMore");
    expect(quantifierChoice(loopingQuantifier(10))).toBe("timesOrMore");
    expect(quantifierChoice(timesQuantifier(3, 3))).toBe("times");
    expect(quantifierChoice(timesQuantifier(2, 4))).toBe("timesRange");
  });
});

describe("withChoice", () => {
  it("builds exactly what Flink's writer emits for times(3) and timesOrMore(10) (seeds 3 and 5)", () => {
    expect(setTimes(withChoice(singleQuantifier(), "times"), 3, 3)).toEqual(timesQuantifier(3, 3));
    expect(setTimes(withChoice(singleQuantifier(), "timesOrMore"), 10, 10)).toEqual(loopingQuantifier(10));
    expect(withChoice(singleQuantifier(), "oneOrMore")).toEqual(loopingQuantifier(1));
  });

  it("reads back as the call picked", () => {
    for (const choice of ["single", "oneOrMore", "times", "timesRange", "timesOrMore"] as const) {
      expect(quantifierChoice(withChoice(loopingQuantifier(1), choice))).toBe(choice);
      expect(quantifierChoice(withChoice(singleQuantifier(), choice))).toBe(choice);
    }
  });

  it("keeps optional and inner contiguity, and drops greedy for a single stage", () => {
    const q = setOptional(setGreedy(withInnerContiguity(loopingQuantifier(1), "STRICT"), true), true);
    expect(withChoice(q, "timesRange")).toMatchObject({
      consumingStrategy: "STRICT",
      properties: ["TIMES", "OPTIONAL", "GREEDY"],
      times: { from: 1, to: 2 },
    });
    expect(withChoice(q, "single").properties).toEqual(["SINGLE", "OPTIONAL"]);
  });

  it("returns the same quantifier when the call does not change", () => {
    const q = timesQuantifier(2, 5);
    expect(withChoice(q, "timesRange")).toBe(q);
  });
});

describe("countsProblem", () => {
  it("refuses from > to and counts below 1", () => {
    expect(countsProblem(5, 4)).toBe("From (5) must not be greater than to (4).");
    expect(countsProblem(0, 4)).not.toBeNull();
    expect(countsProblem(3, 3)).toBeNull();
  });
});

describe("shownChoice", () => {
  it("keeps a picked range or timesOrMore while the model reads as its twin", () => {
    expect(shownChoice(timesQuantifier(3, 3), "timesRange")).toBe("timesRange");
    expect(shownChoice(loopingQuantifier(1), "timesOrMore")).toBe("timesOrMore");
  });

  it("shows what the quantifier is otherwise", () => {
    expect(shownChoice(timesQuantifier(3, 3), null)).toBe("times");
    expect(shownChoice(timesQuantifier(3, 3), "oneOrMore")).toBe("times");
    expect(shownChoice(singleQuantifier(), "timesRange")).toBe("single");
    expect(shownChoice(timesQuantifier(2, 5), "times")).toBe("timesRange");
  });
});
