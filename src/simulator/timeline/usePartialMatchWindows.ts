import { useEffect, useRef, useState } from "react";
import { simulator } from "../controller/simulatorController.ts";
import { useRunPosition, useSimulation } from "../simulationStore.ts";
import type { WindowSpan } from "./drawTimeline.ts";

/** Least time between two refreshes while the run plays. */
const REFRESH_MS = 300;
/** Keys asked about at most (the lanes in view). */
const MAX_KEYS = 60;

/**
 * The live partial matches of the keys in view as window spans: from a run's start to the end
 * of its window (`within`), or to the current time when the pattern has no window. Refreshed as
 * the run moves, at most every {@link REFRESH_MS}.
 */
export function usePartialMatchWindows(keys: readonly string[]): readonly WindowSpan[] {
  const position = useRunPosition();
  const epoch = useSimulation((s) => s.runEpoch);
  const [spans, setSpans] = useState<readonly WindowSpan[]>([]);
  const lastFetch = useRef(0);
  const keyList = keys.slice(0, MAX_KEYS).join("\u0000");

  useEffect(() => {
    let live = true;
    const wanted = keyList === "" ? [] : keyList.split("\u0000");
    const wait = Math.max(0, lastFetch.current + REFRESH_MS - performance.now());
    const timer = setTimeout(() => {
      lastFetch.current = performance.now();
      Promise.all(wanted.map((key) => simulator().partialMatches(key))).then(
        (answers) => {
          if (!live) return;
          const next: WindowSpan[] = [];
          for (const answer of answers) {
            const now = answer.time.now;
            for (const rule of answer.rules) {
              for (const pm of rule.partialMatches) {
                if (pm.completed) continue;
                const to = pm.windowEndsAt ?? now ?? pm.previousTimestamp;
                next.push({ key: answer.key ?? "(no key)", from: pm.startTimestamp, to, stage: pm.stage });
              }
            }
          }
          setSpans(next);
        },
        () => {
          // A refused query (a worker restart) keeps the spans drawn until the next refresh.
        },
      );
    }, wait);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [keyList, position, epoch]);

  return spans;
}
