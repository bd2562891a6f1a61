import { describe, expect, it } from "vitest";
import { isolatedOccurrences } from "./isolatedOccurrences.ts";

describe("isolatedOccurrences", () => {
  it("finds the right-to-left names a sentence quotes, left to right, longest first at one place", () => {
    const text = "stage 'שלב' follows 'שלב_2' and 'first_view', then 'שלב' again";
    expect(isolatedOccurrences(text, ["first_view", "שלב", "שלב_2"])).toEqual([
      { at: text.indexOf("שלב"), name: "שלב" },
      { at: text.indexOf("שלב_2"), name: "שלב_2" },
      { at: text.lastIndexOf("שלב"), name: "שלב" },
    ]);
  });

  it("isolates nothing when no name holds right-to-left letters", () => {
    expect(isolatedOccurrences("first_view next second_view", ["first_view", "second_view"])).toEqual([]);
    expect(isolatedOccurrences("a \u202e b", ["a \u202e b"])).toEqual([]);
  });

  it("reads a sentence quoting thousands of names", () => {
    const names = Array.from({ length: 3000 }, (_, i) => `مرحلة_${i}`);
    const text = names.join(" next ");
    const found = isolatedOccurrences(text, names);
    expect(found).toHaveLength(3000);
    expect(found[2999]).toEqual({ at: text.length - "مرحلة_2999".length, name: "مرحلة_2999" });
  });
});
