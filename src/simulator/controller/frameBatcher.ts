/**
 * Coalesces values that arrive faster than the screen draws: only the latest one is applied,
 * once per animation frame (the worker posts summaries every ~50 ms while playing, and also
 * answers every control request with one).
 */

/** Runs `callback` before the next frame; the browser's `requestAnimationFrame` by default. */
export type FrameScheduler = (callback: () => void) => void;

export interface FrameBatcher<T> {
  /** Keeps `value` as the latest; applies it at the next frame. */
  push(value: T): void;
  /** Applies the pending value now, if any (before reading state that must be current). */
  flush(): void;
}

export function createFrameBatcher<T>(apply: (value: T) => void, schedule: FrameScheduler): FrameBatcher<T> {
  let pending: { value: T } | null = null;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === null) return;
    const { value } = pending;
    pending = null;
    apply(value);
  };
  return {
    push(value) {
      pending = { value };
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    },
    flush,
  };
}
