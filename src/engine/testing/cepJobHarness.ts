/**
 * Runs a small Flink CEP DataStream job end to end, the way Flink's job-level suites do
 * (`CEPITCase` and its historic siblings): source → timestamps/watermarks → keyBy → our
 * `CepOperator` → select. Used by the ported job suites.
 *
 * How the jobs read here:
 * - `env.fromElements(...)` in processing time: the clock is the element's position (Flink's
 *   wall clock only has to move forward; no window is reached).
 * - `AssignerWithPunctuatedWatermarks` returning `ts - lag`: a watermark after every element;
 *   `WatermarkStrategy.forBoundedOutOfOrderness(d)`: `BoundedOutOfOrdernessWatermarks(d)`.
 *   A bounded event-time job ends with `Watermark(Long.MAX_VALUE)`: +∞ here.
 * - A stream without `keyBy` runs under one key (Flink keys it with a `NullByteKeySelector`).
 * - `new SubEvent(...)` and `.subtype(SubEvent.class)` are bound as in the operator fixtures.
 *
 * The pattern goes through dynamic-CEP JSON and back before it is compiled, the path users take.
 */
import type { PatternBuilder } from "../../model/patternBuilder.ts";
import type { EventRecord, Match } from "../api.ts";
import { BoundedOutOfOrdernessWatermarks } from "../operator/boundedOutOfOrderness.ts";
import { CepOperator, type EventComparator, type OperatorKey } from "../operator/cepOperator.ts";
import { compileForTest } from "../operator/testing/cepOperatorTestHarness.ts";
import { SUB_EVENT_BINDINGS } from "../operator/testing/flinkOperatorFixtures.ts";
import { timerDelaysOf } from "../operator/timerDelays.ts";

/** How the job assigns time: processing time, or event time with one of two watermark kinds. */
export type Watermarking =
  "processing-time" | { readonly punctuatedLag: number } | { readonly boundedOutOfOrderness: number };

/** One CEP job: a pattern over a bounded source. */
export interface CepJob {
  readonly pattern: PatternBuilder;
  /** Elements, with their timestamps in event time. */
  readonly input: ReadonlyArray<EventRecord | readonly [EventRecord, number]>;
  readonly time: Watermarking;
  readonly keyBy?: (event: EventRecord) => OperatorKey;
  readonly comparator?: EventComparator;
}

/** What the job's select / timeout functions saw, in emission order. */
export interface CepJobResult {
  readonly matches: Match[];
  readonly timedOut: Match[];
}

/** Runs one CEP job to completion (see the module comment). */
export function runJob(job: CepJob): CepJobResult {
  const graph = job.pattern.build();
  const matches: Match[] = [];
  const timedOut: Match[] = [];
  const processingTime = job.time === "processing-time";
  const operator = new CepOperator({
    rules: [{ nfa: compileForTest(graph, SUB_EVENT_BINDINGS), timerDelays: timerDelaysOf(graph) }],
    timeCharacteristic: processingTime ? "processingTime" : "eventTime",
    ...(job.comparator === undefined ? {} : { comparator: job.comparator }),
    output: (record) => {
      if (record.type === "match") matches.push(record.match);
      else if (record.type === "timeout") timedOut.push(record.match);
    },
  });
  const keyOf = job.keyBy ?? (() => null);
  const bounded =
    typeof job.time === "object" && "boundedOutOfOrderness" in job.time
      ? new BoundedOutOfOrdernessWatermarks(job.time.boundedOutOfOrderness)
      : null;
  job.input.forEach((element, position) => {
    const [event, timestamp] = Array.isArray(element)
      ? (element as readonly [EventRecord, number])
      : [element as EventRecord, position];
    if (processingTime) {
      operator.setProcessingTime(position);
      operator.processElement(event, keyOf(event));
      return;
    }
    operator.processElement(event, keyOf(event), timestamp);
    if (bounded !== null) {
      bounded.onEvent(timestamp);
      operator.processWatermark(bounded.onPeriodicEmit());
    } else if (typeof job.time === "object" && "punctuatedLag" in job.time) {
      operator.processWatermark(timestamp - job.time.punctuatedLag);
    }
  });
  if (!processingTime) operator.processWatermark(Number.POSITIVE_INFINITY);
  return { matches, timedOut };
}

/** `pattern.get(stage).get(0)` (or, in the historic single-event API, `pattern.get(stage)`). */
export function first(match: Match, stage: string): EventRecord {
  const event = match.get(stage)?.[0];
  if (event === undefined) throw new Error(`no event for stage ${stage}`);
  return event;
}

/** The ids of every event of the given stages, joined by commas, as the jobs' select functions print them. */
export function ids(match: Match, ...stages: string[]): string {
  return stages.map((stage) => String(first(match, stage).id)).join(",");
}

/** Java's `Double.toString` for the prices used in these jobs (`1.0`, `2.5`). */
export function javaDouble(value: unknown): string {
  const n = value as number;
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/** A sorted copy: Flink's `compareResultsByLinesInMemory` ignores line order. */
export function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

/** `keyBy(Event::getId)`. */
export const byId = (event: EventRecord): OperatorKey => String(event.id);
