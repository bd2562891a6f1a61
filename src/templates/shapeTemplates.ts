/**
 * Common pattern shapes as templates, over the REES46 clickstream the generator writes
 * (`event_type` view / cart / purchase, `product_id`, `price`, `user_id`). Conditions are plain
 * Aviator, so each rule runs unchanged on Flink dynamic CEP.
 */
import { AfterMatchSkip, PatternBuilder } from "../model/patternBuilder.ts";
import type { Template } from "./template.ts";
import { templateRule } from "./templateRule.ts";

const MINUTE = 60_000;

/** A generated REES46-like stream: sessions with repeat views, carts, purchases and abandoned carts. */
const REES46_DATA = { kind: "generator", schema: "rees46", seed: 7, users: 200, events: 5_000 } as const;

function followedByWithin(): Template {
  const pattern = PatternBuilder.begin("view", AfterMatchSkip.skipPastLastEvent())
    .where("event_type == 'view'")
    .followedBy("cart")
    .where("event_type == 'cart'")
    .within(10 * MINUTE)
    .build();
  return {
    id: "shape-followed-by-within",
    group: "shape",
    title: "A followed by B within T",
    description:
      "A view followed by a cart within 10 minutes: the basic two-step funnel. `followedBy` is relaxed " +
      "contiguity — other events may sit between the two. Every view starts a partial match, so watch the " +
      "view stage fill up and the timeouts when 10 minutes pass without a cart; SKIP_PAST_LAST_EVENT drops the " +
      "overlapping runs once a match is found.",
    rules: [templateRule(pattern)],
    bindings: {},
    dataHint: REES46_DATA,
  };
}

function abandonedCart(): Template {
  const pattern = PatternBuilder.begin("cart")
    .where("event_type == 'cart'")
    .notFollowedBy("purchase")
    .where("event_type == 'purchase'")
    .within(30 * MINUTE)
    .build();
  return {
    id: "shape-abandoned-cart",
    group: "shape",
    title: "Absence: abandoned cart",
    description:
      "A cart not followed by a purchase within 30 minutes. Flink allows `notFollowedBy` as the last stage " +
      "only with a window: a purchase kills the partial match, and when the watermark passes the end of the " +
      "window the cart is released as a match — each match is an abandoned cart, emitted late by design. " +
      "Compare the seed's scenario 2, which writes the same question as cart followedBy purchase and reads " +
      "the abandoned carts from its timeouts.",
    rules: [templateRule(pattern)],
    bindings: {},
    dataHint: REES46_DATA,
  };
}

function timesWithin(): Template {
  const pattern = PatternBuilder.begin("carts", AfterMatchSkip.skipPastLastEvent())
    .where("event_type == 'cart'")
    .times(3)
    .within(10 * MINUTE)
    .build();
  return {
    id: "shape-times-within",
    group: "shape",
    title: "N times within T",
    description:
      "Three carts by one user within 10 minutes. `times(3)` has relaxed inner contiguity, so other events " +
      "may come between the carts; the window counts from the first cart. Every cart starts a new run — " +
      "SKIP_PAST_LAST_EVENT discards the runs that overlap a match, so four carts give one match, not two.",
    rules: [templateRule(pattern)],
    bindings: {},
    dataHint: REES46_DATA,
  };
}

function kleeneUntil(): Template {
  const pattern = PatternBuilder.begin("views", AfterMatchSkip.skipPastLastEvent())
    .where("event_type == 'view'")
    .oneOrMore()
    .until("event_type == 'cart'")
    .followedBy("cart")
    .where("event_type == 'cart'")
    .within(30 * MINUTE)
    .build();
  return {
    id: "shape-kleene-until",
    group: "shape",
    title: "Kleene with until: views until a cart",
    description:
      "One or more views (`oneOrMore`, Kleene plus) collected until the user adds to the cart, then the cart, " +
      "within 30 minutes. `until` stops the looping stage: the cart is never taken as a view, and the run " +
      "proceeds to the cart stage. Without a skip strategy each suffix of the views would be a match of its " +
      "own; watch SKIP_PAST_LAST_EVENT keep one match per browsing streak.",
    rules: [templateRule(pattern)],
    bindings: {},
    dataHint: REES46_DATA,
  };
}

/** The common shapes: sequence within a window, absence, counting, Kleene with until. */
export function shapeTemplates(): Template[] {
  return [followedByWithin(), abandonedCart(), timesWithin(), kleeneUntil()];
}
