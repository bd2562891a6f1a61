import { describe, expect, it } from "vitest";
import { exportRule, parseRuleSetText } from "../formats/dynamicCep/index.ts";
import { formatJson } from "./formatJson.ts";
import seed1 from "../scenarios/seed/scenario1.rule.json?raw";
import seed2 from "../scenarios/seed/scenario2.rule.json?raw";
import seed3 from "../scenarios/seed/scenario3.rule.json?raw";
import seed4 from "../scenarios/seed/scenario4.rule.json?raw";
import seed5 from "../scenarios/seed/scenario5.rule.json?raw";

describe("formatJson", () => {
  it("writes short arrays of plain values on one line and objects expanded", () => {
    expect(formatJson({ a: ["SINGLE", "GREEDY"], b: {}, c: [], d: { e: null } })).toBe(
      '{\n  "a": ["SINGLE", "GREEDY"],\n  "b": {},\n  "c": [],\n  "d": {\n    "e": null\n  }\n}',
    );
  });

  it("breaks arrays that do not fit, and arrays of objects", () => {
    const long = Array.from({ length: 30 }, (_, i) => `value_${i}`);
    expect(formatJson({ long }, 80).split("\n")).toHaveLength(long.length + 4);
    expect(formatJson([{ a: 1 }])).toBe('[\n  {\n    "a": 1\n  }\n]');
  });

  it("is JSON that reads back as the same value", () => {
    const value = { s: 'quote " and \\ and \u2028', n: -1.5e-7, t: true, arr: [1, "x", null, [2]] };
    expect(JSON.parse(formatJson(value))).toEqual(value);
  });

  it("writes the seed rules exactly as their files are written", () => {
    for (const text of [seed1, seed2, seed3, seed4, seed5]) {
      const parsed = parseRuleSetText(text, "seed.rule.json");
      if (!parsed.ok) throw new Error("a seed rule does not import");
      const [rule] = parsed.value;
      if (!rule) throw new Error("a seed file holds no rule");
      expect(`${formatJson(exportRule(rule))}\n`).toBe(text);
    }
  });
});
