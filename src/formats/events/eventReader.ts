/**
 * The shape shared by the event readers: text goes in one physical line at a time (so the
 * caller can stream a file of any size), and events, watermark records and per-row problems
 * come out with the line they start on.
 */
import type { JsonData } from "../json/jsonData.ts";

/** One input record: field name → value (identifiers that a double cannot hold are strings). */
export type EventData = Readonly<Record<string, unknown>>;

/** What a reader found. `line` counts from 1 and is where the record starts. */
export type ReadItem =
  | {
      readonly type: "event";
      readonly event: EventData;
      readonly line: number;
      /**
       * Something about the record that did not stop it being read: in JSON, duplicate keys
       * (the last value is used, as Flink's Jackson reads it). Usually absent.
       */
      readonly warning?: string;
    }
  /** `{"$watermark": MS}` in JSON input; `value` is as read (the caller parses the time). */
  | { readonly type: "watermark"; readonly value: JsonData; readonly line: number }
  /** A record that is skipped; reading goes on. */
  | { readonly type: "problem"; readonly line: number; readonly message: string }
  /** The input cannot be read at all (a bad CSV header, JSON that is not an array). */
  | { readonly type: "fatal"; readonly line: number; readonly message: string };

/**
 * A streaming reader: push every line without its `\n` (a `\r` before it may stay: readers treat it
 * as part of the line break), then call `end`.
 */
export interface EventReader {
  pushLine(line: string): void;
  end(): void;
}

/** Receives what a reader finds, in input order. */
export type ReadItemSink = (item: ReadItem) => void;

/** The field that marks a watermark record in JSON input. */
export const WATERMARK_FIELD = "$watermark";

/**
 * Classifies one parsed JSON record: an object is an event, `{"$watermark": …}` alone is a
 * watermark record, anything else is a problem.
 */
export function jsonRecordItem(value: JsonData, line: number): ReadItem {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { type: "problem", line, message: `an event must be a JSON object, found ${jsonKind(value)}` };
  }
  if (Object.hasOwn(value, WATERMARK_FIELD)) {
    const keys = Object.keys(value);
    if (keys.length !== 1) {
      return { type: "problem", line, message: `a watermark record must hold only "${WATERMARK_FIELD}"` };
    }
    return { type: "watermark", value: value[WATERMARK_FIELD] ?? null, line };
  }
  return { type: "event", event: value, line };
}

function jsonKind(value: JsonData): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
