/**
 * A worker query that follows the run: asked again whenever `trigger` changes (a new summary,
 * another key), never more than one at a time and at most once per `minIntervalMs` — a run
 * playing at full speed posts a summary every frame, and a query per frame would flood the
 * worker. The newest answer (or the error) is kept until the next one arrives.
 */
import { useEffect, useRef, useState } from "react";

export interface LiveQuery<T> {
  readonly value: T | null;
  readonly error: string | null;
}

/** See the module comment. `query` null: nothing to ask (the value is cleared). */
export function useLiveQuery<T>(
  query: (() => Promise<T>) | null,
  trigger: unknown,
  minIntervalMs = 250,
): LiveQuery<T> {
  const [state, setState] = useState<LiveQuery<T>>({ value: null, error: null });
  const busy = useRef(false);
  const pending = useRef<(() => Promise<T>) | null>(null);
  const lastAsked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    pending.current = query;
    const ask = () => {
      const next = pending.current;
      if (busy.current || next === null || !alive.current) return;
      const wait = lastAsked.current + minIntervalMs - performance.now();
      if (wait > 0) {
        timer.current ??= setTimeout(() => {
          timer.current = null;
          ask();
        }, wait);
        return;
      }
      busy.current = true;
      pending.current = null;
      lastAsked.current = performance.now();
      next()
        .then(
          (value) => {
            if (alive.current) setState({ value, error: null });
          },
          (error: unknown) => {
            if (alive.current)
              setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
          },
        )
        .finally(() => {
          busy.current = false;
          ask();
        });
    };
    ask();
  }, [query, trigger, minIntervalMs]);

  // A cleared query shows nothing, whatever answer is still on its way.
  if (query === null) return { value: null, error: null };
  return { value: state.value, error: state.error };
}
