/**
 * Bytes per partial match, "beyond the event itself": how much the operator's heap grows per live
 * run. Method (each step after a full GC, `node --expose-gc`):
 * 1. build all start events first and keep them alive in an array for the whole measurement, so
 *    their own size is in every reading and cancels out;
 * 2. warm the code paths up on a throw-away operator;
 * 3. G1 = heap growth while a fresh operator, fed K keys × 1 start event with the watermark just
 *    past them (processed, windows still open), is alive;
 * 4. GR = the same with K keys × R start events.
 * bytesPerPartialMatch = GR / (K·R) (everything the runs cost, per-key state included);
 * bytesPerKey = G1 / K (a key holding one run); bytesPerExtraRun = (GR − G1) / (K·(R − 1)), the
 * marginal cost of one more run in a key that already has state.
 * Start events are the workload's first stage: views (Q1, Q2, Q4) or carts (Q6). Strict contiguity
 * (Q1) lets a key hold one run only (a second view ends the first), so Q1 uses R = 1.
 */
import { compilePattern } from "../src/engine/index.ts";
import { BoundedOutOfOrdernessWatermarks, CepOperator, timerDelaysOf } from "../src/engine/operator/index.ts";
import type { ClickEvent } from "../src/formats/generator/index.ts";
import { canCollectGarbage, collectGarbage } from "./heap.ts";
import { PartialMatchCounter } from "./partialMatchCounter.ts";
import type { Workload } from "./workloads.ts";

export interface PartialMatchMemory {
  /** All-in bytes per live partial match (K keys × R runs), the headline figure. */
  readonly bytesPerPartialMatch: number;
  /** Bytes per key holding one run. */
  readonly bytesPerKey: number;
  /** Marginal bytes per additional run in a key that has state; null when R = 1. */
  readonly bytesPerExtraRun: number | null;
  readonly keys: number;
  readonly runsPerKey: number;
  /** Live runs counted after step 5 (should be K·R). */
  readonly liveRuns: number;
  /** False when `gc` was not exposed: the figures are then rough. */
  readonly exact: boolean;
}

const START_EVENT_TYPE: Readonly<Record<string, ClickEvent["event_type"]>> = { Q6: "cart" };
const STRICT_WORKLOADS = new Set(["Q1"]);

/** Measures a workload's memory per partial match with `keys` keys (default 20 000). */
export function measurePartialMatchMemory(
  workload: Workload,
  keys = 20_000,
  runsPerKey = 5,
): PartialMatchMemory {
  const r = STRICT_WORKLOADS.has(workload.id) ? 1 : runsPerKey;
  const type = START_EVENT_TYPE[workload.id] ?? "view";
  const startTime = Date.UTC(2019, 9, 1);
  // Step 1: every event of both feeds, kept alive until the end.
  const events: ClickEvent[] = [];
  for (let run = 0; run < r; run++) {
    for (let k = 0; k < keys; k++) events.push(startEvent(type, k, run, startTime + run * keys + k));
  }
  const lastTimestamp = startTime + r * keys;

  // Step 2: warm-up on a throw-away operator.
  feed(workload, events.slice(0, Math.min(events.length, 20_000)), lastTimestamp);

  const one = heapGrowth(() => feed(workload, events.slice(0, keys), lastTimestamp));
  const all = heapGrowth(() => feed(workload, events, lastTimestamp));
  return {
    bytesPerPartialMatch: Math.round(all.bytes / (keys * r)),
    bytesPerKey: Math.round(one.bytes / keys),
    bytesPerExtraRun: r > 1 ? Math.round((all.bytes - one.bytes) / (keys * (r - 1))) : null,
    keys,
    runsPerKey: r,
    liveRuns: all.liveRuns,
    exact: canCollectGarbage(),
  };
}

/** Heap growth (after full GCs) while the operator `run` builds is alive, and its live runs. */
function heapGrowth(run: () => Fed): { bytes: number; liveRuns: number } {
  const before = collectGarbage();
  const fed = run();
  const after = collectGarbage();
  // `fed` is read after the second GC, so it cannot be collected before it.
  return { bytes: after - before, liveRuns: fed.counter.live };
}

/** A fresh operator fed `events` (keyed by user), with the watermark just past the last one. */
interface Fed {
  readonly operator: CepOperator;
  readonly counter: PartialMatchCounter;
}

function feed(workload: Workload, events: readonly ClickEvent[], lastTimestamp: number): Fed {
  const graph = workload.pattern();
  const counter = new PartialMatchCounter(compilePattern(graph));
  const operator = new CepOperator({
    rules: [{ nfa: counter.nfa, timerDelays: timerDelaysOf(graph) }],
    timeCharacteristic: "eventTime",
    output: () => undefined,
  });
  const watermarks = new BoundedOutOfOrdernessWatermarks(0);
  for (const event of events) {
    operator.processElement(event, event.user_id, event.event_time);
    watermarks.onEvent(event.event_time);
    operator.processWatermark(watermarks.onPeriodicEmit());
  }
  operator.processWatermark(lastTimestamp);
  return { operator, counter };
}

function startEvent(type: ClickEvent["event_type"], key: number, run: number, timestamp: number): ClickEvent {
  return {
    event_time: timestamp,
    event_type: type,
    product_id: String(1_000_000 + run),
    category_id: "2053013555631882655",
    category_code: "electronics.smartphone",
    brand: "samsung",
    price: 161.83,
    user_id: String(512_000_000 + key),
    user_session: `session-${key}`,
  };
}
