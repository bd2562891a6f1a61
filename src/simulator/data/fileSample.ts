/**
 * A preview of a data file from its first bytes: the format, the first events, the detected
 * schema (`inferSchema` from the runtime's sources), the problems of those rows and the rows read
 * with a warning (a duplicate JSON key, the last value kept, as Flink's Jackson reads it) —
 * enough to show the user what will be read and to ask for a field mapping when the schema is
 * unknown, without reading the whole file on the UI thread. Pure.
 */
import { MAX_RECORD_LENGTH, sizeText, textEncodingProblem } from "../../formats/events/index.ts";
import type { EventData, EventFormat } from "../../formats/events/index.ts";
import { lineEnd } from "../../text/lineBreaks.ts";
import { createChunkedSource, inferSchema } from "../../runtime/sources/index.ts";
import type { FieldMapping, SchemaInference, SourceProblem } from "../../runtime/sources/index.ts";

/** Bytes read for a preview: enough for a thousand typical rows. */
const SAMPLE_BYTES = 256 * 1024;
/**
 * Bytes read when the first {@link SAMPLE_BYTES} hold no whole event: enough for a first line as
 * long as an event may be (a JSON Lines record of a few megabytes).
 */
const LONG_SAMPLE_BYTES = MAX_RECORD_LENGTH + 64 * 1024;
/** Events kept from the sample. */
const SAMPLE_EVENTS = 1000;

/** A row that was read, with something to say about it. */
export interface RowWarning {
  readonly line: number;
  readonly message: string;
}

export interface FileSample {
  readonly format: EventFormat | null;
  readonly events: readonly EventData[];
  readonly schema: SchemaInference;
  /** Problems of the sample's rows (the run lists every problem of the whole file). */
  readonly problems: readonly SourceProblem[];
  /** The sample's rows read with a warning (the run counts those of the whole file). */
  readonly warnings: readonly RowWarning[];
  /** The sample is the whole file. */
  readonly complete: boolean;
  /** Why the file gives nothing to load (empty, no events, not text), or null. */
  readonly refusal: string | null;
}

/**
 * Reads the first `text` of a file named `fileName`. Unless `complete`, the last line may be
 * cut, so it is left out (the reader only sees lines followed by a line break) — except when it
 * is the only line with events (a minified JSON array is one long line): then the events
 * before the cut are kept, and the problems the cut itself makes on that line are not listed.
 */
export function sampleEvents(text: string, fileName: string | null, complete: boolean): FileSample {
  const source = createChunkedSource(fileName === null ? {} : { fileName });
  const items = [...source.push(text)];
  const noWholeLine = !complete && source.progress().lines === 0;
  const cutLine = complete || items.some((i) => i.type === "event") ? null : source.progress().lines + 1;
  if (complete || cutLine !== null) items.push(...source.end());
  const events: EventData[] = [];
  const warnings: RowWarning[] = [];
  for (const item of items) {
    if (item.type !== "event" || events.length >= SAMPLE_EVENTS) continue;
    events.push(item.event);
    if (item.warning !== undefined) warnings.push({ line: item.line, message: item.warning });
  }
  // Text never holds NUL; UTF-16, a picture, a spreadsheet or an archive does, in its first
  // bytes: the "rows" such a file breaks into say nothing worth listing.
  const encoding = textEncodingProblem(text);
  const problems =
    encoding !== null ? [] : source.problems().listed.filter((p) => cutLine === null || p.line < cutLine);
  const format = source.progress().format;
  return {
    format,
    events,
    schema: inferSchema(events),
    problems,
    warnings,
    complete,
    refusal: encoding ?? refusalOf(text, format, events.length, problems.length, complete, noWholeLine),
  };
}

/**
 * Reads the first bytes of `file` and samples them. They are decoded as the worker decodes the
 * file (UTF-8; `Blob.text()` would read a UTF-16 byte-order mark, so the preview would show rows
 * the run cannot read). When they hold no whole event (a first line longer than
 * {@link SAMPLE_BYTES}), more is read, up to a line as long as an event may be.
 */
export async function readFileSample(file: Blob, fileName: string): Promise<FileSample> {
  const read = async (bytes: number) => {
    const text = new TextDecoder("utf-8").decode(await file.slice(0, bytes).arrayBuffer());
    return { text, sample: sampleEvents(text, fileName, file.size <= bytes) };
  };
  const first = await read(SAMPLE_BYTES);
  const { text, sample } = first;
  const wholeLine = sample.complete || sample.events.length > 0 || lineEnd(text) < text.length;
  if (wholeLine || textEncodingProblem(text) !== null) return sample;
  return (await read(LONG_SAMPLE_BYTES)).sample;
}

/** Why a text sample gives nothing to load, or null; see {@link FileSample.refusal}. */
function refusalOf(
  text: string,
  format: EventFormat | null,
  events: number,
  problems: number,
  complete: boolean,
  noWholeLine: boolean,
): string | null {
  if (events > 0) return null;
  if (noWholeLine) {
    return `its first record is longer than ${sizeText(text.length)}: an event may be at most ${sizeText(MAX_RECORD_LENGTH)}`;
  }
  if (text.trim() === "") return complete ? "it is empty: there are no events to load" : null;
  if (problems > 0) return "no event in it could be read (the problems are listed below)";
  if (!complete) return null;
  const trimmed = text.trim();
  if (format === "csv" && lineEnd(trimmed) === trimmed.length)
    return "it holds only a header line: there are no events to load";
  return "it holds no events";
}

/** The mapping to start a form with: the recognised or suggested fields (key falls back to the first field). */
export function initialMapping(schema: SchemaInference): FieldMapping | null {
  const key = schema.suggested.key ?? schema.fields[0]?.name ?? null;
  if (key === null) return null;
  return { key, time: schema.suggested.time, type: schema.suggested.type };
}

/** Why a mapping cannot be used with these fields, or null when it can. */
export function mappingProblem(mapping: FieldMapping, fieldNames: readonly string[]): string | null {
  const known = new Set(fieldNames);
  if (!known.has(mapping.key)) return `the key field '${mapping.key}' is not in the data`;
  if (mapping.time !== null && !known.has(mapping.time))
    return `the time field '${mapping.time}' is not in the data`;
  if (mapping.type !== null && !known.has(mapping.type))
    return `the type field '${mapping.type}' is not in the data`;
  return null;
}
