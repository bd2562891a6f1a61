/**
 * Port of what Flink's operator tests drive the `CepOperator` with: `CepOperatorTestUtilities`
 * (a keyed operator, keyed by `Event.getId()`) inside a `KeyedOneInputStreamOperatorTestHarness`
 * (records and watermarks in, an output queue out). Used by the ported `CEPOperatorTest` and
 * `CEPITCase` suites.
 *
 * Every pattern goes through dynamic-CEP JSON and back before it is compiled, the path users take.
 */
import type { ConditionBindings, GraphNode } from "../../../model/pattern.ts";
import { PatternBuilder } from "../../../model/patternBuilder.ts";
import type { CompiledNFA, EventRecord, Match } from "../../api.ts";
import { compilePattern } from "../../index.ts";
import { roundTripThroughJson } from "../../testing/jsonRoundTrip.ts";
import { CepOperator, type EventComparator, type OperatorKey, type OperatorOutput } from "../cepOperator.ts";
import { timerDelaysOf } from "../timerDelays.ts";

/** What the harness's main output holds: matches and forwarded watermarks, in order. */
export type HarnessRecord =
  | { readonly type: "match"; readonly match: Match; readonly timestamp: number }
  | { readonly type: "watermark"; readonly timestamp: number };

export interface CepOperatorHarnessOptions {
  /** `isProcessingTime` (default false: event time). */
  readonly processingTime?: boolean;
  readonly comparator?: EventComparator;
  readonly bindings?: ConditionBindings;
  /** The `KeySelector`; Flink's tests key by `Event.getId()`. */
  readonly keySelector?: (event: EventRecord) => OperatorKey;
  /** Wraps the compiled NFA (Flink's tests spy on it with Mockito). */
  readonly wrapNfa?: (nfa: CompiledNFA) => CompiledNFA;
}

/** Compiles `pattern` through a dynamic-CEP JSON round trip. */
export function compileForTest(
  pattern: PatternBuilder | GraphNode,
  bindings?: ConditionBindings,
): CompiledNFA {
  const graph = roundTripThroughJson(pattern instanceof PatternBuilder ? pattern.build() : pattern);
  return compilePattern(graph, bindings === undefined ? {} : { bindings });
}

/** A `CepOperator` for one pattern with Flink's test-harness conveniences. */
export class CepOperatorTestHarness {
  /** Main output: matches and watermarks (Flink's `harness.getOutput()`). */
  readonly output: HarnessRecord[] = [];
  /** Timed-out partial matches (the `TimedOutPartialMatchHandler` side output). */
  readonly timedOut: Array<{ readonly match: Match; readonly timestamp: number }> = [];
  /** Late elements (the late-data side output). */
  readonly lateOutput: EventRecord[] = [];
  readonly operator: CepOperator;
  private readonly keySelector: (event: EventRecord) => OperatorKey;

  constructor(pattern: PatternBuilder | GraphNode, options: CepOperatorHarnessOptions = {}) {
    const graph = pattern instanceof PatternBuilder ? pattern.build() : pattern;
    const compiled = compileForTest(graph, options.bindings);
    const nfa = options.wrapNfa ? options.wrapNfa(compiled) : compiled;
    this.keySelector = options.keySelector ?? ((event) => String(event.id));
    this.operator = new CepOperator({
      rules: [{ nfa, timerDelays: timerDelaysOf(graph) }],
      timeCharacteristic: options.processingTime === true ? "processingTime" : "eventTime",
      ...(options.comparator === undefined ? {} : { comparator: options.comparator }),
      output: (record) => {
        this.collect(record);
      },
    });
  }

  /** `processElement(new StreamRecord<>(event, timestamp))`. */
  processElement(event: EventRecord, timestamp: number): void {
    this.operator.processElement(event, this.keySelector(event), timestamp);
  }

  /** `processWatermark(new Watermark(timestamp))`: the operator reacts, then forwards it. */
  processWatermark(timestamp: number): void {
    const advances = timestamp > this.operator.currentWatermark;
    this.operator.processWatermark(timestamp);
    if (advances) this.output.push({ type: "watermark", timestamp });
  }

  /** `setProcessingTime(time)`. */
  setProcessingTime(time: number): void {
    this.operator.setProcessingTime(time);
  }

  /** `getOutput().poll()`. */
  poll(): HarnessRecord | undefined {
    return this.output.shift();
  }

  /** The main output's matches, leaving watermarks out. */
  matches(): Match[] {
    return this.output.flatMap((record) => (record.type === "match" ? [record.match] : []));
  }

  /** `hasNonEmptySharedBuffer(key)` / `hasNonEmptyPQ(key)` / `getPQSize(key)`, keyed like the selector. */
  hasNonEmptySharedBuffer(id: number): boolean {
    return this.operator.hasNonEmptySharedBuffer(String(id));
  }
  hasNonEmptyPQ(id: number): boolean {
    return this.operator.hasNonEmptyPQ(String(id));
  }
  getPQSize(id: number): number {
    return this.operator.getPQSize(String(id));
  }

  private collect(record: OperatorOutput): void {
    if (record.type === "match")
      this.output.push({ type: "match", match: record.match, timestamp: record.timestamp });
    else if (record.type === "timeout")
      this.timedOut.push({ match: record.match, timestamp: record.timestamp });
    else this.lateOutput.push(record.event);
  }
}
