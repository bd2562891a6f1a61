/**
 * What the timeline draws, in columns (typed arrays) so 100 k events cost a few megabytes and
 * one pass to draw: the input events of an event-time window, the run's matches and timeouts
 * as marks, and partial matches' window spans. Pure.
 */
import type { MatchView } from "../../runtime/session/index.ts";
import { TYPE_CATEGORIES, typeCategory } from "./laneLayout.ts";

export interface TimelineEvents {
  readonly count: number;
  /** Event time, in input order (the drawing scans all; no sort on the UI thread). */
  readonly time: Float64Array;
  /** Index into {@link keys}. */
  readonly keyIndex: Int32Array;
  /** Index into `TYPE_CATEGORIES`. */
  readonly category: Uint8Array;
  /** 1: the event arrived behind the watermark (late). */
  readonly late: Uint8Array;
  /** 1: the run has processed the event. */
  readonly processed: Uint8Array;
  readonly line: Int32Array;
  /** The input item (0-based), what seek and explain take. */
  readonly position: Int32Array;
  /** Keys in the order first seen. */
  readonly keys: readonly string[];
}

/** One event as the worker describes it. */
export interface TimelineEventRow {
  readonly time: number;
  readonly key: string | null;
  readonly type: unknown;
  readonly late: boolean;
  readonly processed: boolean;
  readonly line: number;
  readonly position: number;
}

/** Columns for `rows`, in their order. */
export function timelineEventsOf(rows: readonly TimelineEventRow[]): TimelineEvents {
  const count = rows.length;
  const time = new Float64Array(count);
  const keyIndex = new Int32Array(count);
  const category = new Uint8Array(count);
  const late = new Uint8Array(count);
  const processed = new Uint8Array(count);
  const line = new Int32Array(count);
  const position = new Int32Array(count);
  const keys: string[] = [];
  const keyIds = new Map<string, number>();
  const categoryIds = new Map<unknown, number>();
  rows.forEach((row, i) => {
    const key = row.key ?? "(no key)";
    let k = keyIds.get(key);
    if (k === undefined) {
      k = keys.length;
      keyIds.set(key, k);
      keys.push(key);
    }
    let c = categoryIds.get(row.type);
    if (c === undefined) {
      c = TYPE_CATEGORIES.indexOf(typeCategory(row.type));
      categoryIds.set(row.type, c);
    }
    time[i] = row.time;
    keyIndex[i] = k;
    category[i] = c;
    late[i] = row.late ? 1 : 0;
    processed[i] = row.processed ? 1 : 0;
    line[i] = row.line;
    position[i] = row.position;
  });
  return { count, time, keyIndex, category, late, processed, line, position, keys };
}

/**
 * The indices of the events whose time is within [from, to], written into `into` (reused
 * between frames); returns how many. One pass over typed arrays: far cheaper than a frame.
 */
export function visibleEvents(events: TimelineEvents, from: number, to: number, into: Int32Array): number {
  let n = 0;
  const { time } = events;
  for (let i = 0; i < events.count; i++) {
    const t = time[i] ?? 0;
    if (t >= from && t <= to) into[n++] = i;
  }
  return n;
}

/**
 * The event drawn nearest to (`time`, `key`) within `tolerance` ms, or -1: what a click on the
 * timeline picks.
 */
export function eventNear(events: TimelineEvents, key: string, time: number, tolerance: number): number {
  const k = events.keys.indexOf(key);
  let best = -1;
  let bestDistance = tolerance;
  for (let i = 0; i < events.count; i++) {
    if (events.keyIndex[i] !== k) continue;
    const distance = Math.abs((events.time[i] ?? 0) - time);
    if (distance <= bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return k < 0 ? -1 : best;
}

/** A match or timeout drawn on its key's lane: from its first captured event to its timestamp. */
export interface OutputMark {
  readonly type: "match" | "timeout";
  readonly key: string;
  readonly from: number;
  readonly at: number;
  readonly ruleId: string;
  readonly version: number;
  /** The input lines of its captured events. */
  readonly lines: readonly number[];
}

/**
 * The mark of a match or timeout; `eventTime` reads a captured event's time (null when the data
 * has none). A match is drawn at its last captured event, a timeout at the time it timed out.
 */
export function outputMarkOf(
  view: MatchView,
  eventTime: (fields: Readonly<Record<string, unknown>>) => number | null,
): OutputMark {
  const times: number[] = [];
  const lines: number[] = [];
  for (const stage of view.stages) {
    for (const event of stage.events) {
      const t = eventTime(event.fields);
      if (t !== null) times.push(t);
      if (event.line !== null) lines.push(event.line);
    }
  }
  const first = times.length === 0 ? view.timestamp : Math.min(...times);
  const last = times.length === 0 ? view.timestamp : Math.max(...times);
  return {
    type: view.type,
    key: view.key ?? "(no key)",
    from: first,
    at: view.type === "timeout" ? view.timestamp : last,
    ruleId: view.ruleId,
    version: view.version,
    lines,
  };
}
