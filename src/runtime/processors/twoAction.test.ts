/**
 * Seed 001's PatternEvaluator. The article walks through: a pattern (login, logout) is broadcast;
 * three actions arrive, one per user, so nothing can match yet; then user 1001 logs out, which with
 * 1001's previous action (login) matches; then 1003 completes a payment and 1002 adds to cart; a new
 * pattern (add-to-cart, logout) replaces the first. The article's figure shows the actions but the
 * text names only 1001's; the other users' first actions here are ours.
 */
import { describe, expect, it } from "vitest";
import { broadcast, element, ProcessorHarness } from "./testing/processorHarness.ts";
import {
  PatternEvaluator,
  readAction,
  readActionPattern,
  type Action,
  type ActionPattern,
  type PatternMatch,
} from "./twoAction.ts";

const LOGIN_THEN_LOGOUT: ActionPattern = { firstAction: "login", secondAction: "logout" };
const CART_THEN_LOGOUT: ActionPattern = { firstAction: "add-to-cart", secondAction: "logout" };

function act(userId: string, action: string): Action {
  return { userId, action };
}

function evaluator() {
  return new ProcessorHarness<Action, ActionPattern, PatternMatch>(new PatternEvaluator(), "userId");
}

describe("PatternEvaluator (seed 001)", () => {
  it("reproduces the article's walk-through", () => {
    const harness = evaluator();
    const beforeLogout = harness.feed([
      broadcast(LOGIN_THEN_LOGOUT),
      element(act("1001", "login")),
      element(act("1002", "view-item")),
      element(act("1003", "add-to-cart")),
    ]);
    expect(beforeLogout).toEqual([]); // one action per user: nothing to compare yet
    expect(harness.keys()).toEqual(["1001", "1002", "1003"]);

    expect(harness.processElement(act("1001", "logout"))).toEqual([
      { userId: "1001", pattern: LOGIN_THEN_LOGOUT },
    ]);
    expect(harness.keyedState("1001")).toEqual({ lastAction: { type: "value", value: "logout" } });

    const rest = harness.feed([
      element(act("1003", "payment")),
      element(act("1002", "add-to-cart")),
      broadcast(CART_THEN_LOGOUT),
      element(act("1002", "logout")),
    ]);
    expect(rest).toEqual([{ userId: "1002", pattern: CART_THEN_LOGOUT }]);
    expect(harness.output).toEqual([
      { userId: "1001", pattern: LOGIN_THEN_LOGOUT },
      { userId: "1002", pattern: CART_THEN_LOGOUT },
    ]);
  });

  it("keeps the single active pattern under the null key of the broadcast MapState", () => {
    const harness = evaluator();
    harness.feed([broadcast(LOGIN_THEN_LOGOUT), broadcast(CART_THEN_LOGOUT)]);
    expect(harness.broadcastState()).toEqual({ patterns: [[null, CART_THEN_LOGOUT]] });
  });

  it("stops matching a pattern once another replaces it", () => {
    const harness = evaluator();
    const out = harness.feed([
      broadcast(LOGIN_THEN_LOGOUT),
      element(act("7", "login")),
      broadcast(CART_THEN_LOGOUT),
      element(act("7", "logout")),
    ]);
    expect(out).toEqual([]);
  });

  it("remembers actions while no pattern is active, so a later pattern can match them", () => {
    const harness = evaluator();
    const out = harness.feed([
      element(act("7", "login")),
      element(act("8", "login")),
      element(act("8", "logout")), // no pattern yet: no match
      broadcast(LOGIN_THEN_LOGOUT),
      element(act("7", "logout")),
    ]);
    expect(out).toEqual([{ userId: "7", pattern: LOGIN_THEN_LOGOUT }]);
  });

  it("needs the two actions back to back for the same user (strict contiguity)", () => {
    const harness = evaluator();
    const out = harness.feed([
      broadcast(LOGIN_THEN_LOGOUT),
      element(act("7", "login")),
      element(act("8", "logout")), // another user in between does not break 7's pair
      element(act("7", "view-item")),
      element(act("7", "logout")), // 7's previous action is view-item
      element(act("7", "login")),
      element(act("7", "logout")),
    ]);
    expect(out).toEqual([{ userId: "7", pattern: LOGIN_THEN_LOGOUT }]);
  });

  it("matches a pattern whose two actions are equal on every repeat", () => {
    const harness = evaluator();
    const twice: ActionPattern = { firstAction: "login", secondAction: "login" };
    const out = harness.feed([
      broadcast(twice),
      ...["login", "login", "login"].map((a) => element(act("7", a))),
    ]);
    expect(out).toEqual([
      { userId: "7", pattern: twice },
      { userId: "7", pattern: twice },
    ]);
  });
});

describe("reading seed 001 records", () => {
  it("keeps the article's Long user ids as text", () => {
    expect(readAction({ userId: 1001, action: "login" }, "actions:1")).toEqual(act("1001", "login"));
    expect(readAction({ userId: "9223372036854775807", action: "login" }, "actions:1").userId).toBe(
      "9223372036854775807",
    );
    expect(readActionPattern({ firstAction: "login", secondAction: "logout" }, "patterns:1")).toEqual(
      LOGIN_THEN_LOGOUT,
    );
  });

  it("names the record and field that is wrong", () => {
    expect(() => readAction({ userId: "1" }, "actions:4")).toThrow(
      'actions:4: field "action" must be text, got nothing (the field is missing)',
    );
    expect(() => readActionPattern({ firstAction: null, secondAction: "b" }, "patterns:2")).toThrow(
      'patterns:2: field "firstAction" must be text, got null',
    );
  });
});
