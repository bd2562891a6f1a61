/**
 * Event input formats: JSON Lines, JSON arrays and CSV, read line by line with exact numbers
 * (ids beyond 2^53 stay digit strings), plus event-time parsing. Pure: no Node APIs; the CLI
 * and the browser feed lines from their own streams.
 */
import { createCsvReader } from "./csvReader.ts";
import type { EventReader, ReadItemSink } from "./eventReader.ts";
import { createJsonArrayReader } from "./jsonArrayReader.ts";
import { createJsonLinesReader } from "./jsonLinesReader.ts";

export type { EventData, EventReader, ReadItem, ReadItemSink } from "./eventReader.ts";
export { WATERMARK_FIELD } from "./eventReader.ts";
export { createCsvReader } from "./csvReader.ts";
export { createJsonArrayReader } from "./jsonArrayReader.ts";
export { createJsonLinesReader } from "./jsonLinesReader.ts";
export { exactNumberFromText } from "./exactNumber.ts";
export { MAX_RECORD_LENGTH, sizeText, textEncodingProblem } from "./recordText.ts";
export { parseDateTime, parseEventTime } from "./eventTime.ts";
export { TextPosition } from "./textPosition.ts";
export type { EventTimeResult } from "./eventTime.ts";

/** The event file formats. */
export type EventFormat = "jsonl" | "json" | "csv";

/** The format a file name's extension names (`.jsonl`/`.ndjson`, `.json`, `.csv`), or null. */
export function eventFormatOf(fileName: string): EventFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv")) return "csv";
  return null;
}

/** A streaming reader for `format`, reporting to `sink`. */
export function createEventReader(format: EventFormat, sink: ReadItemSink): EventReader {
  switch (format) {
    case "jsonl":
      return createJsonLinesReader(sink);
    case "json":
      return createJsonArrayReader(sink);
    case "csv":
      return createCsvReader(sink);
  }
}
