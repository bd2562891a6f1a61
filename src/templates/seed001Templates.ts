/**
 * Seed 001's two action patterns (the Flink blog's broadcast-state "dynamic pattern evaluation")
 * as CEP rules over its `{userId, action}` records. The seed's `PatternEvaluator` compares a
 * user's previous and current action; here each pattern is a rule the simulator can replace at run
 * time by publishing a new version, as the seed's broadcast pattern stream does.
 */
import { PatternBuilder } from "../model/patternBuilder.ts";
import type { Template } from "./template.ts";
import { templateRule } from "./templateRule.ts";

/** The generated seed 001 action stream (login, view, add-to-cart, payment, logout sessions). */
const SEED001_DATA = { kind: "generator", schema: "seed001", seed: 1, users: 40, events: 2_000 } as const;

/** Login strictly followed by logout: the seed's "logged in and straight out again, no page viewed". */
function loginLogout(): Template {
  const pattern = PatternBuilder.begin("login")
    .where("action == 'login'")
    .next("logout")
    .where("action == 'logout'")
    .build();
  return {
    id: "seed001-login-logout",
    group: "seed001",
    title: "Login, then logout with nothing in between",
    description:
      "Seed 001's first pattern: a user logs in and logs straight out again without viewing a page. " +
      "`next` is strict contiguity, exactly the seed's previous-action/current-action comparison: any other " +
      "action of the same user between login and logout breaks the run. No window — seed 001's actions carry " +
      "no time, so arrival order is the only order.",
    rules: [templateRule(pattern)],
    bindings: {},
    dataHint: SEED001_DATA,
  };
}

/** Add-to-cart, no payment, then logout: seed 001's second pattern. */
function cartThenLogout(): Template {
  const pattern = PatternBuilder.begin("add_to_cart")
    .where("action == 'add-to-cart'")
    .notFollowedBy("payment")
    .where("action == 'payment'")
    .followedBy("logout")
    .where("action == 'logout'")
    .build();
  return {
    id: "seed001-cart-logout",
    group: "seed001",
    title: "Add to cart, then logout without payment",
    description:
      "Seed 001's second pattern: a user adds to the cart and logs out without paying. " +
      "`notFollowedBy(payment)` kills the partial match as soon as a payment arrives, so only unpaid carts " +
      "reach the logout. Wider than the seed's processor, which needs the logout to come right after the " +
      "add-to-cart: views in between are allowed here. Watch every add-to-cart of a session start its own run.",
    rules: [templateRule(pattern)],
    bindings: {},
    dataHint: SEED001_DATA,
  };
}

/** Seed 001's patterns, in the seed's order. */
export function seed001Templates(): Template[] {
  return [loginLogout(), cartThenLogout()];
}
