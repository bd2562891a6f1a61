import { describe, expect, it } from "vitest";
import { compilePattern } from "../engine/index.ts";
import type { CompiledNFA, Match } from "../engine/index.ts";
import { exportRule, importRule } from "../formats/dynamicCep/index.ts";
import { unboundClasses } from "../importExport/conditionClasses.ts";
import { validatePattern } from "../model/validate.ts";
import { seedBindings, seedScenarios } from "../scenarios/seedScenarios.ts";
import { templateCatalog } from "./templateCatalog.ts";
import type { Template } from "./template.ts";

function template(id: string): Template {
  const found = templateCatalog.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

function compileTemplate(id: string): CompiledNFA {
  const t = template(id);
  const rule = t.rules[0];
  if (!rule) throw new Error(`template ${id} has no rule`);
  return compilePattern(rule.pattern, { bindings: { ...seedBindings, ...t.bindings } });
}

/** Feeds `[field value, minute]` events to one key; returns match stage→count lists and timeouts. */
function run(nfa: CompiledNFA, field: string, events: readonly (readonly [string, number])[]) {
  const state = nfa.createState();
  const matches: Match[] = [];
  let timeouts = 0;
  for (const [value, minute] of events) {
    const ts = minute * 60_000;
    const advanced = nfa.advanceTime(state, ts);
    matches.push(...advanced.matches);
    timeouts += advanced.timedOut.length;
    matches.push(...nfa.process(state, { [field]: value }, ts));
  }
  const end = nfa.advanceTime(state, Number.MAX_SAFE_INTEGER);
  matches.push(...end.matches);
  timeouts += end.timedOut.length;
  const shape = matches.map((m) => Object.fromEntries([...m].map(([stage, evs]) => [stage, evs.length])));
  return { shape, timeouts };
}

describe("templateCatalog", () => {
  it("has the five seed scenarios, seed 001's two patterns and the four common shapes, with unique ids", () => {
    expect(templateCatalog.map((t) => t.id)).toEqual([
      "seed-scenario1",
      "seed-scenario2",
      "seed-scenario3",
      "seed-scenario4",
      "seed-scenario5",
      "seed001-login-logout",
      "seed001-cart-logout",
      "shape-followed-by-within",
      "shape-abandoned-cart",
      "shape-times-within",
      "shape-kleene-until",
    ]);
  });

  it.each(templateCatalog.map((t) => [t.id, t] as const))(
    "%s: rules export and import losslessly, pass Flink's rules and compile",
    (_id, t) => {
      expect(t.title).not.toBe("");
      expect(t.description.length).toBeGreaterThan(80);
      expect(t.rules.length).toBeGreaterThan(0);
      // Every CLASS condition is bound by the template itself.
      expect(unboundClasses(t.rules, t.bindings)).toEqual([]);
      for (const rule of t.rules) {
        const json: unknown = JSON.parse(JSON.stringify(exportRule(rule)));
        const back = importRule(json);
        expect(back.ok && back.warnings).toEqual([]);
        expect(back.ok && back.value).toEqual(rule);
        expect(validatePattern(rule.pattern).filter((d) => d.severity === "error")).toEqual([]);
        expect(() => compilePattern(rule.pattern, { bindings: seedBindings })).not.toThrow();
      }
    },
  );

  it("keeps each seed scenario's rule verbatim and points at its clickstream", () => {
    for (const scenario of seedScenarios) {
      const t = template(`seed-${scenario.id}`);
      expect(t.rules.map(exportRule)).toEqual([scenario.ruleJson]);
      expect(t.dataHint).toEqual({ kind: "seedCsv", scenario: scenario.id });
    }
    expect(template("seed-scenario4").bindings).toEqual({
      "com.alibaba.ververica.cep.demo.condition.CartCondition": "eventType == 'cart'",
      "com.alibaba.ververica.cep.demo.condition.InitialCondition":
        seedBindings["com.alibaba.ververica.cep.demo.condition.InitialCondition"],
      "com.alibaba.ververica.cep.demo.condition.FirstViewCondition": "eventType == 'view'",
    });
  });

  it("seed 001 login → logout needs the logout right after the login", () => {
    const nfa = compileTemplate("seed001-login-logout");
    const at = (actions: string[]) =>
      run(
        nfa,
        "action",
        actions.map((a, i) => [a, i]),
      ).shape;
    expect(at(["login", "logout"])).toEqual([{ login: 1, logout: 1 }]);
    expect(at(["login", "view", "logout"])).toEqual([]);
    expect(template("seed001-login-logout").dataHint).toMatchObject({ kind: "generator", schema: "seed001" });
  });

  it("seed 001 add-to-cart → logout matches only without a payment in between", () => {
    const nfa = compileTemplate("seed001-cart-logout");
    const at = (actions: string[]) =>
      run(
        nfa,
        "action",
        actions.map((a, i) => [a, i]),
      ).shape;
    expect(at(["add-to-cart", "view", "logout"])).toEqual([{ add_to_cart: 1, logout: 1 }]);
    expect(at(["add-to-cart", "payment", "logout"])).toEqual([]);
  });

  it("abandoned cart: an unbought cart is released as a match when the window passes, with no timeout", () => {
    const nfa = compileTemplate("shape-abandoned-cart");
    const result = run(nfa, "event_type", [
      ["cart", 0],
      ["view", 1],
      ["cart", 35],
      ["purchase", 40],
      ["view", 80],
    ]);
    expect(result).toEqual({ shape: [{ cart: 1 }], timeouts: 0 });
  });

  it("A followed by B within T: a view with no cart in 10 minutes times out", () => {
    const nfa = compileTemplate("shape-followed-by-within");
    const result = run(nfa, "event_type", [
      ["view", 0],
      ["purchase", 2],
      ["cart", 5],
      ["view", 20],
    ]);
    expect(result).toEqual({ shape: [{ view: 1, cart: 1 }], timeouts: 1 });
  });

  it("N times within T: four carts give one match under SKIP_PAST_LAST_EVENT", () => {
    const nfa = compileTemplate("shape-times-within");
    const carts = [0, 1, 2, 3].map((m) => ["cart", m] as const);
    expect(run(nfa, "event_type", carts).shape).toEqual([{ carts: 3 }]);
  });

  it("Kleene with until: one match per browsing streak, the cart never taken as a view", () => {
    const nfa = compileTemplate("shape-kleene-until");
    const result = run(nfa, "event_type", [
      ["view", 0],
      ["view", 1],
      ["view", 2],
      ["cart", 3],
    ]);
    expect(result.shape).toEqual([{ views: 3, cart: 1 }]);
  });
});
