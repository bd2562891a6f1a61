/**
 * Captured events and matches as short text for table cells: the event's type and time (by
 * the data's field mapping) and its input line, each event cut to what a cell shows. Pure.
 */
import type { EventView, MatchView } from "../../runtime/session/index.ts";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import { cellText } from "../format/cellText.ts";

/**
 * A field's value as text (objects as JSON). No value (JSON `null`) reads `null` and the empty
 * string (an empty CSV cell) `""`, so neither looks like a missing field, which is blank.
 */
export function fieldText(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "null";
  if (value === "") return '""';
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return JSON.stringify(value);
}

/** `cart @ 2020-01-01 01:11:02.0 (line 3)`; without a mapping, the event as JSON. */
export function eventText(event: EventView, mapping: FieldMapping | null): string {
  const { fields } = event;
  const parts = [mapping?.type, mapping?.time]
    .filter((f): f is string => f !== null && f !== undefined && fields[f] !== undefined)
    .map((f) => fieldText(fields[f]));
  const shown = cellText(parts.length > 0 ? parts.join(" @ ") : JSON.stringify(fields));
  return event.line === null ? shown : `${shown} (line ${event.line})`;
}

/** `first_view: view @ … (line 2); second_view: view @ … (line 3)`. */
export function stagesText(match: MatchView, mapping: FieldMapping | null): string {
  return match.stages
    .map((s) => `${s.stage}: ${s.events.map((e) => eventText(e, mapping)).join(", ")}`)
    .join("; ");
}

/** The input lines of every event a match captured, in stage order. */
export function matchLines(match: MatchView): number[] {
  const lines: number[] = [];
  for (const stage of match.stages)
    for (const event of stage.events) if (event.line !== null) lines.push(event.line);
  return lines;
}
