import { describe, expect, it } from "vitest";
import {
  broadcastStateOf,
  mapStateDescriptor,
  mapStateOf,
  valueStateDescriptor,
  valueStateOf,
  type BroadcastStateData,
  type KeyedStateData,
} from "./state.ts";

const COUNT = valueStateDescriptor<number>("count");
const SEEN = mapStateDescriptor<string, number>("seen");
const RULES = mapStateDescriptor<string | null, string>("rules");

describe("ValueState over plain data", () => {
  it("stores, reads and clears a value", () => {
    const data: KeyedStateData = {};
    const state = valueStateOf(data, COUNT);
    expect(state.value()).toBeUndefined();
    state.update(1);
    state.update(2);
    expect(state.value()).toBe(2);
    expect(data).toEqual({ count: { type: "value", value: 2 } });
    state.update(undefined); // Flink's update(null)
    expect(data).toEqual({});
    state.update(3);
    state.clear();
    expect(data).toEqual({});
  });
});

describe("keyed MapState over plain data", () => {
  it("keeps entries in insertion order, numeric-looking keys too", () => {
    const data: KeyedStateData = {};
    const state = mapStateOf(data, SEEN);
    state.put("b", 1);
    state.put("10", 2);
    state.put("a", 3);
    state.put("b", 4);
    expect(state.entries()).toEqual([
      ["b", 4],
      ["10", 2],
      ["a", 3],
    ]);
    expect(state.get("10")).toBe(2);
    expect(state.get("zz")).toBeUndefined();
    expect(state.contains("a")).toBe(true);
    expect(state.isEmpty()).toBe(false);
  });

  it("is dropped once its last entry is removed or it is cleared", () => {
    const data: KeyedStateData = {};
    const state = mapStateOf(data, SEEN);
    state.put("a", 1);
    state.remove("missing");
    expect(Object.keys(data)).toEqual(["seen"]);
    state.remove("a");
    expect(data).toEqual({});
    expect(state.isEmpty()).toBe(true);
    state.put("a", 1);
    state.clear();
    expect(data).toEqual({});
  });

  it("refuses to read a state under the other kind's descriptor", () => {
    const data: KeyedStateData = {};
    valueStateOf(data, valueStateDescriptor<number>("x")).update(1);
    expect(() => mapStateOf(data, mapStateDescriptor<string, number>("x")).get("a")).toThrow(
      'Keyed state "x" is a ValueState, not a MapState.',
    );
    mapStateOf(data, mapStateDescriptor<string, number>("y")).put("a", 1);
    expect(() => valueStateOf(data, valueStateDescriptor<number>("y")).value()).toThrow(
      'Keyed state "y" is a MapState, not a ValueState.',
    );
  });
});

describe("broadcast state over plain data", () => {
  it("supports a null key and stays registered when emptied", () => {
    const data: BroadcastStateData = { rules: [] };
    const state = broadcastStateOf(data, RULES);
    state.put(null, "first");
    state.put(null, "second");
    state.put("named", "third");
    expect(data).toEqual({
      rules: [
        [null, "second"],
        ["named", "third"],
      ],
    });
    state.clear();
    expect(data).toEqual({ rules: [] });
  });

  it("exists only for registered descriptors", () => {
    expect(() => broadcastStateOf({ rules: [] }, mapStateDescriptor<string, string>("rulez"))).toThrow(
      'Broadcast state "rulez" does not exist: the function registers "rules". Check the descriptor\'s name.',
    );
    expect(() => broadcastStateOf({}, RULES)).toThrow("the function registers no broadcast state");
  });
});
