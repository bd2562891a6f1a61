/**
 * The browser benchmark's workload, shared by the Web Worker and the Node counterpart so both
 * run exactly the same code: a generated Clickstream loaded as a ready event list into a
 * `WorkerHost` (the app's worker logic), the workload's rule sent as dynamic-CEP JSON, keyed by
 * `user_id` in event time (bounded out-of-orderness, final +∞ watermark), then `play` at full
 * speed until the run is finished.
 *
 * Timed: from the `play` request to the `finished` summary — the host's play slices, its
 * checkpoints and the summaries it posts. Not timed: generating the stream, building the event
 * objects, compiling the rule.
 */
import { exportRule } from "../../src/formats/dynamicCep/index.ts";
import type { RunConfig } from "../../src/runtime/session/index.ts";
import type { WorkerResponse } from "../../src/runtime/worker/protocol.ts";
import { WorkerHost } from "../../src/runtime/worker/workerHost.ts";
import { EventColumns } from "../eventColumns.ts";
import { KEY_FIELD, TIME_FIELD, workloadById, type WorkloadId } from "../workloads.ts";

/** What to run. */
export interface HostRunSettings {
  readonly workload: WorkloadId;
  readonly events: number;
  readonly keys: number;
  readonly seed: number;
  /** Events per second of event time. */
  readonly rate: number;
  /** Generated disorder and watermark delay, ms. */
  readonly disorderMs: number;
}

/** What one run through the host measured. */
export interface HostRunResult {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSec: number;
  readonly matches: number;
  readonly timeouts: number;
  /** Summaries the host posted while playing (what the UI thread receives). */
  readonly summaries: number;
  readonly generateSeconds: number;
}

/** A prepared run: the host is loaded and configured; `play` starts the timed part. */
export interface PreparedHostRun {
  /** Plays to the end; `forward` sees every message the host posts (the worker passes them on). */
  play(forward?: (message: WorkerResponse) => void): Promise<HostRunResult>;
}

/** Generates the stream and loads it, the rule and the run's settings into a fresh host. */
export function prepareHostRun(settings: HostRunSettings): PreparedHostRun {
  const generateStart = performance.now();
  const columns = new EventColumns({
    seed: settings.seed,
    users: settings.keys,
    events: settings.events,
    eventsPerSecond: settings.rate,
    maxOutOfOrdernessMs: settings.disorderMs,
  });
  const events = Array.from({ length: columns.length }, (_, i) => columns.event(i));
  const generateSeconds = (performance.now() - generateStart) / 1000;

  let listener: (message: WorkerResponse) => void = () => undefined;
  const host = new WorkerHost({
    post: (message) => {
      listener(message);
    },
    now: () => performance.now(),
    schedule: (callback, delayMs) => {
      setTimeout(callback, delayMs);
    },
  });
  const failures: string[] = [];
  listener = (message) => {
    if (message.type === "error") failures.push(message.message);
  };
  let id = 1;
  const pattern = workloadById(settings.workload).pattern();
  const rules = exportRule({ id: settings.workload, version: 1, pattern, function: null });
  host.handle({ id: id++, type: "loadRules", rules });
  const config: RunConfig = {
    key: KEY_FIELD,
    time: {
      field: TIME_FIELD,
      watermarks: { type: "bounded", delay: settings.disorderMs },
      finalWatermark: true,
    },
    clock: null,
    parallelism: 1,
  };
  host.handle({ id: id++, type: "configure", config });
  host.handle({ id: id++, type: "loadEventList", events });
  if (failures.length > 0) throw new Error(`the host refused the run: ${failures.join("; ")}`);

  return {
    play: (forward) =>
      new Promise((resolve, reject) => {
        let summaries = 0;
        const playId = id++;
        let start = 0;
        listener = (message) => {
          forward?.(message);
          if (message.type === "error") {
            reject(new Error(message.message));
            return;
          }
          if (message.type !== "summary") return;
          if (message.replyTo === null) summaries++;
          const { summary } = message;
          if (summary.error !== null) {
            reject(new Error(`the run failed: ${JSON.stringify(summary.error)}`));
            return;
          }
          if (summary.state !== "finished" || message.replyTo === playId) return;
          const seconds = (performance.now() - start) / 1000;
          resolve({
            events: columns.length,
            seconds,
            eventsPerSec: columns.length / seconds,
            matches: summary.counts.matches,
            timeouts: summary.counts.timeouts,
            summaries,
            generateSeconds,
          });
        };
        start = performance.now();
        host.handle({ id: playId, type: "play" });
      }),
  };
}
