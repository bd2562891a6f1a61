/**
 * The real app for the UI benchmark: `vite build` into a cache folder of its own (so the bench
 * never overwrites the `dist/` the end-to-end tests serve) and `vite preview` of that folder on
 * 127.0.0.1, on a free port — the same build and server the end-to-end tests use.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

/** A running `vite preview`. */
export interface AppServer {
  readonly url: string;
  close(): void;
}

/** Longest the preview server may take to answer. */
const START_TIMEOUT_MS = 60_000;

function viteBin(root: string): string {
  return `${root}/node_modules/vite/bin/vite.js`;
}

/** Builds the app into `outDir` (vite does not typecheck; `npm test` does). */
export function buildApp(root: string, outDir: string): void {
  const result = spawnSync(process.execPath, [viteBin(root), "build", "--outDir", outDir, "--emptyOutDir"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // Its chunk-size and timing notes would bury the results: shown only when the build fails.
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`vite build failed (exit ${String(result.status)})`);
  }
}

/** Serves `outDir` with `vite preview` on a free port of 127.0.0.1; resolves once it answers. */
export async function previewApp(root: string, outDir: string): Promise<AppServer> {
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`no build in ${outDir}: run without --no-build`);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      viteBin(root),
      "preview",
      "--outDir",
      outDir,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--strictPort",
    ],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${String(port)}/`;
  try {
    await waitForServer(url, child);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url,
    close: () => {
      child.kill();
    },
  };
}

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${String(child.exitCode)})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer on ${url} within ${String(START_TIMEOUT_MS / 1000)} s`);
}
