/**
 * The shape shared by the event readers: text goes in as chunks cut anywhere (so the caller can
 * stream a file of any size, with or without line breaks), and events, watermark records and
 * per-row problems come out with the line they start on.
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
 * A streaming reader: push the text in chunks, then call `end`. A chunk may end anywhere: inside
 * a line, a CRLF pair, a string, an escape, a number or a surrogate pair. Each reader holds at
 * most one record (of at most 10 MiB) and the unfinished end of the last chunk, so memory does
 * not grow with the file nor with its longest line.
 */
export interface EventReader {
  /** Reads the next chunk of text; items it completes go to the sink before it returns. */
  push(text: string): void;
  /** Reads what the last chunk left unfinished. */
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
