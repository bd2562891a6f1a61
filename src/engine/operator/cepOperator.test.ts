/**
 * The operator's own mechanics (buffering, lateness, timers, key order, state cleanup) against a
 * tiny stand-in NFA, so they are tested apart from the real NFA. The Flink suites
 * (src/engine/flink/CEPOperatorTest.test.ts, CEPITCase.test.ts) run it with the real engine.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { CompiledNFA, EventRecord, Match } from "../api.ts";
import type { KeyedNFAState } from "../nfaState.ts";
import { BoundedOutOfOrdernessWatermarks } from "./boundedOutOfOrderness.ts";
import { CepOperator, CepOperatorError, type OperatorOutput } from "./cepOperator.ts";
import { timerDelaysOf } from "./timerDelays.ts";

interface PairState {
  starts: Array<{ event: EventRecord; ts: number }>;
}

/**
 * Matches `a` followedBy `b` within `window` (first-and-last): every open `a` pairs with each
 * later `b`; an `a` times out at `ts + window`. Records every call in `calls`.
 */
function pairNfa(window: number | null, calls: string[] = []): CompiledNFA {
  const state = (s: KeyedNFAState): PairState => s as unknown as PairState;
  return {
    windowTime: window,
    stageNames: ["a", "b"],
    createState: () => ({ starts: [] }) as unknown as KeyedNFAState,
    isEmpty: (s) => state(s).starts.length === 0,
    // The operator never inspects or explains; these only complete the contract.
    inspect: () => [],
    countByStage: () => undefined,
    explain: () => {
      throw new Error("CepOperator does not call explain");
    },
    process(s, event, ts) {
      calls.push(`process ${String(event.id)}@${ts}`);
      if (event.name === "boom") throw new Error("condition failed");
      const matches: Match[] = [];
      if (event.name === "b") {
        for (const start of state(s).starts)
          matches.push(
            new Map([
              ["a", [start.event]],
              ["b", [event]],
            ]),
          );
      }
      if (event.name === "a") {
        state(s).starts.push({ event, ts });
        // As Flink's NFA: a start that took an event at a time > 0 is a new partial match.
        if (ts > 0) s.newStartPartialMatch = true;
      }
      return matches;
    },
    advanceTime(s, ts) {
      calls.push(`advanceTime ${ts}`);
      if (window === null) return { matches: [], timedOut: [] };
      const expired = state(s).starts.filter((start) => ts - start.ts >= window);
      state(s).starts = state(s).starts.filter((start) => ts - start.ts < window);
      return {
        matches: [],
        timedOut: expired.map((start) => ({
          match: new Map([["a", [start.event]]]),
          timestamp: start.ts + window,
        })),
      };
    },
  };
}

const e = (id: number, name: string, extra: Record<string, unknown> = {}): EventRecord => ({
  id,
  name,
  ...extra,
});

function summary(outputs: OperatorOutput[]): string[] {
  return outputs.map((o) => {
    if (o.type === "late") return `late ${String(o.event.id)}`;
    const ids = [...o.match.values()].flat().map((ev) => String(ev.id));
    return `${o.type}[${o.rule}] ${o.key ?? "-"} ${ids.join(",")}${o.type === "timeout" ? ` @${o.timestamp}` : ""}`;
  });
}

function eventTimeOperator(nfas: CompiledNFA[], comparator?: (a: EventRecord, b: EventRecord) => number) {
  const outputs: OperatorOutput[] = [];
  const operator = new CepOperator({
    rules: nfas.map((nfa) => ({ nfa })),
    timeCharacteristic: "eventTime",
    output: (o) => outputs.push(o),
    ...(comparator === undefined ? {} : { comparator }),
  });
  return { operator, outputs };
}

describe("CepOperator in event time", () => {
  it("buffers until the watermark, then feeds in timestamp order with advanceTime first", () => {
    const calls: string[] = [];
    const { operator, outputs } = eventTimeOperator([pairNfa(null, calls)]);
    operator.processElement(e(2, "b"), "k", 5);
    operator.processElement(e(1, "a"), "k", 3);
    operator.processElement(e(3, "b"), "k", 5);
    expect(calls).toEqual([]);
    expect(operator.getPQSize("k")).toBe(3);
    operator.processWatermark(5);
    expect(calls).toEqual([
      "advanceTime 3",
      "process 1@3",
      "advanceTime 5",
      "process 2@5",
      "process 3@5",
      "advanceTime 5",
    ]);
    expect(summary(outputs)).toEqual(["match[0] k 1,2", "match[0] k 1,3"]);
    expect(operator.hasNonEmptyPQ("k")).toBe(false);
    expect(operator.hasNonEmptySharedBuffer("k")).toBe(true);
  });

  it("treats ts <= watermark as late, emitting and counting it in arrival order", () => {
    const { operator, outputs } = eventTimeOperator([pairNfa(null)]);
    operator.processWatermark(10);
    operator.processElement(e(1, "a"), "k", 10);
    operator.processElement(e(2, "a"), "k", 11);
    operator.processElement(e(3, "a"), "k", 4);
    expect(summary(outputs)).toEqual(["late 1", "late 3"]);
    expect(operator.lateRecordsNumber).toBe(2);
    expect(outputs[0]).toMatchObject({ type: "late", key: "k", timestamp: 10 });
  });

  it("ignores watermarks that do not advance", () => {
    const { operator } = eventTimeOperator([pairNfa(null)]);
    operator.processWatermark(10);
    operator.processWatermark(3);
    expect(operator.currentWatermark).toBe(10);
  });

  it("times out partial matches on a bare watermark, at first + window", () => {
    const { operator, outputs } = eventTimeOperator([pairNfa(10)]);
    operator.processElement(e(1, "a"), "k", 3);
    operator.processWatermark(5);
    operator.processWatermark(12);
    expect(outputs).toEqual([]);
    operator.processWatermark(13);
    expect(summary(outputs)).toEqual(["timeout[0] k 1 @13"]);
    expect(operator.keyCount).toBe(0);
  });

  it("flushes everything on a +∞ watermark", () => {
    const { operator, outputs } = eventTimeOperator([pairNfa(10)]);
    operator.processElement(e(1, "a"), "k", 3);
    operator.processElement(e(2, "b"), "k", 4);
    operator.processWatermark(Number.POSITIVE_INFINITY);
    expect(summary(outputs)).toEqual(["match[0] k 1,2", "timeout[0] k 1 @13"]);
    expect(operator.keyCount).toBe(0);
    expect(operator.numEventTimeTimers).toBe(0);
  });

  it("visits keys in the order of their earliest due timer, then first seen", () => {
    const { operator, outputs } = eventTimeOperator([pairNfa(100)]);
    operator.processElement(e(1, "a"), "late-key", 7);
    operator.processElement(e(2, "a"), "early-key", 2);
    operator.processElement(e(3, "a"), "tie-key", 7);
    operator.processWatermark(Number.POSITIVE_INFINITY);
    expect(summary(outputs)).toEqual([
      "timeout[0] early-key 2 @102",
      "timeout[0] late-key 1 @107",
      "timeout[0] tie-key 3 @107",
    ]);
  });

  it("runs the rules of a key in the given order", () => {
    const { operator, outputs } = eventTimeOperator([pairNfa(null), pairNfa(null)]);
    operator.processElement(e(1, "a"), null, 1);
    operator.processElement(e(2, "b"), null, 2);
    operator.processWatermark(2);
    expect(summary(outputs)).toEqual(["match[0] - 1,2", "match[1] - 1,2"]);
  });

  it("orders equal timestamps by the comparator, stably", () => {
    const calls: string[] = [];
    const byPrice = (a: EventRecord, b: EventRecord): number => (a.price as number) - (b.price as number);
    const { operator } = eventTimeOperator([pairNfa(null, calls)], byPrice);
    operator.processElement(e(1, "x", { price: 3 }), "k", 1);
    operator.processElement(e(2, "x", { price: 1 }), "k", 1);
    operator.processElement(e(3, "x", { price: 3 }), "k", 1);
    operator.processWatermark(1);
    expect(calls.filter((c) => c.startsWith("process"))).toEqual([
      "process 2@1",
      "process 1@1",
      "process 3@1",
    ]);
  });

  it("reports NFA failures with the rule, key and event", () => {
    const { operator } = eventTimeOperator([pairNfa(null)]);
    const boom = e(9, "boom");
    operator.processElement(boom, "k", 1);
    let error: unknown;
    try {
      operator.processWatermark(1);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CepOperatorError);
    expect(error).toMatchObject({ rule: 0, key: "k", event: boom, message: "condition failed" });
  });
});

describe("CepOperator in processing time", () => {
  it("advances time to the clock, then processes each element at once", () => {
    const calls: string[] = [];
    const outputs: OperatorOutput[] = [];
    const operator = new CepOperator({
      rules: [{ nfa: pairNfa(5, calls) }],
      timeCharacteristic: "processingTime",
      output: (o) => outputs.push(o),
    });
    operator.setProcessingTime(1);
    operator.processElement(e(1, "a"), "k", 999);
    operator.setProcessingTime(7);
    operator.processElement(e(2, "b"), "k");
    // The window timer at 1 + 5 + 1 fires first (onProcessingTime), then the element goes in.
    expect(calls).toEqual(["advanceTime 1", "process 1@1", "advanceTime 7", "advanceTime 7", "process 2@7"]);
    expect(summary(outputs)).toEqual(["timeout[0] k 1 @6"]);
    expect(() => {
      operator.setProcessingTime(6);
    }).toThrow(RangeError);
  });

  it("with a comparator, buffers until the clock is next set", () => {
    const calls: string[] = [];
    const operator = new CepOperator({
      rules: [{ nfa: pairNfa(null, calls) }],
      timeCharacteristic: "processingTime",
      comparator: (a, b) => (a.price as number) - (b.price as number),
      output: () => undefined,
    });
    operator.processElement(e(1, "a", { price: 2 }), "k");
    operator.processElement(e(2, "a", { price: 1 }), "k");
    expect(calls).toEqual([]);
    operator.setProcessingTime(3);
    expect(calls).toEqual(["advanceTime 0", "process 2@0", "process 1@0", "advanceTime 3"]);
  });

  it("times partial matches out when the clock passes ts + window + 1, without further elements", () => {
    const outputs: OperatorOutput[] = [];
    const operator = new CepOperator({
      rules: [{ nfa: pairNfa(5) }],
      timeCharacteristic: "processingTime",
      output: (o) => outputs.push(o),
    });
    operator.setProcessingTime(2);
    operator.processElement(e(1, "a"), "k");
    operator.setProcessingTime(7);
    expect(outputs).toEqual([]);
    operator.setProcessingTime(8);
    expect(summary(outputs)).toEqual(["timeout[0] k 1 @7"]);
    expect(operator.keyCount).toBe(0);
  });
});

describe("BoundedOutOfOrdernessWatermarks", () => {
  it("emits max timestamp − delay − 1, starting at −∞", () => {
    const generator = new BoundedOutOfOrdernessWatermarks(5);
    expect(generator.onPeriodicEmit()).toBe(Number.NEGATIVE_INFINITY);
    generator.onEvent(10);
    generator.onEvent(7);
    expect(generator.onPeriodicEmit()).toBe(4);
    expect(() => new BoundedOutOfOrdernessWatermarks(-1)).toThrow(RangeError);
  });
});

describe("timerDelaysOf", () => {
  it("collects the graph window and every times window", () => {
    const graph = PatternBuilder.begin("a")
      .followedBy("b")
      .times(2, 3, 50)
      .followedBy(PatternBuilder.begin("c").timesOrMore(2, 70))
      .within(1000)
      .build();
    expect(timerDelaysOf(graph)).toEqual([50, 70, 1000]);
    expect(timerDelaysOf(PatternBuilder.begin("a").build())).toEqual([]);
  });
});
