import { describe, expect, it } from "vitest";
import { processorStateRows } from "./processorStateRows.ts";

describe("processorStateRows", () => {
  it("lists MapStates by name and their entries in insertion order", () => {
    const rows = processorStateRows({
      patternBroadcastState: [[null, { firstAction: "view", secondAction: "purchase" }]],
      configBroadcastState: [
        ["APP", { channel: "APP", registerDate: "2021-05-01", historyDataNum: 3, maxPurchasePathLength: 5 }],
        ["WEB", { channel: "WEB", historyDataNum: 2 }],
      ],
    });
    expect(rows).toEqual([
      {
        state: "configBroadcastState",
        key: "APP",
        value:
          '{"channel": "APP", "registerDate": "2021-05-01", "historyDataNum": 3, "maxPurchasePathLength": 5}',
      },
      { state: "configBroadcastState", key: "WEB", value: '{"channel": "WEB", "historyDataNum": 2}' },
      {
        state: "patternBroadcastState",
        key: "null",
        value: '{"firstAction": "view", "secondAction": "purchase"}',
      },
    ]);
  });

  it("is empty before any broadcast element arrived", () => {
    expect(processorStateRows({})).toEqual([]);
    expect(processorStateRows({ configBroadcastState: [] })).toEqual([]);
  });

  it("writes values JSON cannot hold", () => {
    expect(processorStateRows({ s: [["k", undefined]] })).toEqual([
      { state: "s", key: "k", value: "undefined" },
    ]);
  });
});
