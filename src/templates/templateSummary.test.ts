import { describe, expect, it } from "vitest";
import { templateCatalog } from "./templateCatalog.ts";
import { chainText, dataHintText, patternFacts } from "./templateSummary.ts";

function firstRule(id: string) {
  const rule = templateCatalog.find((t) => t.id === id)?.rules[0];
  if (!rule) throw new Error(id);
  return rule;
}

describe("templateSummary", () => {
  it("writes the chain in the Pattern API's words, with quantifier badges", () => {
    expect(chainText(firstRule("seed-scenario3"))).toBe("initial_view followedBy repeat_view{3}");
    expect(chainText(firstRule("seed-scenario5"))).toBe("first_view{10,} notNext purchase");
    expect(chainText(firstRule("shape-kleene-until"))).toBe("views+ followedBy cart");
    expect(chainText(firstRule("seed001-cart-logout"))).toBe(
      "add_to_cart notFollowedBy payment followedBy logout",
    );
  });

  it("states the window and a non-default skip strategy", () => {
    expect(patternFacts(firstRule("seed-scenario2"))).toBe("within 30 min");
    expect(patternFacts(firstRule("shape-times-within"))).toBe("within 10 min · skipPastLastEvent()");
    expect(patternFacts(firstRule("seed001-login-logout"))).toBe("no window");
  });

  it("names the demo data", () => {
    expect(dataHintText({ kind: "seedCsv", scenario: "scenario2" })).toBe("Seed scenario 2's clickstream");
    expect(dataHintText({ kind: "generator", schema: "rees46", seed: 7, users: 200, events: 5000 })).toBe(
      "Generated REES46 clickstream: 5,000 events, 200 users, seed 7",
    );
  });
});
