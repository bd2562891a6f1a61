/**
 * One throughput run: a workload's rule compiled and run through the keyed `CepOperator` in event
 * time, with Flink's bounded-out-of-orderness watermark emitted after every event (as the CLI does),
 * and a final +∞ watermark that flushes what is left (as a bounded Flink job ends).
 *
 * Timed: building each event object from the pre-generated columns, `processElement`, the
 * watermark, and the final flush. Not timed: generating the stream, compiling the rule.
 */
import { compilePattern } from "../src/engine/index.ts";
import type { EngineWarning, EventRecord } from "../src/engine/index.ts";
import { BoundedOutOfOrdernessWatermarks, CepOperator, timerDelaysOf } from "../src/engine/operator/index.ts";
import type { OperatorOutput } from "../src/engine/operator/index.ts";
import { collectGarbage, HeapPeak } from "./heap.ts";
import { PartialMatchCounter } from "./partialMatchCounter.ts";
import type { Workload } from "./workloads.ts";

/** Heap samples are taken every this many events (a sample costs about a microsecond). */
const HEAP_SAMPLE_EVERY = 8192;

/** Events in arrival order, built one at a time (`EventColumns`, or a small array in tests). */
export interface EventSource {
  readonly length: number;
  readonly timestamps: ArrayLike<number>;
  event(i: number): EventRecord;
  /** The key (`user_id`) of the i-th event. */
  key(i: number): string;
}

export interface RunSettings {
  readonly workload: Workload;
  readonly columns: EventSource;
  /** Watermark delay (bounded out-of-orderness), ms; 0 = monotonous timestamps. */
  readonly disorderMs: number;
  /** Partial-match cap per key (CompileOptions.maxPartialMatches); engine default when absent. */
  readonly maxPartialMatches?: number;
  /** Read timed-out partial matches whatever the workload says (see `Workload.readsTimeouts`). */
  readonly timeouts?: boolean;
  /** Sees every operator output (tests); the benchmark only counts them. */
  readonly onOutput?: (record: OperatorOutput) => void;
}

/** What one run measured. */
export interface RunMeasurement {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSec: number;
  /** CPU time (user + system) of the timed part: steadier than wall time on a busy machine. */
  readonly cpuSeconds: number;
  readonly cpuEventsPerSec: number;
  readonly matches: number;
  readonly timeouts: number;
  readonly late: number;
  /** Highest number of live partial matches (all keys), see {@link PartialMatchCounter}. */
  readonly partialMatchesPeak: number;
  /** Live partial matches just before the final watermark. */
  readonly partialMatchesBeforeFlush: number;
  /** Keys holding state just before the final watermark. */
  readonly keysBeforeFlush: number;
  /** Heap in use after a full GC before the run (the event columns are in it). */
  readonly baselineHeapBytes: number;
  /** Highest sampled `heapUsed` during the run. */
  readonly peakHeapBytes: number;
  /** Partial-match cap warnings reported (one per key that hit the cap). */
  readonly capWarnings: number;
  readonly firstWarning: string | null;
}

/** Runs `workload` over the columns; see the module comment for what is timed. */
export function runWorkload(settings: RunSettings): RunMeasurement {
  const { workload, columns, disorderMs } = settings;
  let capWarnings = 0;
  let firstWarning: string | null = null;
  const onWarning = (warning: EngineWarning): void => {
    capWarnings++;
    firstWarning ??= warning.message;
  };
  const graph = workload.pattern();
  const counter = new PartialMatchCounter(
    compilePattern(graph, {
      onWarning,
      handleTimeout: settings.timeouts ?? workload.readsTimeouts,
      ...(settings.maxPartialMatches === undefined ? {} : { maxPartialMatches: settings.maxPartialMatches }),
    }),
  );
  let matches = 0;
  let timeouts = 0;
  let late = 0;
  const operator = new CepOperator({
    rules: [{ nfa: counter.nfa, timerDelays: timerDelaysOf(graph) }],
    timeCharacteristic: "eventTime",
    output: (record: OperatorOutput) => {
      settings.onOutput?.(record);
      if (record.type === "match") matches++;
      else if (record.type === "timeout") timeouts++;
      else late++;
    },
  });
  const watermarks = new BoundedOutOfOrdernessWatermarks(disorderMs);

  const baselineHeapBytes = collectGarbage();
  const heap = new HeapPeak();
  const n = columns.length;
  const timestamps = columns.timestamps;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const timestamp = timestamps[i] ?? 0;
    operator.processElement(columns.event(i), columns.key(i), timestamp);
    watermarks.onEvent(timestamp);
    operator.processWatermark(watermarks.onPeriodicEmit());
    if ((i & (HEAP_SAMPLE_EVERY - 1)) === 0) heap.sample();
  }
  heap.sample();
  const partialMatchesBeforeFlush = counter.live;
  const keysBeforeFlush = operator.keyCount;
  operator.processWatermark(Number.POSITIVE_INFINITY);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  heap.sample();

  return {
    events: n,
    seconds,
    eventsPerSec: n / seconds,
    cpuSeconds,
    cpuEventsPerSec: n / cpuSeconds,
    matches,
    timeouts,
    late,
    partialMatchesPeak: counter.peak,
    partialMatchesBeforeFlush,
    keysBeforeFlush,
    baselineHeapBytes,
    peakHeapBytes: heap.peak,
    capWarnings,
    firstWarning,
  };
}
