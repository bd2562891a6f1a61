/**
 * Port of Apache Flink CEP's `CepProcessFunctionContextTest`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/operator/CepProcessFunctionContextTest.java),
 * method by method: what `PatternProcessFunction.Context` shows for matches and timed-out partial
 * matches, in event and in processing time.
 *
 * How the Java reads here:
 * - Flink's test function renders each match as `"<ctx value>:<name of stage 1>:<name of stage 2>…"`
 *   (`AccessContextWithNames`). Our operator has no user function: a match (or timeout) carries
 *   the timestamp `CepOperator` passes to `Context.timestamp()`, and `Context.currentProcessingTime()`
 *   is the operator's processing-time clock when the output is emitted. {@link ContextHarness}
 *   renders outputs the same way right after each harness call that emitted them.
 * - `NFAForwardingFactory` is `Pattern.begin("1")` (no condition); `NFATimingOutFactory` is
 *   `begin("1").next("2").within(10 ms)`. Timed-out partial matches go to the harness's
 *   timed-out output, Flink's `timedOut` side output.
 * - `event().withName(n).withTimestamp(t)` → `ev(0, n, 0)` fed at `t`; all such events have id 0,
 *   so they share one key, as in Flink.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { EventRecord, Match } from "../api.ts";
import { CepOperatorTestHarness } from "../operator/testing/cepOperatorTestHarness.ts";
import { ev } from "../testing/nfaTestHarness.ts";

const PROCESSING_TIME = true;
const EVENT_TIME = false;

/** What a test reads from the context: `ctx.timestamp()` or `ctx.currentProcessingTime()`. */
type ContextAccessor = (ctx: { timestamp: number; currentProcessingTime: number }) => number;

const timestampOf: ContextAccessor = (ctx) => ctx.timestamp;
const currentProcessingTimeOf: ContextAccessor = (ctx) => ctx.currentProcessingTime;

/** A rendered match or a forwarded watermark, as `assertOutput(...)` checks them. */
type Rendered = string | { readonly watermark: number };

/** `event().withName(name).build()`. */
function event(name: string): EventRecord {
  return ev(0, name, 0.0);
}

/** `NFAForwardingFactory`: one state accepting any element. */
function forwarding(): PatternBuilder {
  return PatternBuilder.begin("1");
}

/** `NFATimingOutFactory`: two states accepting any element, timing out after 10 ms. */
function timingOut(): PatternBuilder {
  return PatternBuilder.begin("1").next("2").within(10);
}

/** `createCepOperator(processFunction, nfaFactory, isProcessingTime)` inside the test harness. */
class ContextHarness {
  readonly output: Rendered[] = [];
  readonly timedOut: string[] = [];
  private readonly harness: CepOperatorTestHarness;
  private seenOutput = 0;
  private seenTimedOut = 0;

  constructor(
    pattern: PatternBuilder,
    isProcessingTime: boolean,
    private readonly stateCount: number,
    private readonly accessor: ContextAccessor,
  ) {
    this.harness = new CepOperatorTestHarness(pattern, { processingTime: isProcessingTime });
  }

  processElement(event: EventRecord, timestamp = 0): void {
    this.harness.processElement(event, timestamp);
    this.render();
  }

  processWatermark(timestamp: number): void {
    this.harness.processWatermark(timestamp);
    this.render();
  }

  setProcessingTime(time: number): void {
    this.harness.setProcessingTime(time);
    this.render();
  }

  /** Renders what the last call emitted, with the context it was emitted in. */
  private render(): void {
    const currentProcessingTime = this.harness.operator.currentProcessingTime;
    for (const record of this.harness.output.slice(this.seenOutput)) {
      this.output.push(
        record.type === "watermark"
          ? { watermark: record.timestamp }
          : this.extractResult(record.match, { timestamp: record.timestamp, currentProcessingTime }),
      );
    }
    this.seenOutput = this.harness.output.length;
    for (const record of this.harness.timedOut.slice(this.seenTimedOut)) {
      this.timedOut.push(
        this.extractResult(record.match, { timestamp: record.timestamp, currentProcessingTime }),
      );
    }
    this.seenTimedOut = this.harness.timedOut.length;
  }

  /** `AccessContextWithNames.extractResult`. */
  private extractResult(match: Match, ctx: { timestamp: number; currentProcessingTime: number }): string {
    let result = String(this.accessor(ctx));
    for (let i = 1; i <= this.stateCount; i++) {
      const events = match.get(String(i));
      if (events?.[0] !== undefined) result += `:${String(events[0].name)}`;
    }
    return result;
  }
}

describe("CepProcessFunctionContextTest", () => {
  it("testTimestampPassingInEventTime", () => {
    const harness = new ContextHarness(forwarding(), EVENT_TIME, 1, timestampOf);

    // events out of order to test if internal sorting does not mess up the timestamps
    harness.processElement(event("A"), 5);
    harness.processElement(event("B"), 3);

    harness.processWatermark(6);

    expect(harness.output).toEqual(["3:B", "5:A", { watermark: 6 }]);
  });

  it("testTimestampPassingInProcessingTime", () => {
    const harness = new ContextHarness(forwarding(), PROCESSING_TIME, 1, timestampOf);

    harness.setProcessingTime(1);
    harness.processElement(event("A"), 5);
    harness.setProcessingTime(2);
    harness.processElement(event("B"), 3);
    harness.setProcessingTime(3);

    expect(harness.output).toEqual(["1:A", "2:B"]);
  });

  it("testCurrentProcessingTimeInProcessingTime", () => {
    const harness = new ContextHarness(forwarding(), PROCESSING_TIME, 1, currentProcessingTimeOf);

    harness.setProcessingTime(15);
    harness.processElement(event("A"));
    harness.setProcessingTime(35);
    harness.processElement(event("B"));

    expect(harness.output).toEqual(["15:A", "35:B"]);
  });

  it("testCurrentProcessingTimeInEventTime", () => {
    const harness = new ContextHarness(forwarding(), EVENT_TIME, 1, currentProcessingTimeOf);

    harness.setProcessingTime(10);
    harness.processElement(event("A"), 5);
    harness.setProcessingTime(100);
    harness.processWatermark(6);

    expect(harness.output).toEqual(["100:A", { watermark: 6 }]);
  });

  it("testTimestampPassingForTimedOutInEventTime", () => {
    const harness = new ContextHarness(timingOut(), EVENT_TIME, 2, timestampOf);

    // events out of order to test if internal sorting does not mess up the timestamps
    harness.processElement(event("A"), 5);
    harness.processElement(event("C"), 20);
    harness.processElement(event("B"), 3);

    harness.processWatermark(22);

    expect(harness.output).toEqual(["5:B:A", { watermark: 22 }]);
    expect(harness.timedOut).toEqual(["15:A"]);
  });

  it("testTimestampPassingForTimedOutInProcessingTime", () => {
    const harness = new ContextHarness(timingOut(), PROCESSING_TIME, 2, timestampOf);

    harness.setProcessingTime(3);
    harness.processElement(event("A"), 3);
    harness.setProcessingTime(5);
    harness.processElement(event("C"), 5);
    harness.setProcessingTime(20);
    harness.processElement(event("B"), 20);

    expect(harness.output).toEqual(["5:A:C"]);
    expect(harness.timedOut).toEqual(["15:C"]);
  });

  it("testCurrentProcessingTimeForTimedOutInEventTime", () => {
    const harness = new ContextHarness(timingOut(), EVENT_TIME, 2, currentProcessingTimeOf);

    // events out of order to test if internal sorting does not mess up the timestamps
    harness.processElement(event("A"), 5);
    harness.processElement(event("B"), 20);
    harness.processElement(event("C"), 3);

    harness.setProcessingTime(100);
    harness.processWatermark(22);

    expect(harness.output).toEqual(["100:C:A", { watermark: 22 }]);
    expect(harness.timedOut).toEqual(["100:A"]);
  });

  it("testCurrentProcessingTimeForTimedOutInProcessingTime", () => {
    const harness = new ContextHarness(timingOut(), PROCESSING_TIME, 2, currentProcessingTimeOf);

    harness.setProcessingTime(3);
    harness.processElement(event("A"));
    harness.setProcessingTime(5);
    harness.processElement(event("B"));
    harness.setProcessingTime(20);
    harness.processElement(event("C"));

    expect(harness.output).toEqual(["5:A:B"]);
    // right now we time out only on next event in processing time, therefore the 20
    expect(harness.timedOut).toEqual(["20:B"]);
  });
});
