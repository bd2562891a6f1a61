import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../document/defaultDocument.ts";
import type { StudioDocument } from "../document/studioDocument.ts";
import { readRuleSource, ruleSourceText } from "./ruleSource.ts";
import { applySourceRule } from "./sourceEdit.ts";

function documentWithPositions(): StudioDocument {
  const doc = createDefaultDocument();
  return {
    ...doc,
    rules: doc.rules.map((r, i) =>
      i === 0 ? { ...r, positions: { first_view: { x: 10, y: 20 }, second_view: { x: 200, y: 20 } } } : r,
    ),
  };
}

function edited(doc: StudioDocument, edit: (text: string) => string) {
  const current = doc.rules[0];
  if (!current) throw new Error("no rule");
  const reading = readRuleSource(edit(ruleSourceText(current.rule)), current.rule);
  if (!reading.ok) throw new Error(reading.problems.map((p) => p.message).join("; "));
  return applySourceRule(doc, current.key, reading.rule);
}

describe("applySourceRule", () => {
  it("replaces the rule and keeps positions of stages that kept their names", () => {
    const doc = documentWithPositions();
    const next = edited(doc, (t) => t.replace('"function": "com.', '"function": "org.'));
    expect(next.rules[0]?.rule.function).toMatch(/^org\./);
    expect(next.rules[0]?.positions).toBe(doc.rules[0]?.positions);
    expect(next.rules[1]).toBe(doc.rules[1]);
  });

  it("keeps the position of a stage renamed in the JSON", () => {
    const doc = documentWithPositions();
    const next = edited(doc, (t) => t.replaceAll('"first_view"', '"landing"'));
    expect(next.rules[0]?.positions).toEqual({ landing: { x: 10, y: 20 }, second_view: { x: 200, y: 20 } });
  });

  it("does not move positions when names are swapped or reused", () => {
    const doc = documentWithPositions();
    const next = edited(doc, (t) =>
      t
        .replaceAll('"first_view"', '"tmp"')
        .replaceAll('"second_view"', '"first_view"')
        .replaceAll('"tmp"', '"second_view"'),
    );
    expect(next.rules[0]?.positions).toEqual(doc.rules[0]?.positions);
  });

  it("changes nothing for the same rule or an unknown key", () => {
    const doc = documentWithPositions();
    const rule = doc.rules[0]?.rule;
    if (!rule) throw new Error("no rule");
    expect(applySourceRule(doc, "r1", rule)).toBe(doc);
    expect(applySourceRule(doc, "nope", rule)).toBe(doc);
  });
});
