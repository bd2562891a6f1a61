/**
 * Seed 000's purchase-path tracker. The example input is the nine sample events the original job
 * documents for user a9b83681…, with the config of the scenarios README; the expected output is the
 * article's result line, byte for byte.
 */
import { describe, expect, it } from "vitest";
import { RecordFormatError } from "./recordFields.ts";
import {
  ORIGINAL_DEFAULT_CONFIG,
  PurchasePathTracker,
  readPurchasePathConfig,
  readUserEvent,
  type EvaluatedResult,
  type PurchaseEventType,
  type PurchasePathConfig,
  type UserEvent,
} from "./purchasePath.ts";
import { broadcast, element, ProcessorHarness } from "./testing/processorHarness.ts";

const USER = "a9b83681ba4df17a30abcf085ce80a9b";

const SAMPLE_EVENT_LINES = [
  `{"userId":"${USER}","channel":"APP","eventType":"VIEW_PRODUCT","eventTime":"2018-06-12_08:45:24","data":{"productId":126}}`,
  `{"userId":"${USER}","channel":"APP","eventType":"VIEW_PRODUCT","eventTime":"2018-06-12_08:57:32","data":{"productId":273}}`,
  `{"userId":"${USER}","channel":"APP","eventType":"VIEW_PRODUCT","eventTime":"2018-06-12_09:21:08","data":{"productId":126}}`,
  `{"userId":"${USER}","channel":"APP","eventType":"VIEW_PRODUCT","eventTime":"2018-06-12_09:21:49","data":{"productId":103}}`,
  `{"userId":"${USER}","channel":"APP","eventType":"VIEW_PRODUCT","eventTime":"2018-06-12_09:21:59","data":{"productId":157}}`,
  `{"userId":"${USER}","channel":"APP","eventType":"VIEW_PRODUCT","eventTime":"2018-06-12_09:27:11","data":{"productId":126}}`,
  `{"userId":"${USER}","channel":"APP","eventType":"ADD_TO_CART","eventTime":"2018-06-12_09:43:18","data":{"productId":126}}`,
  `{"userId":"${USER}","channel":"APP","eventType":"VIEW_PRODUCT","eventTime":"2018-06-12_09:27:11","data":{"productId":126}}`,
  `{"userId":"${USER}","channel":"APP","eventType":"PURCHASE","eventTime":"2018-06-12_09:30:28","data":{"productId":126,"price":299.00,"amount":260.00}}`,
];

const CONFIG_LINE = `{"channel":"APP","registerDate":"2018-01-01","historyPurchaseTimes":0,"maxPurchasePathLength":3}`;

const ARTICLE_OUTPUT = `{"userId":"${USER}","channel":"APP","purchasePathLength":9,"eventTypeCounts":{"ADD_TO_CART":1,"PURCHASE":1,"VIEW_PRODUCT":7}}`;

function tracker(options?: ConstructorParameters<typeof PurchasePathTracker>[0]) {
  return new ProcessorHarness<UserEvent, PurchasePathConfig, EvaluatedResult>(
    new PurchasePathTracker(options),
    "userId",
  );
}

function ev(userId: string, eventType: PurchaseEventType, channel = "APP"): UserEvent {
  return { userId, channel, eventType, eventTime: "2018-06-12 09:27:11" };
}

function config(
  maxPurchasePathLength: number,
  channel = "APP",
  historyPurchaseTimes = 0,
): PurchasePathConfig {
  return { channel, registerDate: "2018-01-01", historyPurchaseTimes, maxPurchasePathLength };
}

/** `n` views then a purchase: a path of length n + 1. */
function path(userId: string, views: number, channel = "APP"): UserEvent[] {
  return [
    ...Array.from({ length: views }, () => ev(userId, "VIEW_PRODUCT", channel)),
    ev(userId, "PURCHASE", channel),
  ];
}

describe("PurchasePathTracker (seed 000)", () => {
  it("reproduces the article's example output", () => {
    const harness = tracker();
    const out = harness.feed([
      broadcast(readPurchasePathConfig(JSON.parse(CONFIG_LINE), "config:1")),
      ...SAMPLE_EVENT_LINES.map((line, i) => element(readUserEvent(JSON.parse(line), `events:${i + 1}`))),
    ]);
    expect(out).toHaveLength(1);
    expect(JSON.stringify(out[0])).toBe(ARTICLE_OUTPUT);
    expect(harness.keyedState(USER)).toBeUndefined();
  });

  it("collects the user's events per channel in keyed MapState until the purchase", () => {
    const harness = tracker();
    harness.feed([broadcast(config(3)), element(ev("u1", "VIEW_PRODUCT")), element(ev("u1", "ADD_TO_CART"))]);
    const state = harness.keyedState("u1");
    expect(state).toEqual({
      userEventContainerState: {
        type: "map",
        entries: [["APP", { userId: "u1", userEvents: [ev("u1", "VIEW_PRODUCT"), ev("u1", "ADD_TO_CART")] }]],
      },
    });
    expect(harness.broadcastState()).toEqual({ configBroadcastState: [["APP", config(3)]] });
  });

  it("emits only when the path is longer than maxPurchasePathLength", () => {
    const harness = tracker();
    harness.processBroadcastElement(config(3));
    expect(harness.feed(path("u1", 2).map((e) => element(e)))).toEqual([]); // length 3, not > 3
    expect(harness.feed(path("u1", 3).map((e) => element(e)))).toEqual([
      {
        userId: "u1",
        channel: "APP",
        purchasePathLength: 4,
        eventTypeCounts: { PURCHASE: 1, VIEW_PRODUCT: 3 },
      },
    ]);
  });

  it("clears the user's state after every purchase, emitted or not", () => {
    const harness = tracker();
    harness.processBroadcastElement(config(1));
    harness.feed(path("u1", 0).map((e) => element(e))); // length 1: no result
    expect(harness.keys()).toEqual([]);
    const out = harness.feed(path("u1", 1).map((e) => element(e)));
    expect(out.map((r) => r.purchasePathLength)).toEqual([2]); // counted from the last purchase
    expect(harness.keyedState("u1")).toBeUndefined();
  });

  it("emits nothing while historyPurchaseTimes is 10 or more, but still clears", () => {
    const harness = tracker();
    harness.processBroadcastElement(config(0, "APP", 10));
    expect(harness.feed(path("u1", 5).map((e) => element(e)))).toEqual([]);
    expect(harness.keys()).toEqual([]);
    harness.processBroadcastElement(config(0, "APP", 9));
    expect(harness.feed(path("u1", 0).map((e) => element(e)))).toHaveLength(1);
  });

  it("applies a config update from the next event on, to events collected before it too", () => {
    const harness = tracker();
    const out = harness.feed([
      broadcast(config(10)),
      element(ev("u1", "VIEW_PRODUCT")),
      element(ev("u1", "VIEW_PRODUCT")),
      element(ev("u1", "VIEW_PRODUCT")),
      broadcast(config(3)), // replaces APP's config in broadcast MapState
      element(ev("u1", "PURCHASE")),
      element(ev("u2", "VIEW_PRODUCT")),
      element(ev("u2", "VIEW_PRODUCT")),
      element(ev("u2", "VIEW_PRODUCT")),
      broadcast(config(10)),
      element(ev("u2", "PURCHASE")),
    ]);
    expect(out).toEqual([
      {
        userId: "u1",
        channel: "APP",
        purchasePathLength: 4,
        eventTypeCounts: { PURCHASE: 1, VIEW_PRODUCT: 3 },
      },
    ]);
    expect(harness.broadcastState()).toEqual({ configBroadcastState: [["APP", config(10)]] });
  });

  it("keeps a config per channel and a path per (user, channel)", () => {
    const harness = tracker();
    const out = harness.feed([
      broadcast(config(1, "APP")),
      broadcast(config(5, "WEB")),
      element(ev("u1", "VIEW_PRODUCT", "WEB")),
      element(ev("u1", "VIEW_PRODUCT", "APP")),
      element(ev("u1", "PURCHASE", "APP")),
      element(ev("u1", "PURCHASE", "WEB")),
    ]);
    expect(out).toEqual([
      {
        userId: "u1",
        channel: "APP",
        purchasePathLength: 2,
        eventTypeCounts: { PURCHASE: 1, VIEW_PRODUCT: 1 },
      },
    ]);
    expect(harness.keys()).toEqual([]);
  });

  it("orders eventTypeCounts like the article (sorted), with every type seen", () => {
    const harness = tracker();
    harness.processBroadcastElement(config(0));
    const out = harness.feed(
      (["VIEW_PRODUCT", "REMOVE_FROM_CART", "ADD_TO_CART", "VIEW_PRODUCT", "PURCHASE"] as const).map((t) =>
        element(ev("u1", t)),
      ),
    );
    expect(JSON.stringify(out[0]?.eventTypeCounts)).toBe(
      '{"ADD_TO_CART":1,"PURCHASE":1,"REMOVE_FROM_CART":1,"VIEW_PRODUCT":2}',
    );
  });

  it("evaluates a channel without config against the original default config (APP, max 0)", () => {
    const harness = tracker();
    const out = harness.feed(path("u1", 1, "WEB").map((e) => element(e)));
    // As in the original: every path beats max 0, and the channel comes from the default config.
    expect(out).toEqual([
      {
        userId: "u1",
        channel: "APP",
        purchasePathLength: 2,
        eventTypeCounts: { PURCHASE: 1, VIEW_PRODUCT: 1 },
      },
    ]);
    expect(ORIGINAL_DEFAULT_CONFIG.maxPurchasePathLength).toBe(0);
  });

  it("with defaultConfig null, ignores events until their channel has a config", () => {
    const harness = tracker({ defaultConfig: null });
    const out = harness.feed([
      element(ev("u1", "VIEW_PRODUCT")),
      element(ev("u1", "VIEW_PRODUCT")),
      element(ev("u1", "PURCHASE")),
      element(ev("u2", "VIEW_PRODUCT")),
      broadcast(config(1)),
      element(ev("u2", "VIEW_PRODUCT")),
      element(ev("u2", "PURCHASE")),
    ]);
    expect(out).toEqual([
      {
        userId: "u2",
        channel: "APP",
        purchasePathLength: 2,
        eventTypeCounts: { PURCHASE: 1, VIEW_PRODUCT: 1 },
      },
    ]);
  });
});

describe("reading seed 000 records", () => {
  it("keeps numeric ids as their digits", () => {
    const event = readUserEvent(
      { userId: 590404850, channel: "APP", eventType: "VIEW_PRODUCT", eventTime: "t" },
      "events:1",
    );
    expect(event).toEqual({ userId: "590404850", channel: "APP", eventType: "VIEW_PRODUCT", eventTime: "t" });
    expect(
      readPurchasePathConfig(
        { channel: "APP", registerDate: "2018-01-01", historyPurchaseTimes: "2", maxPurchasePathLength: 3 },
        "config:1",
      ),
    ).toEqual(config(3, "APP", 2));
  });

  it.each([
    [
      { userId: "u", channel: "APP", eventType: "CLICK", eventTime: "t" },
      'events:7: field "eventType" must be one of VIEW_PRODUCT, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE, got "CLICK"',
    ],
    [
      { channel: "APP", eventType: "PURCHASE", eventTime: "t" },
      'events:7: field "userId" must be text, got nothing (the field is missing)',
    ],
    [
      { userId: 2 ** 60, channel: "APP", eventType: "PURCHASE", eventTime: "t" },
      'events:7: field "userId" holds the number 1152921504606847000, beyond 2^53, whose digits may already be lost: write it as text',
    ],
    [
      { userId: "u", channel: "APP", eventType: "PURCHASE", eventTime: "t", data: [1] },
      'events:7: field "data": expected an object, got an array',
    ],
    [[], "events:7: expected an object, got an array"],
  ])("rejects a bad event with a message naming the record and field", (record, message) => {
    expect(() => readUserEvent(record, "events:7")).toThrow(RecordFormatError);
    expect(() => readUserEvent(record, "events:7")).toThrow(message);
  });

  it("rejects a config whose limits are not Java ints", () => {
    expect(() =>
      readPurchasePathConfig(
        { channel: "APP", registerDate: "d", historyPurchaseTimes: 0, maxPurchasePathLength: 2.5 },
        "config:2",
      ),
    ).toThrow('config:2: field "maxPurchasePathLength" must be an integer (Java int), got 2.5');
  });
});
