/**
 * The bench page's Web Worker: generates the stream, loads it into a `WorkerHost` (the same
 * logic as the app's `cepWorker.ts`), plays it and reports the measurement. Summaries go to the
 * page as the app's worker would post them, so the UI thread receives the real traffic.
 */
import { prepareHostRun } from "./hostRun.ts";
import type { BenchWorkerMessage, StartMessage } from "./messages.ts";

/** The parts of the dedicated worker global used here (bench code is typed without DOM libs). */
interface WorkerScope {
  postMessage(message: BenchWorkerMessage): void;
  addEventListener(type: "message", listener: (event: { readonly data: StartMessage }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener("message", (event) => {
  void run(event.data);
});

async function run(message: StartMessage): Promise<void> {
  try {
    const prepared = prepareHostRun(message.settings);
    scope.postMessage({ type: "running" });
    const result = await prepared.play((response) => {
      if (response.type === "summary" && response.replyTo === null) {
        scope.postMessage({ type: "summary", summary: response.summary });
      }
    });
    scope.postMessage({ type: "done", result });
  } catch (error) {
    scope.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
}
