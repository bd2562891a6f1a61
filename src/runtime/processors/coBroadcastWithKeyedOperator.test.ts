/** The subtask mechanics, with small stand-in functions; the built-in processors have their own tests. */
import { describe, expect, it } from "vitest";
import { CoBroadcastWithKeyedOperator } from "./coBroadcastWithKeyedOperator.ts";
import type { KeyedBroadcastProcessFunction } from "./keyedBroadcastProcessFunction.ts";
import {
  mapStateDescriptor,
  valueStateDescriptor,
  type MapState,
  type ReadOnlyBroadcastState,
} from "./state.ts";
import { ProcessorHarness } from "./testing/processorHarness.ts";

interface Ev {
  readonly user: string | number | bigint | boolean;
  readonly n: number;
}

const TOTAL = valueStateDescriptor<number>("total");
const LIMITS = mapStateDescriptor<string, number>("limits");

/** Sums `n` per key; emits "key:total@timestamp" once the total reaches the broadcast limit "max". */
const summing: KeyedBroadcastProcessFunction<Ev, number, string> = {
  broadcastStateDescriptors: [LIMITS],
  processElement(value, ctx) {
    const total = ctx.getState(TOTAL);
    const sum = (total.value() ?? 0) + value.n;
    const max = ctx.getBroadcastState(LIMITS).get("max");
    if (max !== undefined && sum >= max) {
      ctx.collect(`${ctx.currentKey}:${sum}@${String(ctx.timestamp)}`);
      total.clear();
    } else total.update(sum);
  },
  processBroadcastElement(limit, ctx) {
    ctx.getBroadcastState(LIMITS).put("max", limit);
    if (limit < 0) {
      ctx.applyToKeyedState(TOTAL, (_key, state) => {
        state.clear();
      });
    } else {
      ctx.applyToKeyedState(TOTAL, (key, state) => {
        ctx.collect(`${key} has ${String(state.value())}`);
      });
    }
  },
};

describe("CoBroadcastWithKeyedOperator", () => {
  it("keeps keyed state per key and drops a key once its state is cleared", () => {
    const operator = new CoBroadcastWithKeyedOperator(summing);
    expect(operator.broadcastState()).toEqual({ limits: [] }); // registered when the operator opens
    expect(operator.processElement({ user: "a", n: 2 }, "a", 5)).toEqual([]);
    expect(operator.processElement({ user: "b", n: 1 }, "b")).toEqual([]);
    expect(operator.keys()).toEqual(["a", "b"]);
    expect(operator.processBroadcastElement(3)).toEqual(["a has 2", "b has 1"]);
    expect(operator.processElement({ user: "a", n: 1 }, "a", 9)).toEqual(["a:3@9"]);
    expect(operator.keys()).toEqual(["b"]);
    expect(operator.keyedState("b")).toEqual({ total: { type: "value", value: 1 } });
  });

  it("lets processBroadcastElement clear every key's state", () => {
    const operator = new CoBroadcastWithKeyedOperator(summing);
    operator.processElement({ user: "a", n: 2 }, "a");
    operator.processElement({ user: "b", n: 2 }, "b");
    expect(operator.processBroadcastElement(-1)).toEqual([]);
    expect(operator.keys()).toEqual([]);
  });

  it("starts from given state", () => {
    const operator = new CoBroadcastWithKeyedOperator(summing, {
      keyed: new Map([["a", { total: { type: "value", value: 4 } }]]),
      broadcast: { limits: [["max", 5]] },
    });
    expect(operator.processElement({ user: "a", n: 1 }, "a", 1)).toEqual(["a:5@1"]);
  });

  it("gives processElement read-only broadcast state", () => {
    const writer: KeyedBroadcastProcessFunction<Ev, number, string> = {
      broadcastStateDescriptors: [LIMITS],
      processElement(_value, ctx) {
        const state: ReadOnlyBroadcastState<string, number> = ctx.getBroadcastState(LIMITS);
        (state as MapState<string, number>).put("max", 1);
      },
      processBroadcastElement() {},
    };
    const operator = new CoBroadcastWithKeyedOperator(writer);
    expect(() => operator.processElement({ user: "a", n: 1 }, "a")).toThrow(TypeError);
    expect(operator.broadcastState()).toEqual({ limits: [] });
  });

  it("keeps what a failing processElement wrote before it threw", () => {
    const failing: KeyedBroadcastProcessFunction<Ev, number, string> = {
      broadcastStateDescriptors: [],
      processElement(value, ctx) {
        ctx.getState(TOTAL).update(value.n);
        throw new Error("boom");
      },
      processBroadcastElement() {},
    };
    const operator = new CoBroadcastWithKeyedOperator(failing);
    expect(() => operator.processElement({ user: "a", n: 7 }, "a")).toThrow("boom");
    expect(operator.keyedState("a")).toEqual({ total: { type: "value", value: 7 } });
  });
});

describe("ProcessorHarness keying", () => {
  it("keys by the field's text, numbers and BigInts as their digits", () => {
    const harness = new ProcessorHarness(summing, "user");
    harness.processElement({ user: 590404850, n: 1 });
    harness.processElement({ user: 9223372036854775807n, n: 1 });
    expect(harness.keys()).toEqual(["590404850", "9223372036854775807"]);
  });

  it("rejects a key it cannot turn into exact text", () => {
    const harness = new ProcessorHarness(summing, "user");
    expect(() => harness.processElement({ user: 2 ** 60, n: 1 })).toThrow(
      'Key field "user" must hold text or a safe integer, got number.',
    );
    expect(() => harness.processElement({ user: true, n: 1 })).toThrow("got boolean");
  });
});
