/** The messages between the bench page and its worker (`benchWorker.ts`). */
import type { RunSummary } from "../../src/runtime/session/index.ts";
import type { HostRunResult, HostRunSettings } from "./hostRun.ts";

/** Page → worker. */
export interface StartMessage {
  readonly type: "start";
  readonly settings: HostRunSettings;
}

/** Worker → page. */
export type BenchWorkerMessage =
  /** The stream is generated and loaded: the timed run starts now. */
  | { readonly type: "running" }
  /** A summary the host posted while playing, whole (what the app's UI thread receives). */
  | { readonly type: "summary"; readonly summary: RunSummary }
  | { readonly type: "done"; readonly result: HostRunResult }
  | { readonly type: "failed"; readonly message: string };

/** What the page leaves on `window.benchResult` for the driver. */
export interface PageResult {
  readonly worker: HostRunResult;
  /** Animation frames per second on the page's (UI) thread while the worker ran. */
  readonly fps: number;
  readonly frames: number;
  /** Frames per second with the worker idle, before the run (what the browser gives at most). */
  readonly idleFps: number;
  /** The longest gap between two animation frames during the run, ms. */
  readonly longestFrameMs: number;
  readonly summariesReceived: number;
  /** Events processed according to the last summary received while playing. */
  readonly lastSummaryProcessedEvents: number;
  readonly userAgent: string;
}
