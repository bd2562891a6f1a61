import { WorkerRequestError } from "../../ui/worker/workerClient.ts";
import type { RunFailure } from "../simulationStore.ts";

/** A failure for the store from anything a request rejected with (`context`: what was being done). */
export function failureOf(context: string, error: unknown): RunFailure {
  if (error instanceof WorkerRequestError)
    return { context, message: error.message, problems: error.problems, crashed: false };
  return {
    context,
    message: error instanceof Error ? error.message : String(error),
    problems: [],
    crashed: false,
  };
}
