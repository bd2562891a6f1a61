import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../formats/dynamicCep/index.ts";
import type { StudioDocument } from "../document/studioDocument.ts";
import { seedBindings } from "../scenarios/seedScenarios.ts";
import { checkBindingExpression } from "./bindingCheck.ts";
import { expressionRows } from "./expressionRows.ts";
import { applyImport, chosenBindings, readImport, settleRuleIds } from "./importPlan.ts";
import type { ImportPlan } from "./importPlan.ts";
import c3 from "../formats/dynamicCep/testdata/samples/constructed/c3-conditions-not-next-times.json?raw";
import karekin from "../formats/dynamicCep/testdata/samples/karekin-flink_cep-GraphSpecTest-not-follow-window.json?raw";
import rule1v1 from "../formats/dynamicCep/testdata/samples/karekin-flink_cep-init-sql-rule1-v1.json?raw";
import legacy from "../formats/dynamicCep/testdata/samples/realtimecompute-zebra_test-README-legacy-CUSTOM_ARGS.json?raw";
import scenario1Rule from "../scenarios/seed/scenario1.rule.json?raw";
import seedRule from "../scenarios/seed/scenario4.rule.json?raw";

const SEED = "com.alibaba.ververica.cep.demo.condition.";

function doc(ids: string[], bindings: Record<string, string> = {}): StudioDocument {
  return {
    rules: ids.map((id, i) => ({
      key: `k${i}`,
      rule: { id, version: 1, pattern: graph("a"), function: null },
      enabled: true,
      positions: {},
      published: null,
    })),
    activeRuleKey: ids.length > 0 ? "k0" : null,
    bindings,
  };
}

function graph(name: string) {
  return {
    type: "COMPOSITE" as const,
    name,
    quantifier: null,
    condition: null,
    nodes: [],
    edges: [],
    window: null,
    afterMatchStrategy: { type: "NO_SKIP" as const, patternName: null },
    version: 1,
  };
}

function planOf(text: string, target = doc([]), known = seedBindings): ImportPlan {
  const reading = readImport(text, "rules.json", target, known);
  if (!reading.ok) throw new Error(reading.errors.map(formatDiagnostic).join("\n"));
  return reading.plan;
}

describe("readImport", () => {
  it("lists the unbound classes of a seed rule with the seed's expressions as suggestions", () => {
    const plan = planOf(seedRule);
    expect(plan.bareGraph).toBe(false);
    expect(plan.unbound).toEqual([
      {
        className: `${SEED}CartCondition`,
        usedBy: ["cart_after_price_drop"],
        suggestion: "eventType == 'cart'",
      },
      {
        className: `${SEED}InitialCondition`,
        usedBy: ["view_price_drop"],
        suggestion: seedBindings[`${SEED}InitialCondition`],
      },
      {
        className: `${SEED}FirstViewCondition`,
        usedBy: ["initial_view"],
        suggestion: "eventType == 'view'",
      },
    ]);
  });

  it("asks for nothing the document already binds, and suggests nothing for unknown classes", () => {
    const bound = Object.fromEntries(Object.entries(seedBindings));
    expect(planOf(seedRule, doc(["1"], bound)).unbound).toEqual([]);
    const plan = planOf(karekin);
    expect(plan.bareGraph).toBe(true);
    expect(plan.unbound.map((u) => [u.className, u.suggestion])).toEqual([
      ["demo.condition.EndCondition", null],
      ["demo.condition.MiddleCondition", null],
      ["demo.condition.StartCondition", null],
    ]);
  });

  it("counts SUBTYPE conditions by their subclass and looks inside and/or/not", () => {
    expect(planOf(c3).unbound.map((u) => u.className)).toEqual([
      "com.example.cep.ThresholdCondition",
      "com.example.cep.PaymentEvent",
    ]);
  });

  it("keeps the legacy CUSTOM_ARGS warning, positioned in the file", () => {
    const plan = planOf(legacy);
    expect(plan.warnings.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /^rules\.json:\d+:\d+: nodes\[1\]\.condition\.type: legacy condition type "CUSTOM_ARGS"/,
      ),
    ]);
  });

  it("reports a syntax error at file:line:col and a model error with its JSON path", () => {
    const broken = readImport('{\n  "nodes": [\n    oops\n  ]\n}', "broken.json", doc([]), {});
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.errors.map(formatDiagnostic)[0]).toMatch(/^broken\.json:3:5: /);
    const badRule = readImport('{"id": "7", "version": -1, "pattern": {}}', "bad.json", doc([]), {});
    expect(!badRule.ok && badRule.errors.map(formatDiagnostic)).toContainEqual(
      expect.stringMatching(/^bad\.json:1:\d+: version: /),
    );
  });

  it("gives a pasted byte-order mark no column, as the editors that hide it", () => {
    const errors = (text: string): string[] => {
      const reading = readImport(text, "r.json", doc([]), {});
      return reading.ok ? [] : reading.errors.map(formatDiagnostic);
    };
    const syntax = '{"id": "7", oops}';
    expect(errors(`\uFEFF${syntax}`)).toEqual(errors(syntax));
    expect(errors(`\uFEFF${syntax}`)[0]).toMatch(/^r\.json:1:13: /);
    const model = '{"id": "7", "version": -1, "pattern": {}}';
    expect(errors(`\uFEFF${model}`)).toEqual(errors(model));
    expect(errors(`\uFEFF${model}`)).toContainEqual(expect.stringMatching(/^r\.json:1:24: version: /));
    expect(errors("\uFEFF[]")).toEqual(["r.json:1:1: the array holds no rules: nothing to import"]);
  });

  it("refuses an empty rule array where it starts, so replacing cannot wipe the rule set", () => {
    const empty = readImport("\n  [ ]\n", "none.json", doc([]), {});
    expect(!empty.ok && empty.errors.map(formatDiagnostic)).toEqual([
      "none.json:2:3: the array holds no rules: nothing to import",
    ]);
  });

  it("refuses texts over the size bound without parsing them", () => {
    const huge = readImport(" ".repeat(2 * 1024 * 1024 + 1), "huge.json", doc([]), {});
    expect(!huge.ok && huge.errors[0]?.message).toMatch(/over the 2(\.0)? ?MB limit/);
  });
});

describe("settleRuleIds", () => {
  it("gives a bare GraphSpec the next free id of the rule set it joins", () => {
    const plan = planOf(rule1v1);
    expect(plan.bareGraph).toBe(true);
    expect(settleRuleIds(plan, doc(["1", "2", "4"]), "append").map((r) => r.id)).toEqual(["3"]);
    expect(settleRuleIds(plan, doc(["1", "2", "4"]), "replace").map((r) => r.id)).toEqual(["1"]);
  });

  it("keeps the ids of rule rows, even when they clash", () => {
    const plan = planOf(seedRule);
    expect(settleRuleIds(plan, doc(["1"]), "append").map((r) => r.id)).toEqual(["1"]);
    const array = planOf(`[${seedRule}]`);
    expect(array.bareGraph).toBe(false);
  });
});

describe("chosenBindings and checkBindingExpression", () => {
  it("drops blank entries and trims the rest", () => {
    expect(chosenBindings({ a: "  x > 1 ", b: "   " })).toEqual({ a: "x > 1" });
  });

  it("positions expression errors at line:column", () => {
    expect(checkBindingExpression("eventType == 'view'")).toBeNull();
    expect(checkBindingExpression("price >")).toMatchObject({ line: 1, column: 8 });
    expect(checkBindingExpression("nosuch(1)")).toMatchObject({ line: 1, column: 1 });
    expect(checkBindingExpression(" ")).toMatchObject({ message: "the expression is empty" });
  });
});

describe("applyImport", () => {
  it("appends or replaces, activates the first new rule and binds only unbound classes", () => {
    const plan = planOf(seedRule);
    const start = doc(["1", "2"], { [`${SEED}CartCondition`]: "mine" });
    const bindings = {
      [`${SEED}CartCondition`]: "theirs",
      [`${SEED}FirstViewCondition`]: "eventType == 'view'",
    };
    const appended = applyImport(start, settleRuleIds(plan, start, "append"), "append", bindings);
    expect(appended.rules.map((r) => r.rule.id)).toEqual(["1", "2", "1"]);
    expect(appended.activeRuleKey).toBe(appended.rules[2]?.key);
    expect(appended.bindings).toEqual({
      [`${SEED}CartCondition`]: "mine",
      [`${SEED}FirstViewCondition`]: "eventType == 'view'",
    });
    const replaced = applyImport(start, settleRuleIds(plan, start, "replace"), "replace", {});
    expect(replaced.rules.map((r) => r.rule.pattern.name)).toEqual(["cart_after_price_drop"]);
    expect(start.rules).toHaveLength(2); // pure
  });
});

describe("conditionClasses", () => {
  it("names the rule as well as the stages when several rules use a class", () => {
    const two = planOf(`[${seedRule}, ${seedRule.replace('"id": "1"', '"id": "2"')}]`);
    expect(two.unbound[0]?.usedBy).toEqual([
      "rule 1: cart_after_price_drop",
      "rule 2: cart_after_price_drop",
    ]);
    const scenario1 = planOf(scenario1Rule);
    expect(scenario1.unbound[0]?.usedBy).toEqual(["second_view, first_view"]);
  });
});

describe("expressionRows", () => {
  it("grows with long and multi-line expressions, up to four rows", () => {
    expect(expressionRows("")).toBe(1);
    expect(expressionRows("x".repeat(91))).toBe(2);
    expect(expressionRows("a\nb\nc")).toBe(3);
    expect(expressionRows("x".repeat(1000))).toBe(4);
  });
});
