/**
 * The `inputEvents` query: the session's input events by range — in input order, optionally only
 * those of a key, of an event type or in an event-time window — with what the UI's stream table
 * and timeline show per event (its key and event time as the run reads them, its type, whether
 * it went to the late side output). The stream stays in the worker; the UI asks for what it draws.
 *
 * Keys and timestamps are read once per event and kept in columns that grow with the input
 * ({@link InputColumns}); a query is one scan over them.
 */
import type { EventData } from "../../formats/events/index.ts";
import { parseEventTime } from "../../formats/events/index.ts";
import type { SessionInput } from "./sessionInput.ts";

/** Which events a query is about; every given condition must hold. */
export interface InputFilter {
  /** The event's key (as the run keys it: the key field's value as text). */
  readonly key?: string;
  /** The value of the request's `typeField`, as text. */
  readonly type?: string;
  /** Event time from (inclusive), in ms. */
  readonly fromTime?: number;
  /** Event time to (inclusive), in ms. */
  readonly toTime?: number;
}

/** One input event. */
export interface InputEventRow {
  /** Its input item (0-based): what `seek` and `explain` take. */
  readonly position: number;
  /** Its index among the input's events (0-based). */
  readonly index: number;
  readonly line: number;
  /** Its key as the run reads it; null when the run is unkeyed or the event has none. */
  readonly key: string | null;
  /** Its event time as the run reads it; null in processing time or when unreadable. */
  readonly timestamp: number | null;
  /** The value of the request's `typeField` (undefined without one). */
  readonly type: unknown;
  /** It was processed and went to the late side output. */
  readonly late: boolean;
  /** The run read it and the source skipped it (no key, no readable time, …): no operator saw it. */
  readonly skipped: boolean;
  readonly fields: EventData;
}

/** A page of matching input events. */
export interface InputEvents {
  /** Events matching the filter, read so far. */
  readonly total: number;
  /** The smallest and largest event time of all events read (null before one has a time). */
  readonly minTime: number | null;
  readonly maxTime: number | null;
  readonly rows: readonly InputEventRow[];
}

/** An `inputEvents` request. */
export interface InputEventsRequest {
  /** The first matching event wanted (0-based among the matches). */
  readonly from: number;
  readonly count: number;
  readonly filter?: InputFilter;
  /** The field whose value is an event's type; null/absent: none. */
  readonly typeField?: string | null;
  /**
   * False: rows carry no fields (an empty object) — for views that draw only key, time and
   * type, so a page of 100 k events is not cloned to the UI with every field. Default true.
   */
  readonly withFields?: boolean;
}

/** The fields of a row asked for without them. */
const NO_FIELDS: EventData = Object.freeze({});

/** The text a key or type value matches on (null: a value it cannot match). */
function textOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (value === null || value === undefined) return null;
  return JSON.stringify(value);
}

/** Per input event, its position, key and timestamp, read once and grown with the input. */
export class InputColumns {
  readonly positions: number[] = [];
  readonly keys: (string | null)[] = [];
  /** NaN: no readable time. */
  readonly times: number[] = [];
  private scanned = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  constructor(
    readonly input: SessionInput,
    readonly keyField: string | null,
    readonly timeField: string | null,
  ) {}

  /** Whether these columns are for this input and these fields. */
  fits(input: SessionInput, keyField: string | null, timeField: string | null): boolean {
    return this.input === input && this.keyField === keyField && this.timeField === timeField;
  }

  /** The event-time extent of the events read (null before one has a time). */
  get extent(): { readonly min: number; readonly max: number } | null {
    return this.min > this.max ? null : { min: this.min, max: this.max };
  }

  /** Reads the items that arrived since the last call. */
  update(): void {
    const items = this.input.items;
    for (; this.scanned < items.length; this.scanned++) {
      const item = items[this.scanned];
      if (item?.type !== "event") continue;
      this.positions.push(this.scanned);
      this.keys.push(this.keyField === null ? null : textOf(item.event[this.keyField]));
      const time =
        this.timeField === null ? null : parseEventTime(item.event[this.timeField], this.timeField);
      const millis = time?.ok === true ? time.millis : Number.NaN;
      this.times.push(millis);
      if (millis < this.min) this.min = millis;
      if (millis > this.max) this.max = millis;
    }
  }
}

/**
 * The events matching `request.filter`, `from` … `from + count − 1` of them. `run.late` lists
 * input items whose event went to the late side output, `run.skipped` those the source skipped,
 * both ascending; those before `run.processed` (the run's position) count.
 */
export function readInputEvents(
  columns: InputColumns,
  run: {
    readonly late: readonly number[];
    readonly skipped: readonly number[];
    readonly processed: number;
  },
  request: InputEventsRequest,
): InputEvents {
  const { from, count } = request;
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(count) || count < 0)
    throw new RangeError(`from and count must be whole numbers ≥ 0 (got ${from} and ${count})`);
  columns.update();
  const filter = request.filter ?? {};
  const typeField = request.typeField ?? null;
  const withFields = request.withFields ?? true;
  const items = columns.input.items;
  const { positions, keys, times } = columns;
  const fromTime = filter.fromTime ?? Number.NEGATIVE_INFINITY;
  const toTime = filter.toTime ?? Number.POSITIVE_INFINITY;
  const timed = filter.fromTime !== undefined || filter.toTime !== undefined;
  const rows: InputEventRow[] = [];
  let total = 0;
  for (let index = 0; index < positions.length; index++) {
    if (filter.key !== undefined && keys[index] !== filter.key) continue;
    const time = times[index] ?? Number.NaN;
    if (timed && !(time >= fromTime && time <= toTime)) continue;
    const position = positions[index] ?? 0;
    const item = items[position];
    if (item?.type !== "event") continue;
    const type = typeField === null ? undefined : item.event[typeField];
    if (filter.type !== undefined && textOf(type) !== filter.type) continue;
    if (total >= from && rows.length < count) {
      rows.push({
        position,
        index,
        line: item.line,
        key: keys[index] ?? null,
        timestamp: Number.isNaN(time) ? null : time,
        type,
        late: position < run.processed && includes(run.late, position),
        skipped: position < run.processed && includes(run.skipped, position),
        fields: withFields ? item.event : NO_FIELDS,
      });
    }
    total++;
  }
  const extent = columns.extent;
  return { total, minTime: extent?.min ?? null, maxTime: extent?.max ?? null, rows };
}

/** Whether ascending `sorted` holds `value` (binary search). */
function includes(sorted: readonly number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = sorted[mid] ?? 0;
    if (at === value) return true;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
