import { describe, expect, it } from "vitest";
import { exportRule } from "../../formats/dynamicCep/index.ts";
import { chainRule, docOf, docRule, chainGraph, stage } from "../testing/ruleFixtures.ts";
import type { StudioDocument } from "../studioDocument.ts";
import { removeBinding, setBinding } from "./bindingEdits.ts";
import { createDefaultDocument } from "../defaultDocument.ts";
import {
  addRule,
  DEFAULT_RULE_FUNCTION,
  duplicateRule,
  importRules,
  nextRuleId,
  removeRule,
  restoreRule,
  replaceRule,
  setActiveRule,
  setPositions,
  setRuleEnabled,
  setRuleFunction,
  setRuleId,
  updateActiveRule,
} from "./ruleEdits.ts";
import { renameStage } from "./stageEdits.ts";

const three = (): StudioDocument =>
  docOf(
    { ...chainRule(["a"]), key: "r1" },
    { ...chainRule(["b"]), key: "r2" },
    { ...chainRule(["c"]), key: "r7" },
  );

describe("rule list edits", () => {
  it("adds a new rule with the next free id, the demo function and one stage 'start', and activates it", () => {
    const doc = addRule(three());
    const added = doc.rules.at(-1);
    expect(added?.key).toBe("r8");
    expect(doc.activeRuleKey).toBe("r8");
    expect(added?.enabled).toBe(true);
    expect(exportRule(added?.rule ?? chainRule([]).rule)).toEqual({
      id: "2",
      version: 1,
      function: DEFAULT_RULE_FUNCTION,
      pattern: {
        name: "start",
        quantifier: {
          consumingStrategy: "SKIP_TILL_NEXT",
          properties: ["SINGLE"],
          times: null,
          untilCondition: null,
        },
        condition: null,
        nodes: [
          {
            name: "start",
            quantifier: {
              consumingStrategy: "SKIP_TILL_NEXT",
              properties: ["SINGLE"],
              times: null,
              untilCondition: null,
            },
            condition: null,
            type: "ATOMIC",
          },
        ],
        edges: [],
        window: null,
        afterMatchStrategy: { type: "NO_SKIP", patternName: null },
        type: "COMPOSITE",
        version: 1,
      },
    });
    expect(nextRuleId(docOf())).toBe("1");
  });

  it("removes a rule; the active one hands over to its neighbour", () => {
    const doc = setActiveRule(three(), "r2");
    expect(removeRule(doc, "r2").activeRuleKey).toBe("r7");
    const last = setActiveRule(three(), "r7");
    expect(removeRule(last, "r7").activeRuleKey).toBe("r2");
    expect(removeRule(doc, "r1").activeRuleKey).toBe("r2");
    const alone = docOf(chainRule(["a"]));
    expect(removeRule(alone, "r1")).toEqual({ rules: [], activeRuleKey: null, bindings: {} });
    expect(removeRule(doc, "zz")).toBe(doc);
  });

  it("duplicates a rule right after it with a new key and id, unpublished, and activates the copy", () => {
    const doc = three();
    const published = {
      ...doc,
      rules: doc.rules.map((r) => ({ ...r, published: { version: 1, json: "{}" } })),
    };
    const next = duplicateRule(published, "r1");
    expect(next.rules.map((r) => r.key)).toEqual(["r1", "r8", "r2", "r7"]);
    expect(next.rules[1]?.rule.id).toBe("2");
    expect(next.rules[1]?.published).toBeNull();
    expect(next.activeRuleKey).toBe("r8");
  });

  it("setActiveRule ignores unknown keys and the current one", () => {
    const doc = three();
    expect(setActiveRule(doc, "r1")).toBe(doc);
    expect(setActiveRule(doc, "nope")).toBe(doc);
  });

  it("sets enabled, id (numeric ids stay numeric while whole) and function", () => {
    const doc = three();
    expect(setRuleEnabled(doc, "r1", false).rules[0]?.enabled).toBe(false);
    expect(setRuleEnabled(doc, "r1", true)).toBe(doc);
    expect(setRuleId(doc, "r1", "  ")).toBe(doc);
    expect(setRuleId(doc, "r1", " 42 ").rules[0]?.rule.id).toBe("42");
    const numeric = docOf({ ...chainRule(["a"]), rule: { ...chainRule(["a"]).rule, idIsNumber: true } });
    expect(setRuleId(numeric, "r1", "9").rules[0]?.rule).toMatchObject({ id: "9", idIsNumber: true });
    expect(setRuleId(numeric, "r1", "x9").rules[0]?.rule.idIsNumber).toBeUndefined();
    expect(setRuleFunction(doc, "r1", "com.example.F").rules[0]?.rule.function).toBe("com.example.F");
    expect(setRuleFunction(doc, "r1", null)).toBe(doc);
  });

  it("replaces a rule's content keeping key, flags and positions", () => {
    const doc = setPositions(three(), "r1", { a: { x: 1, y: 2 } });
    const replacement = docRule(chainGraph([stage("a"), stage("z")])).rule;
    const next = replaceRule(doc, "r1", replacement);
    expect(next.rules[0]).toMatchObject({ key: "r1", enabled: true, positions: { a: { x: 1, y: 2 } } });
    expect(next.rules[0]?.rule).toBe(replacement);
  });

  it("imports rules appended or replacing, the first imported active", () => {
    const rules = [chainRule(["x"]).rule, chainRule(["y"]).rule];
    const appended = importRules(three(), rules, "append");
    expect(appended.rules.map((r) => r.key)).toEqual(["r1", "r2", "r7", "r8", "r9"]);
    expect(appended.activeRuleKey).toBe("r8");
    const replaced = importRules(three(), rules, "replace");
    expect(replaced.rules.map((r) => r.key)).toEqual(["r1", "r2"]);
    expect(replaced.rules[1]?.rule).toBe(rules[1]);
    expect(replaced.activeRuleKey).toBe("r1");
    expect(importRules(three(), [], "replace").rules).toEqual([]);
  });

  it("merges positions and applies an edit to the active rule", () => {
    const doc = setPositions(three(), "r2", { b: { x: 1, y: 1 } });
    expect(setPositions(doc, "r2", { b: { x: 1, y: 1 } })).toBe(doc);
    expect(setPositions(doc, "r2", { q: { x: 0, y: 0 } }).rules[1]?.positions).toEqual({
      b: { x: 1, y: 1 },
      q: { x: 0, y: 0 },
    });
    const renamed = updateActiveRule(doc, (r) => renameStage(r, [], "a", "first"));
    expect(renamed.rules[0]?.rule.pattern.nodes[0]?.name).toBe("first");
    expect(updateActiveRule(doc, (r) => r)).toBe(doc);
  });
});

describe("binding edits", () => {
  it("sets and removes bindings", () => {
    const doc = setBinding(three(), "com.example.C", "price > 1");
    expect(doc.bindings).toEqual({ "com.example.C": "price > 1" });
    expect(setBinding(doc, "com.example.C", "price > 1")).toBe(doc);
    expect(removeBinding(doc, "com.example.C").bindings).toEqual({});
    expect(removeBinding(doc, "com.example.D")).toBe(doc);
  });
});

describe("restoreRule", () => {
  it("puts a deleted rule back at its place, active, even after later changes", () => {
    const doc = createDefaultDocument();
    const deleted = doc.rules[1];
    if (!deleted) throw new Error("no rule 2");
    const later = setRuleEnabled(removeRule(doc, deleted.key), "r3", true);
    const restored = restoreRule(later, deleted, 1);
    expect(restored.rules.map((r) => r.key)).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    expect(restored.rules[1]).toBe(deleted);
    expect(restored.rules[2]?.enabled).toBe(true);
    expect(restored.activeRuleKey).toBe("r2");
  });

  it("changes nothing when the rule is back already, and clamps the position", () => {
    const doc = createDefaultDocument();
    const first = doc.rules[0];
    if (!first) throw new Error("no rule 1");
    expect(restoreRule(doc, first, 0)).toBe(doc);
    const empty = { rules: [], activeRuleKey: null, bindings: {} };
    expect(restoreRule(empty, first, 7).rules).toEqual([first]);
  });
});
