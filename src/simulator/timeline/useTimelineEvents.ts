import { useEffect, useRef, useState } from "react";
import { simulator } from "../controller/simulatorController.ts";
import { useSimulation } from "../simulationStore.ts";
import type { InputEvents } from "../../runtime/session/index.ts";
import { timelineEventsOf, type TimelineEventRow, type TimelineEvents } from "./timelineData.ts";

/** Events fetched per window at most (the canvas draws only those in view). */
const MAX_EVENTS = 150_000;
/** Least time between two fetches (a pan out of the fetched window, or the run moving on). */
const REFRESH_MS = 400;
/**
 * A fetch of many events costs the UI thread its structured clone: a refresh of the same window
 * (the run moving on) waits this many times as long as the last fetch took, so refreshing a
 * large stream while it plays stays a small share of the thread's time. A pan, a seek or new
 * data fetches after {@link REFRESH_MS}.
 */
const REFRESH_COST_FACTOR = 4;

/** The stream's event-time extent: its first and last timestamps read. */
export interface TimelineExtent {
  readonly from: number;
  readonly to: number;
}

interface Fetched {
  readonly from: number;
  readonly to: number;
  readonly events: TimelineEvents;
}

/** The rows the timeline draws: events with an event time, "processed" when the run is past them. */
function timelineRowsOf(answer: InputEvents, processed: number): TimelineEventRow[] {
  const rows: TimelineEventRow[] = [];
  for (const row of answer.rows) {
    if (row.timestamp === null) continue;
    rows.push({
      time: row.timestamp,
      key: row.key,
      type: row.type,
      late: row.late,
      processed: row.index < processed,
      line: row.line,
      position: row.position,
    });
  }
  return rows;
}

/** The stream's extent in event time. */
function extentOf(answer: InputEvents): TimelineExtent | null {
  if (answer.minTime === null || answer.maxTime === null) return null;
  return { from: answer.minTime, to: answer.maxTime };
}

/** The view plus a screen either side, snapped to half-screens so small pans reuse the window. */
function fetchWindow(range: { from: number; to: number }): { from: number; to: number } {
  const span = Math.max(1, range.to - range.from);
  const step = span / 2;
  return {
    from: Math.floor((range.from - span) / step) * step,
    to: Math.ceil((range.to + span) / step) * step,
  };
}

/**
 * The input events around the visible time range, fetched from the worker as the view moves (a
 * screen's width either side, so panning draws at once) and as the run advances, at most every
 * {@link REFRESH_MS}.
 */
export function useTimelineEvents(range: { from: number; to: number } | null): {
  events: TimelineEvents | null;
  extent: TimelineExtent | null;
} {
  const items = useSimulation((s) => s.summary?.position.items ?? 0);
  const totalEvents = useSimulation((s) => s.summary?.position.totalEvents ?? 0);
  const epoch = useSimulation((s) => s.runEpoch);
  const data = useSimulation((s) => s.data);
  const processed = useSimulation((s) => s.summary?.position.processedEvents ?? 0);
  const [fetched, setFetched] = useState<{
    data: typeof data;
    window: Fetched | null;
    extent: TimelineExtent | null;
  }>({ data, window: null, extent: null });
  const lastFetch = useRef(0);
  const lastCost = useRef(0);
  /** What the last fetch was for: its window, run epoch and data. */
  const lastAsked = useRef<{ window: string; epoch: number; data: typeof data } | null>(null);
  const processedRef = useRef(processed);
  useEffect(() => {
    processedRef.current = processed;
  }, [processed]);
  let current = fetched;
  if (current.data !== data) {
    current = { data, window: null, extent: null };
    setFetched(current);
  }
  // Refetch only when the view leaves the fetched window (panning inside it draws at once), or
  // when the run or the data moved (throttled).
  const held = current.window;
  let wanted: { from: number; to: number } | null = null;
  if (range !== null) {
    wanted = held !== null && range.from >= held.from && range.to <= held.to ? held : fetchWindow(range);
  }
  const wantFrom = wanted?.from ?? null;
  const wantTo = wanted?.to ?? null;

  useEffect(() => {
    let live = true;
    const asked = { window: `${String(wantFrom)}…${String(wantTo)}`, epoch, data };
    const last = lastAsked.current;
    // Only the run moving on (not a pan, a seek, new rules or data) waits for the cost.
    const refresh =
      last !== null && last.window === asked.window && last.epoch === epoch && last.data === data;
    const gap = refresh ? Math.max(REFRESH_MS, lastCost.current * REFRESH_COST_FACTOR) : REFRESH_MS;
    const wait = Math.max(0, lastFetch.current + gap - performance.now());
    const timer = setTimeout(() => {
      const started = performance.now();
      lastFetch.current = started;
      lastAsked.current = asked;
      const from = wantFrom ?? Number.NEGATIVE_INFINITY;
      const to = wantTo ?? Number.POSITIVE_INFINITY;
      simulator()
        .inputEvents(
          0,
          MAX_EVENTS,
          {
            ...(Number.isFinite(from) ? { fromTime: from } : {}),
            ...(Number.isFinite(to) ? { toTime: to } : {}),
          },
          // The canvas draws key, time and type: up to 150 k events' fields would cost the UI
          // thread a structured clone of every field on each refresh.
          false,
        )
        .then(
          (answer) => {
            lastCost.current = performance.now() - started;
            if (!live) return;
            const rows = timelineRowsOf(answer, processedRef.current);
            setFetched({
              data,
              window: { from, to, events: timelineEventsOf(rows) },
              extent: extentOf(answer),
            });
          },
          () => {
            // A refused query (a worker restart) keeps what is drawn until the next refresh.
          },
        );
    }, wait);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wantFrom, wantTo, items, totalEvents, epoch, data]);

  return { events: current.window?.events ?? null, extent: current.extent };
}
