/**
 * The app's side of the CEP worker: typed requests answered by promises (correlated by id),
 * every summary handed to a listener, and {@link WorkerClient.restart} to replace a stuck or
 * crashed worker — only the worker goes, the designer's document lives on the UI thread.
 */
import type { RunSummary } from "../../runtime/session/index.ts";
import type { SourceProgress } from "../../runtime/sources/index.ts";
import type {
  ResponseTo,
  WorkerCommand,
  WorkerRequest,
  WorkerResponse,
} from "../../runtime/worker/protocol.ts";

/** A request the worker could not carry out, with every problem it named. */
export class WorkerRequestError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
    this.name = "WorkerRequestError";
  }
}

/** Bytes per `eventsChunk` when loading a file: big enough to keep the worker busy, small enough to show progress. */
export const FILE_CHUNK_BYTES = 1 << 20;

export interface LoadEventsOptions {
  readonly fileName?: string;
  /** Bytes per chunk; default {@link FILE_CHUNK_BYTES}. */
  readonly chunkBytes?: number;
  /** After each chunk the worker read. */
  readonly onProgress?: (progress: SourceProgress) => void;
}

interface Pending {
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
}

export interface WorkerClientListeners {
  /** Every summary the worker posts (answers to controls, and while playing). */
  readonly onSummary: (summary: RunSummary) => void;
  /** The worker died (an uncaught error or a failed load); restart it to go on. */
  readonly onCrash: (message: string) => void;
}

/** See the module comment. */
export class WorkerClient {
  private worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly listeners: WorkerClientListeners) {
    this.worker = this.spawn();
  }

  /**
   * Sends a command; resolves to its answer, rejects with {@link WorkerRequestError}. Buffers in
   * `transfer` move to the worker (they are empty here afterwards).
   */
  request<C extends WorkerCommand>(
    command: C,
    transfer: readonly Transferable[] = [],
  ): Promise<ResponseTo<C["type"]>> {
    const id = this.nextId++;
    const request: WorkerRequest = { ...command, id };
    return new Promise((resolve, reject) => {
      // The worker answers a command only with its response type (see protocol.ts) or an error.
      this.pending.set(id, { resolve: resolve as (response: WorkerResponse) => void, reject });
      this.worker.postMessage(request, [...transfer]);
    });
  }

  /**
   * Loads an input (a `File`, any `Blob`, or text) as the run's events: its bytes go to the
   * worker in transferred chunks, one at a time (each awaited, so a large file neither sits in
   * memory as one string nor floods the worker), and are decoded there. Resolves to the final
   * progress (events read, bad rows, format).
   */
  async loadEvents(source: Blob | string, options: LoadEventsOptions = {}): Promise<SourceProgress> {
    const blob = typeof source === "string" ? new Blob([source]) : source;
    const fileName = options.fileName ?? (blob instanceof File ? blob.name : undefined);
    const chunkBytes = options.chunkBytes ?? FILE_CHUNK_BYTES;
    await this.request({
      type: "beginEvents",
      ...(fileName === undefined ? {} : { fileName }),
      totalBytes: blob.size,
    });
    for (let offset = 0; offset < blob.size; offset += chunkBytes) {
      const bytes = await blob.slice(offset, offset + chunkBytes).arrayBuffer();
      const { progress } = await this.request({ type: "eventsChunk", bytes }, [bytes]);
      options.onProgress?.(progress);
    }
    const { progress } = await this.request({ type: "endEvents" });
    options.onProgress?.(progress);
    return progress;
  }

  /** Replaces the worker with a fresh one; requests still waiting are rejected. */
  restart(): void {
    this.stop("the worker was restarted");
    this.worker = this.spawn();
  }

  /** Ends the worker for good. */
  dispose(): void {
    this.stop("the worker was stopped");
  }

  private spawn(): Worker {
    const worker = new Worker(new URL("./cepWorker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", (event: MessageEvent<WorkerResponse>) => {
      this.receive(event.data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.listeners.onCrash(event.message || "the worker failed");
    });
    return worker;
  }

  private stop(reason: string): void {
    this.worker.terminate();
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
  }

  private receive(response: WorkerResponse): void {
    if (response.type === "summary") this.listeners.onSummary(response.summary);
    if (response.replyTo === null) {
      if (response.type === "error") this.listeners.onCrash(response.message);
      return;
    }
    const pending = this.pending.get(response.replyTo);
    if (pending === undefined) return;
    this.pending.delete(response.replyTo);
    if (response.type === "error")
      pending.reject(new WorkerRequestError(response.message, response.problems));
    else pending.resolve(response);
  }
}
