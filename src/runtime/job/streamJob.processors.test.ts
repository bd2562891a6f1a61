/**
 * The built-in keyed-broadcast processors (seed 000, seed 001) run through a parallel StreamJob:
 * the article's outputs, on the subtask that owns the user, with broadcast state in every subtask.
 */
import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../engine/index.ts";
import { BUILT_IN_PROCESSORS } from "./builtInProcessors.ts";
import type { BroadcastRecord, JobOutput } from "./jobTypes.ts";
import { StreamJob } from "./streamJob.ts";

const USER = "a9b83681ba4df17a30abcf085ce80a9b";
const TYPES = [
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "VIEW_PRODUCT",
  "ADD_TO_CART",
  "VIEW_PRODUCT",
  "PURCHASE",
];
const ARTICLE_OUTPUT = `{"userId":"${USER}","channel":"APP","purchasePathLength":9,"eventTypeCounts":{"ADD_TO_CART":1,"PURCHASE":1,"VIEW_PRODUCT":7}}`;

function run(
  processor: keyof typeof BUILT_IN_PROCESSORS,
  events: readonly EventRecord[],
  broadcast: ReadonlyArray<[number, unknown]>,
  parallelism = 1,
): { outputs: JobOutput[]; job: StreamJob } {
  const spec = BUILT_IN_PROCESSORS[processor];
  const outputs: JobOutput[] = [];
  const records: BroadcastRecord[] = broadcast.map(([time, value]) => ({
    at: time,
    action: { type: "element", value: spec.readBroadcast(value, "broadcast") },
  }));
  const job = new StreamJob({
    logic: { type: "processor", processor: spec },
    timeCharacteristic: "processingTime",
    parallelism,
    broadcast: records,
    output: (o) => outputs.push(o),
  });
  events.forEach((event, position) => {
    job.setProcessingTime(position);
    const key = String(event.userId);
    expect(job.admit(event, key)).toBeNull();
    job.processElement(event, key);
  });
  return { outputs, job };
}

const results = (outputs: readonly JobOutput[]): string[] =>
  outputs.map((o) => (o.type === "result" ? JSON.stringify(o.result) : o.type));

describe("built-in processors through StreamJob", () => {
  const config = {
    channel: "APP",
    registerDate: "2018-01-01",
    historyPurchaseTimes: 0,
    maxPurchasePathLength: 3,
  };
  const path = (user: string) =>
    TYPES.map((eventType) => ({ userId: user, channel: "APP", eventType, eventTime: "2018-06-12 09:27:11" }));

  it("purchase-path reproduces seed 000's output on the user's subtask", () => {
    const { outputs, job } = run("purchase-path", path(USER), [[0, config]], 4);
    expect(results(outputs)).toEqual([ARTICLE_OUTPUT]);
    expect(outputs[0]).toMatchObject({ type: "result", key: USER, subtask: job.subtaskOf(USER) });
  });

  it("purchase-path: a new channel config applies from the next event in every subtask", () => {
    const users = ["u1", "u2", "u3", "u4", "u5", "u6"];
    const events = [...users.flatMap((u) => path(u).slice(0, 4)), ...users.flatMap((u) => path(u).slice(4))];
    // 9-event paths: max 3 emits all six; raised to 20 before the purchases, none.
    const one = run("purchase-path", events, [[0, config]], 4);
    expect(one.outputs).toHaveLength(6);
    expect(new Set(one.outputs.map((o) => (o.type === "result" ? o.subtask : -1))).size).toBeGreaterThan(1);
    const raised = run(
      "purchase-path",
      events,
      [
        [0, config],
        [24, { ...config, maxPurchasePathLength: 20 }],
      ],
      4,
    );
    expect(raised.outputs).toEqual([]);
  });

  it("purchase-path reports a record it cannot read", () => {
    const { job } = run("purchase-path", [], []);
    expect(job.admit({ userId: "u1", channel: "APP", eventType: "CLICK", eventTime: "x" }, "u1")).toMatch(
      /^record: field "eventType" must be one of VIEW_PRODUCT, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE/,
    );
  });

  it("two-action: a new pattern replaces the active one (seed 001)", () => {
    const actions = [
      ["1001", "login"],
      ["1001", "logout"],
      ["1002", "add-to-cart"],
      ["1002", "logout"],
      ["1003", "add-to-cart"],
      ["1003", "logout"],
    ].map(([userId, action]) => ({ userId, action }));
    const { outputs } = run(
      "two-action",
      actions,
      [
        [0, { firstAction: "login", secondAction: "logout" }],
        [4, { firstAction: "add-to-cart", secondAction: "logout" }],
      ],
      3,
    );
    expect(results(outputs)).toEqual([
      `{"userId":"1001","pattern":{"firstAction":"login","secondAction":"logout"}}`,
      `{"userId":"1003","pattern":{"firstAction":"add-to-cart","secondAction":"logout"}}`,
    ]);
  });
});
