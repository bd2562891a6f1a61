/**
 * A {@link WorkerHost} behind a fake message port for the worker protocol tests: requests go into
 * the host's handler as structured clones, responses come back as clones, timers and the clock
 * are simulated.
 */
import {
  scenarioCsv,
  scenarioRuleJson,
  SEED_CONFIG,
  seedBindings,
} from "../../session/testing/sessionTestSupport.ts";
import type { WorkerCommand, WorkerResponse } from "../protocol.ts";
import { WorkerHost } from "../workerHost.ts";

/** A host behind a fake message port, with a manual clock and timer queue. */
export function fakeWorker() {
  const posted: WorkerResponse[] = [];
  /** The clock when each message was posted. */
  const postedAt: number[] = [];
  const timers: { at: number; callback: () => void }[] = [];
  let now = 0;
  const host = new WorkerHost({
    post: (message) => {
      posted.push(structuredClone(message));
      postedAt.push(now);
    },
    now: () => now,
    createDecoder: () => new TextDecoder(),
    schedule: (callback, delayMs) => timers.push({ at: now + delayMs, callback }),
  });
  let nextId = 1;
  return {
    posted,
    postedAt,
    /** Sends a command; returns its id. */
    send(command: WorkerCommand): number {
      const id = nextId++;
      host.handle(structuredClone({ ...command, id }));
      return id;
    },
    /** The response to request `id`. */
    reply(id: number): WorkerResponse {
      const found = posted.find((m) => m.replyTo === id);
      if (found === undefined) throw new Error(`no reply to ${id}`);
      return found;
    },
    /** Runs timers (advancing the clock `stepMs` per slice) until none is left. */
    runTimers(stepMs = 5, limit = 1000): number {
      let slices = 0;
      while (timers.length > 0 && slices < limit) {
        const timer = timers.shift();
        now = Math.max(now, timer?.at ?? now) + stepMs;
        timer?.callback();
        slices++;
      }
      return slices;
    },
  };
}

/** Configures the seed settings, loads seed scenario `n`'s CSV in text chunks, then its rule. */
export function loadScenario(worker: ReturnType<typeof fakeWorker>, n: number, chunkSize = 40): void {
  worker.send({ type: "configure", config: SEED_CONFIG });
  worker.send({ type: "beginEvents", fileName: `scenario${n}.events.csv` });
  const text = scenarioCsv(n);
  for (let i = 0; i < text.length; i += chunkSize)
    worker.send({ type: "eventsChunk", text: text.slice(i, i + chunkSize) });
  worker.send({ type: "endEvents" });
  worker.send({ type: "loadRules", rules: scenarioRuleJson(n), bindings: seedBindings() });
}

/** The last summary posted. @throws Error when none was */
export function lastSummary(posted: readonly WorkerResponse[]) {
  const summaries = posted.filter((m) => m.type === "summary");
  const last = summaries.at(-1);
  if (last === undefined) throw new Error("no summary posted");
  return last;
}
