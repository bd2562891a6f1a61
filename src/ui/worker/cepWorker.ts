/**
 * The CEP worker's entry: the thin shell that wires the worker global to the pure
 * {@link WorkerHost} (`src/runtime/worker`), which owns the run. It lives in the app's sources
 * because the worker global's timers and clock are browser APIs.
 */
import type { WorkerRequest, WorkerResponse } from "../../runtime/worker/protocol.ts";
import { WorkerHost } from "../../runtime/worker/workerHost.ts";

/** The parts of the dedicated worker global used here (the app is typed with DOM, not WebWorker, libs). */
interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: "message", listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

const host = new WorkerHost({
  post: (message) => {
    scope.postMessage(message);
  },
  now: () => performance.now(),
  createDecoder: () => new TextDecoder(),
  schedule: (callback, delayMs) => {
    setTimeout(callback, delayMs);
  },
});

scope.addEventListener("message", (event) => {
  host.handle(event.data);
});
