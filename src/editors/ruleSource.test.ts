import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../document/defaultDocument.ts";
import { exportRule } from "../formats/dynamicCep/index.ts";
import type { Rule } from "../model/pattern.ts";
import { readRuleSource, ruleSourceText } from "./ruleSource.ts";

function seedRule(index: number): Rule {
  const rule = createDefaultDocument().rules[index]?.rule;
  if (!rule) throw new Error(`no seed rule ${index}`);
  return rule;
}

describe("ruleSourceText / readRuleSource", () => {
  it("round-trips every seed rule", () => {
    for (let i = 0; i < 5; i++) {
      const rule = seedRule(i);
      const reading = readRuleSource(ruleSourceText(rule), rule);
      expect(reading.ok).toBe(true);
      if (reading.ok) expect(exportRule(reading.rule)).toEqual(exportRule(rule));
    }
  });

  it("refuses text that is not JSON, at the line and column of the problem", () => {
    const rule = seedRule(0);
    const text = ruleSourceText(rule).replace('"version": 1,', '"version": 1');
    const reading = readRuleSource(text, rule);
    expect(reading.ok).toBe(false);
    expect(reading.problems[0]).toMatchObject({ kind: "syntax", severity: "error", line: 4, column: 3 });
  });

  it("refuses a rule the importer rejects, naming the JSON path and its position", () => {
    const rule = seedRule(0);
    const text = ruleSourceText(rule).replace('"version": 1,', '"version": "one",');
    const reading = readRuleSource(text, rule);
    expect(reading.ok).toBe(false);
    expect(reading.problems[0]).toMatchObject({ kind: "import", path: "version", line: 3, column: 14 });
  });

  it("refuses an array of rules", () => {
    const rule = seedRule(0);
    const reading = readRuleSource(`[${ruleSourceText(rule)}]`, rule);
    expect(reading.ok).toBe(false);
    expect(reading.problems[0]?.message).toMatch(/one rule/);
  });

  it("takes a bare GraphSpec as the current rule's new pattern", () => {
    const rule = seedRule(1);
    const graph = JSON.stringify(exportRule(seedRule(2)).pattern);
    const reading = readRuleSource(graph, rule);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.rule).toMatchObject({ id: rule.id, version: rule.version, function: rule.function });
    expect(reading.rule.pattern).toEqual(seedRule(2).pattern);
  });

  it("applies a rule Flink would reject, with the findings placed in the text", () => {
    const rule = seedRule(0);
    const text = ruleSourceText(rule).replace('"name": "first_view"', '"name": "second_view"');
    const reading = readRuleSource(text, rule);
    expect(reading.ok).toBe(true);
    const finding = reading.problems.find((p) => p.kind === "pattern" && p.severity === "error");
    expect(finding?.path).toMatch(/^pattern\./);
    expect(finding?.line).toBeGreaterThan(1);
  });
});
