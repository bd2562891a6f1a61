/**
 * The contract between the UI benchmark's driver (Node) and its probe in the app's page
 * (`uiProbe.ts`, injected before the app starts as `window.__cepBenchProbe`). The probe only
 * records raw samples; the driver turns them into statistics (`uiStats.ts`).
 */

/** What tells the probe that the data tab's load is over. */
export interface LoadWatch {
  /** The simulator's position readout once the worker has read the whole file (`event 0 / 750 000`). */
  readonly expectedPosition: string;
}

/** Raw samples of one load, from `startLoad` to the page showing the whole file read. */
export interface LoadProbeResult {
  /** The page showed the whole file read (else the driver stopped waiting). */
  readonly done: boolean;
  /** From `startLoad` to the first probe tick that saw the load over, ms. */
  readonly elapsedMs: number;
  /** Whether the load progress bar was seen at all. */
  readonly progressSeen: boolean;
  /** The position readout when the probe stopped. */
  readonly positionText: string | null;
  /** An error note the simulator showed, if any. */
  readonly failure: string | null;
  /**
   * Per input event (pointer move, key): from its timestamp until the main thread has run the
   * next frame (its animation callbacks, style, layout and paint), ms.
   */
  readonly inputToFrameMs: readonly number[];
  /** Per input event: from its timestamp to its (capturing) handler on the main thread, ms. */
  readonly inputDelayMs: readonly number[];
  /** How late each 16 ms timer tick ran: the main thread's busy stretches as an input would meet them. */
  readonly tickLateMs: readonly number[];
  /** Long tasks (> 50 ms) the browser reported, their durations, ms. */
  readonly longTasksMs: readonly number[];
  /**
   * Event Timing entries of 16 ms or more (input to next paint, as the browser measures it),
   * with the event's name (`keydown`, `input`, …).
   */
  readonly eventTiming: readonly TimedEvent[];
}

/** One Event Timing entry. */
export interface TimedEvent {
  readonly name: string;
  readonly durationMs: number;
}

/** Raw samples of the frame probe. */
export interface FrameProbeResult {
  readonly elapsedMs: number;
  /** Gaps between consecutive animation frames, ms. */
  readonly frameIntervalsMs: readonly number[];
  /** Times the watched canvas was redrawn (its context cleared). */
  readonly redraws: number;
  /** Wheel and pointer-move events that reached the page. */
  readonly inputs: number;
  readonly longTasksMs: readonly number[];
}

/** `window.__cepBenchProbe`. */
export interface UiProbeApi {
  /** Starts sampling; with a watch, until the load it describes is over (null: a baseline). */
  startLoad(watch: LoadWatch | null): void;
  /** Polled by the driver: is the load over (or failed)? */
  loadState(): { readonly done: boolean; readonly failure: string | null };
  stopLoad(): LoadProbeResult;
  /** Starts counting frames, and the redraws of the canvas with this test id. */
  startFrames(canvasTestId: string): void;
  stopFrames(): FrameProbeResult;
}

/** The global the probe is installed under. */
export const PROBE_GLOBAL = "__cepBenchProbe";
