/**
 * The UI benchmark's probe, bundled by esbuild and injected into the app's page before the app
 * starts (Playwright's init script, so the app's Content-Security-Policy still holds for the
 * app itself). It watches the main thread the way a user's input meets it:
 *
 * - input events (pointer moves and keys the driver dispatches through the browser's input
 *   pipeline): from each event's timestamp to its handler, and to the end of the next frame's
 *   main-thread work;
 * - a timer every 16 ms: how late each tick ran (any stretch the thread was busy);
 * - long tasks and Event Timing entries, as the browser itself reports them;
 * - for the Timeline: the gaps between animation frames and how often the canvas was redrawn.
 */
import {
  PROBE_GLOBAL,
  type FrameProbeResult,
  type LoadProbeResult,
  type LoadWatch,
  type TimedEvent,
  type UiProbeApi,
} from "./uiProbeApi.ts";

/** The parts of the page's DOM used here (bench code is typed without DOM libs). */
interface ProbeElement {
  readonly textContent: string | null;
}
interface ProbeCanvas {
  getContext(kind: "2d"): { clearRect(x: number, y: number, w: number, h: number): void } | null;
}
interface ProbeEvent {
  readonly timeStamp: number;
}
interface PerformanceEntryLike {
  readonly name: string;
  readonly duration: number;
}
interface ObserverLike {
  observe(options: { type: string; buffered?: boolean; durationThreshold?: number }): void;
  disconnect(): void;
}
interface ProbeScope {
  requestAnimationFrame(callback: (time: number) => void): number;
  addEventListener(type: string, listener: (event: ProbeEvent) => void, options: { capture: boolean }): void;
  removeEventListener(
    type: string,
    listener: (event: ProbeEvent) => void,
    options: { capture: boolean },
  ): void;
  document: { querySelector(selector: string): ProbeElement | null };
  MessageChannel: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(message: null): void };
  };
  PerformanceObserver: new (
    callback: (list: { getEntries(): readonly PerformanceEntryLike[] }) => void,
  ) => ObserverLike;
  [PROBE_GLOBAL]?: UiProbeApi;
}

const scope = globalThis as unknown as ProbeScope;

const TICK_MS = 16;
const LOAD_PROGRESS = '[data-testid="sim.loadProgress"]';
const POSITION = '[data-testid="sim.position"]';
const DOCK_ALERT = '[data-testid="sim.dock"] [role="alert"]';

/** Records the entries of one performance entry type while alive. */
function observeEntries(
  type: string,
  record: (entry: PerformanceEntryLike) => void,
  durationThreshold?: number,
): ObserverLike | null {
  try {
    const observer = new scope.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record(entry);
    });
    observer.observe(durationThreshold === undefined ? { type } : { type, durationThreshold });
    return observer;
  } catch {
    // This browser does not report that entry type: its samples stay empty.
    return null;
  }
}

/** Input events from their timestamp to their handler and to the next frame. */
class InputWatch {
  readonly delays: number[] = [];
  readonly toFrame: number[] = [];
  private readonly types: readonly string[];

  constructor(types: readonly string[]) {
    this.types = types;
    for (const type of types) scope.addEventListener(type, this.onInput, { capture: true });
  }

  stop(): void {
    for (const type of this.types) scope.removeEventListener(type, this.onInput, { capture: true });
  }

  private readonly onInput = (event: ProbeEvent): void => {
    const at = event.timeStamp;
    this.delays.push(performance.now() - at);
    // The next frame's callbacks, then a task right after them: by then the main thread has
    // also done that frame's style, layout and paint (the usual "next paint" probe).
    scope.requestAnimationFrame(() => {
      const channel = new scope.MessageChannel();
      channel.port1.onmessage = () => {
        this.toFrame.push(performance.now() - at);
      };
      channel.port2.postMessage(null);
    });
  };
}

class LoadProbe {
  private readonly startedAt = performance.now();
  private readonly inputs = new InputWatch(["pointermove", "keydown"]);
  private readonly tickLate: number[] = [];
  private readonly longTasks: number[] = [];
  private readonly eventTiming: TimedEvent[] = [];
  private readonly observers: (ObserverLike | null)[];
  private lastTick = performance.now();
  private running = true;
  private progressSeen = false;
  doneAt: number | null = null;
  failure: string | null = null;

  /** `watch` null: samples only (the baseline before a load), never done. */
  constructor(private readonly watch: LoadWatch | null) {
    this.observers = [
      observeEntries("longtask", (entry) => this.longTasks.push(entry.duration)),
      observeEntries(
        "event",
        (entry) => this.eventTiming.push({ name: entry.name, durationMs: entry.duration }),
        16,
      ),
    ];
    setTimeout(this.tick, TICK_MS);
  }

  stop(): LoadProbeResult {
    this.running = false;
    this.inputs.stop();
    for (const observer of this.observers) observer?.disconnect();
    const end = this.doneAt ?? performance.now();
    return {
      done: this.doneAt !== null,
      elapsedMs: end - this.startedAt,
      progressSeen: this.progressSeen,
      positionText: scope.document.querySelector(POSITION)?.textContent ?? null,
      failure: this.failure,
      inputToFrameMs: this.inputs.toFrame,
      inputDelayMs: this.inputs.delays,
      tickLateMs: this.tickLate,
      longTasksMs: this.longTasks,
      eventTiming: this.eventTiming,
    };
  }

  private readonly tick = (): void => {
    if (!this.running) return;
    const now = performance.now();
    this.tickLate.push(Math.max(0, now - this.lastTick - TICK_MS));
    this.lastTick = now;
    if (this.doneAt === null && this.watch !== null) this.check(now, this.watch);
    setTimeout(this.tick, TICK_MS);
  };

  /** The load is over when the progress bar is gone and the readout counts the whole file. */
  private check(now: number, watch: LoadWatch): void {
    const { document } = scope;
    const alert = document.querySelector(DOCK_ALERT);
    if (alert !== null) this.failure = alert.textContent;
    if (document.querySelector(LOAD_PROGRESS) !== null) {
      this.progressSeen = true;
      return;
    }
    if (document.querySelector(POSITION)?.textContent === watch.expectedPosition) this.doneAt = now;
  }
}

class FrameProbe {
  private readonly startedAt = performance.now();
  private readonly intervals: number[] = [];
  private readonly longTasks: number[] = [];
  private readonly observer = observeEntries("longtask", (entry) => this.longTasks.push(entry.duration));
  private readonly inputs = new InputWatch(["wheel", "pointermove"]);
  private last: number | null = null;
  private running = true;
  redraws = 0;

  constructor(canvasTestId: string) {
    const canvas = scope.document.querySelector(`[data-testid="${canvasTestId}"]`) as ProbeCanvas | null;
    const context = canvas?.getContext("2d") ?? null;
    if (context === null) throw new Error(`no canvas ${canvasTestId} with a 2d context`);
    // The app clears the whole canvas once per drawing (drawTimeline): count those calls.
    const clear = context.clearRect.bind(context);
    context.clearRect = (x, y, w, h) => {
      if (this.running) this.redraws++;
      clear(x, y, w, h);
    };
    scope.requestAnimationFrame(this.frame);
  }

  stop(): FrameProbeResult {
    this.running = false;
    this.observer?.disconnect();
    this.inputs.stop();
    return {
      elapsedMs: performance.now() - this.startedAt,
      frameIntervalsMs: this.intervals,
      redraws: this.redraws,
      inputs: this.inputs.delays.length,
      longTasksMs: this.longTasks,
    };
  }

  private readonly frame = (time: number): void => {
    if (!this.running) return;
    if (this.last !== null) this.intervals.push(time - this.last);
    this.last = time;
    scope.requestAnimationFrame(this.frame);
  };
}

let load: LoadProbe | null = null;
let frames: FrameProbe | null = null;

const api: UiProbeApi = {
  startLoad(watch) {
    load = new LoadProbe(watch);
  },
  loadState() {
    return { done: load?.doneAt != null, failure: load?.failure ?? null };
  },
  stopLoad() {
    if (load === null) throw new Error("startLoad was not called");
    const result = load.stop();
    load = null;
    return result;
  },
  startFrames(canvasTestId) {
    frames = new FrameProbe(canvasTestId);
  },
  stopFrames() {
    if (frames === null) throw new Error("startFrames was not called");
    const result = frames.stop();
    frames = null;
    return result;
  },
};

scope[PROBE_GLOBAL] = api;
