import { expect, it } from "vitest";
import { RunSession } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import { scenarioRuleJson, SEED_CONFIG, seedBindings } from "./testing/sessionTestSupport.ts";

const cart = (s: number) => ({
  userId: "u1",
  eventType: "cart",
  price: 500,
  eventTime: 1_577_836_800_000 + s * 1000,
});

it("a broadcast rule's partial-match cap warning comes back after Reset, as a loaded rule's does", () => {
  const rule = { ...(scenarioRuleJson(2) as Record<string, unknown>), id: "b", version: 1 };
  const session = new RunSession({
    rules: [],
    bindings: seedBindings(),
    broadcast: [{ at: 0, rule }],
    config: { ...SEED_CONFIG, maxPartialMatches: 1 },
    input: SessionInput.fromEvents([cart(0), cart(1), cart(2), cart(3)]),
  });
  const runToEnd = () => {
    for (let i = 0; i < 10 && session.state === "paused"; i++) session.step();
    return session.summary().warnings.map((w) => w.kind);
  };
  expect(runToEnd()).toEqual(["partial-match-cap"]);
  session.reset();
  expect(runToEnd()).toEqual(["partial-match-cap"]);
});
