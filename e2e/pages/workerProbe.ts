/**
 * Drives the built app's CEP worker directly (its bundled module from `dist/assets`) inside the
 * page: protocol messages in, responses out, byte chunks transferred — the real worker, real
 * structured cloning and real transfer, without going through the UI.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { WorkerCommand, WorkerResponse } from "../../src/runtime/worker/protocol.ts";

/** The page's `Worker`, as far as the probe uses it (this project is typed without the DOM lib). */
interface PageWorker {
  postMessage(message: unknown, transfer?: unknown[]): void;
  addEventListener(type: "message", listener: (event: { data: { replyTo: number | null } }) => void): void;
}

/** The page's global object: its `Worker` constructor, and what the probe keeps there. */
interface ProbeGlobal {
  Worker: new (url: string, options: { type: "module" }) => PageWorker;
  __cepProbe?: {
    send(command: unknown, bytes: readonly number[] | null): Promise<unknown>;
  };
}

/** The bundled worker's URL path (`/assets/cepWorker-HASH.js`). */
function workerAssetPath(): string {
  const assets = path.resolve(import.meta.dirname, "../../dist/assets");
  const file = readdirSync(assets).find((name) => /^cepWorker-[\w-]+\.js$/.test(name));
  if (file === undefined) throw new Error(`no cepWorker bundle in ${assets}: build the app first`);
  return `/assets/${file}`;
}

export class WorkerProbe {
  private constructor(private readonly page: Page) {}

  /** Opens the app's origin and starts a worker from the bundled module. */
  static async start(page: Page): Promise<WorkerProbe> {
    await page.goto("/");
    await page.evaluate((url) => {
      const scope = globalThis as unknown as ProbeGlobal;
      const worker = new scope.Worker(url, { type: "module" });
      const pending = new Map<number, (response: unknown) => void>();
      let nextId = 1;
      worker.addEventListener("message", (event) => {
        const { replyTo } = event.data;
        if (replyTo !== null) pending.get(replyTo)?.(event.data);
        if (replyTo !== null) pending.delete(replyTo);
      });
      scope.__cepProbe = {
        send(command, bytes) {
          const id = nextId++;
          return new Promise((resolve) => {
            pending.set(id, resolve);
            if (bytes === null) {
              worker.postMessage({ ...(command as object), id });
              return;
            }
            const buffer = Uint8Array.from(bytes).buffer;
            worker.postMessage({ ...(command as object), bytes: buffer, id }, [buffer]);
            // Transferred: the page's buffer is detached now.
            if (buffer.byteLength !== 0) throw new Error("the chunk was copied, not transferred");
          });
        },
      };
    }, workerAssetPath());
    return new WorkerProbe(page);
  }

  /** Sends a command and waits for its response. */
  async send(command: WorkerCommand): Promise<WorkerResponse> {
    return (await this.page.evaluate(
      ([c]) => (globalThis as unknown as ProbeGlobal).__cepProbe?.send(c, null),
      [command] as const,
    )) as WorkerResponse;
  }

  /** Sends `bytes` as one transferred `eventsChunk`. */
  async sendBytes(bytes: Uint8Array): Promise<WorkerResponse> {
    return (await this.page.evaluate(
      ([b]) => (globalThis as unknown as ProbeGlobal).__cepProbe?.send({ type: "eventsChunk" }, b),
      [[...bytes]] as const,
    )) as WorkerResponse;
  }
}
