import { describe, expect, it } from "vitest";
import type { Condition } from "../../model/condition.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { compilePattern, ConditionError } from "../index.ts";

/** Events of `begin("a").where(condition)` that match, one by one. */
function matching(
  condition: Condition,
  events: Array<Record<string, unknown>>,
  bindings = {},
  config?: object,
) {
  const nfa = compilePattern(PatternBuilder.begin("a").where(condition).build(), { bindings });
  const state = nfa.createState();
  return events.filter((e, i) => nfa.process(state, e, i, config as Record<string, unknown>).length > 0);
}

describe("condition resolution", () => {
  const events = [
    { kind: "x", n: 1 },
    { kind: "y", n: 5 },
    { kind: "x", n: 9 },
  ];

  it("AVIATOR runs on the condition language", () => {
    expect(matching({ type: "aviator", expression: "kind == 'x' && n > 2" }, events)).toEqual([events[2]]);
  });

  it("CLASS runs the expression bound to the class", () => {
    const condition: Condition = { type: "class", className: "com.acme.IsX" };
    expect(matching(condition, events, { "com.acme.IsX": "kind == 'x'" })).toEqual([events[0], events[2]]);
  });

  it("an unbound CLASS names the class and the stage", () => {
    expect(() => matching({ type: "class", className: "com.Foo" }, events)).toThrow(
      "condition class 'com.Foo' (stage 'a') has no binding; add one to the binding table",
    );
    try {
      matching({ type: "class", className: "com.Foo" }, events);
    } catch (error) {
      expect(error).toBeInstanceOf(ConditionError);
      expect((error as ConditionError).path).toBe("nodes[0].condition.className");
    }
  });

  it("CLASS with args reads them as config.args, next to the broadcast config", () => {
    const condition: Condition = { type: "class", className: "com.acme.KindIn", args: ["y", "z"] };
    const bindings = { "com.acme.KindIn": "include(config.args, kind) && n >= config.min" };
    expect(matching(condition, events, bindings, { min: 3 })).toEqual([events[1]]);
  });

  it("SUBTYPE runs the expression bound to the subclass", () => {
    const condition: Condition = {
      type: "subtype",
      className: "org.apache.flink.cep.pattern.conditions.SubtypeCondition",
      subClassName: "com.acme.Big",
    };
    expect(matching(condition, events, { "com.acme.Big": "n > 4" })).toEqual([events[1], events[2]]);
    expect(() => matching(condition, events)).toThrow(
      "condition class 'com.acme.Big' (stage 'a') has no binding",
    );
  });

  it("RichAnd / RichOr / RichNot compose", () => {
    const x: Condition = { type: "aviator", expression: "kind == 'x'" };
    const big: Condition = { type: "aviator", expression: "n > 4" };
    expect(matching({ type: "and", left: x, right: big }, events)).toEqual([events[2]]);
    expect(matching({ type: "or", left: x, right: big }, events)).toEqual(events);
    expect(matching({ type: "not", inner: x }, events)).toEqual([events[1]]);
  });

  it("GROOVY is refused with a clear message", () => {
    expect(() => matching({ type: "groovy", expression: "true" }, events)).toThrow(
      "stage 'a': GROOVY conditions are not supported",
    );
  });

  it("a syntax error names the stage and the position", () => {
    expect(() => matching({ type: "aviator", expression: "kind == " }, events)).toThrow(
      /^stage 'a': 1:\d+: /,
    );
  });

  it("a run-time error names the stage", () => {
    expect(() => matching({ type: "aviator", expression: "n" }, events)).toThrow(ConditionError);
  });
});

describe("getEventsForPattern", () => {
  it("sees the run's own earlier events, per stage, and not the current event", () => {
    // b must be priced like the sum of the run's a's so far.
    const pattern = PatternBuilder.begin("a")
      .where("kind == 'a'")
      .oneOrMore()
      .followedBy("b")
      .where("kind == 'b' && price == reduce(getEventsForPattern('a'), lambda(s, e) -> s + e.price end, 0)");
    const nfa = compilePattern(pattern.build());
    const state = nfa.createState();
    const feed = [
      { kind: "a", price: 1 },
      { kind: "a", price: 2 },
      { kind: "b", price: 3 },
    ];
    const matches = feed.flatMap((e, i) => nfa.process(state, e, i));
    expect(matches.map((m) => m.get("a")?.length)).toEqual([2]);
  });
});
