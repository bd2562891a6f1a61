/**
 * Heap measurement for the benchmark: a forced full GC (needs `node --expose-gc`, which
 * `npm run bench` passes) and a peak tracker fed by periodic `process.memoryUsage().heapUsed`
 * samples. Without `--expose-gc` (vitest), `collectGarbage` does nothing and heap figures are
 * rough.
 */

/** Whether `global.gc` is available. */
export function canCollectGarbage(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === "function";
}

/** A full, synchronous GC (twice, so objects freed by finalisation go too); then the heap in use. */
export function collectGarbage(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** Tracks the highest `heapUsed` seen by `sample()`. */
export class HeapPeak {
  peak: number;

  constructor() {
    this.peak = process.memoryUsage().heapUsed;
  }

  sample(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peak) this.peak = used;
  }
}

/** Bytes → MiB with one decimal. */
export function toMiB(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}
