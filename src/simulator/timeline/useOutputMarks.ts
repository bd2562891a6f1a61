import { useEffect, useRef, useState } from "react";
import { parseEventTime } from "../../formats/events/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { useSimulation } from "../simulationStore.ts";
import { outputMarkOf, type OutputMark } from "./timelineData.ts";

/** The newest matches and timeouts drawn (older ones stay in the tables). */
const MARKS_PER_KIND = 2000;
/** Least time between two fetches while the run plays. */
const REFRESH_MS = 250;

/** The newest matches and timeouts as timeline marks, refreshed as the run produces them. */
export function useOutputMarks(): readonly OutputMark[] {
  const matches = useSimulation((s) => s.summary?.counts.matches ?? 0);
  const timeouts = useSimulation((s) => s.summary?.counts.timeouts ?? 0);
  const epoch = useSimulation((s) => s.runEpoch);
  const timeField = useSimulation((s) => s.data?.mapping.time ?? null);
  const [marks, setMarks] = useState<readonly OutputMark[]>([]);
  const lastFetch = useRef(0);

  useEffect(() => {
    let live = true;
    const eventTime = (fields: Readonly<Record<string, unknown>>): number | null => {
      if (timeField === null) return null;
      const parsed = parseEventTime(fields[timeField], timeField);
      return parsed.ok ? parsed.millis : null;
    };
    // A throttle, not a debounce: while playing, counts change faster than the interval.
    const wait = Math.max(0, lastFetch.current + REFRESH_MS - performance.now());
    const timer = setTimeout(() => {
      lastFetch.current = performance.now();
      const run = simulator();
      Promise.all([
        run.query("matches", Math.max(0, matches - MARKS_PER_KIND), MARKS_PER_KIND),
        run.query("timeouts", Math.max(0, timeouts - MARKS_PER_KIND), MARKS_PER_KIND),
      ]).then(
        ([m, t]) => {
          if (live) setMarks([...m.records, ...t.records].map((view) => outputMarkOf(view, eventTime)));
        },
        () => {
          // A refused query (the worker restarting) leaves the marks as they were.
        },
      );
    }, wait);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [matches, timeouts, epoch, timeField]);

  return marks;
}
