/**
 * The bench page (UI thread): measures the idle frame rate for a moment, starts the worker, counts
 * `requestAnimationFrame` callbacks from the worker's `running` to its `done`, reads every
 * summary the worker forwards (as the app would, to draw it), and leaves a {@link PageResult} on
 * `window.benchResult` (or `window.benchError`) for the driver.
 */
import type { HostRunSettings } from "./hostRun.ts";
import type { BenchWorkerMessage, PageResult, StartMessage } from "./messages.ts";

/** The parts of the page's global used here (bench code is typed without DOM libs). */
interface PageScope {
  requestAnimationFrame(callback: (time: number) => void): number;
  location: { readonly search: string };
  navigator: { readonly userAgent: string };
  benchResult?: PageResult;
  benchError?: string;
}

interface BenchWorker {
  postMessage(message: StartMessage): void;
  addEventListener(type: "message", listener: (event: { readonly data: BenchWorkerMessage }) => void): void;
  addEventListener(type: "error", listener: (event: { readonly message: string }) => void): void;
}

type WorkerConstructor = new (url: string) => BenchWorker;

const scope = globalThis as unknown as PageScope & { Worker: WorkerConstructor };

/** How long the idle frame rate is sampled before the run. */
const IDLE_SAMPLE_MS = 1000;

/** Counts animation frames until stopped. */
class FrameCounter {
  frames = 0;
  longestGapMs = 0;
  private last: number | null = null;
  private running = true;
  readonly startedAt = performance.now();

  constructor() {
    scope.requestAnimationFrame(this.frame);
  }

  /** Stops counting; returns frames per second over the counted time. */
  stop(): number {
    this.running = false;
    return this.frames / ((performance.now() - this.startedAt) / 1000);
  }

  private readonly frame = (time: number): void => {
    if (!this.running) return;
    this.frames++;
    if (this.last !== null) this.longestGapMs = Math.max(this.longestGapMs, time - this.last);
    this.last = time;
    scope.requestAnimationFrame(this.frame);
  };
}

function settingsFromQuery(): HostRunSettings {
  const query = new URLSearchParams(scope.location.search);
  const number = (name: string, fallback: number): number => {
    const value = query.get(name);
    return value === null ? fallback : Number(value);
  };
  return {
    workload: "Q1",
    events: number("events", 500_000),
    keys: number("keys", 100_000),
    seed: number("seed", 46),
    rate: number("rate", 100),
    disorderMs: number("disorder", 0),
  };
}

async function main(): Promise<void> {
  const idle = new FrameCounter();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  const idleFps = idle.stop();

  const worker = new scope.Worker("worker.js");
  let counter: FrameCounter | null = null;
  let summariesReceived = 0;
  let lastProcessed = 0;
  worker.addEventListener("error", (event) => {
    scope.benchError = event.message || "the worker failed";
  });
  worker.addEventListener("message", ({ data }) => {
    switch (data.type) {
      case "running":
        counter = new FrameCounter();
        return;
      case "summary":
        // Read it as the app would before drawing it.
        summariesReceived++;
        lastProcessed = data.summary.position.processedEvents;
        return;
      case "failed":
        scope.benchError = data.message;
        return;
      case "done": {
        if (counter === null) {
          scope.benchError = "the worker finished before it said it was running";
          return;
        }
        const fps = counter.stop();
        scope.benchResult = {
          worker: data.result,
          fps,
          frames: counter.frames,
          idleFps,
          longestFrameMs: counter.longestGapMs,
          summariesReceived,
          lastSummaryProcessedEvents: lastProcessed,
          userAgent: scope.navigator.userAgent,
        };
        return;
      }
    }
  });
  worker.postMessage({ type: "start", settings: settingsFromQuery() });
}

void main();
