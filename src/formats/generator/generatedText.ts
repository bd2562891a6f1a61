/**
 * The generated stream as text, in chunks: what `cep-studio generate` writes. Each schema gets
 * a {@link Clickstream} with its own flavour (seed 000 removes some abandoned carts, seed 001
 * logs in and out) and start time; the text is a pure function of the options, so the same
 * options give byte-identical output, and only one chunk is held at a time.
 */
import { Clickstream, type ClickstreamOptions, type RawClick } from "./clickstream.ts";
import { REES46_FLAVOUR, type SessionFlavour } from "./sessionModel.ts";
import {
  GENERATED_SCHEMAS,
  schemaWriter,
  type GeneratedFormat,
  type GeneratedSchema,
} from "./schemaWriters.ts";

export { GENERATED_SCHEMAS };
export type { GeneratedFormat, GeneratedSchema };

/** What to write: the stream's knobs plus schema and format. */
export interface GeneratedTextOptions extends ClickstreamOptions {
  readonly schema: GeneratedSchema;
  readonly format: GeneratedFormat;
  /** A finite number of events. */
  readonly events: number;
  /** Chunks are about this many characters (the last may be shorter). Default 65 536. */
  readonly chunkChars?: number;
}

/** Per schema: the session flavour and the default start time (the seed's own dates). */
const SCHEMA_DEFAULTS: Readonly<Record<GeneratedSchema, { flavour: SessionFlavour; startTime: number }>> = {
  rees46: { flavour: REES46_FLAVOUR, startTime: Date.UTC(2019, 9, 1) },
  scenarios: { flavour: REES46_FLAVOUR, startTime: Date.UTC(2020, 0, 1) },
  // A third of the carts left unbought are taken out again before the session ends.
  seed000: { flavour: { removeAbandoned: 1 / 3, loginLogout: false }, startTime: Date.UTC(2018, 5, 12) },
  seed001: { flavour: { removeAbandoned: 0, loginLogout: true }, startTime: Date.UTC(2019, 9, 1) },
};

/** The clickstream behind `schema`'s text (its flavour and start time unless `options` set them). */
export function schemaStream(schema: GeneratedSchema, options: ClickstreamOptions): Clickstream {
  const defaults = SCHEMA_DEFAULTS[schema];
  return new Clickstream({
    flavour: defaults.flavour,
    startTime: defaults.startTime,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  });
}

/**
 * The stream's text in chunks of whole lines, each line ending in `\n` (CSV: the header
 * first). Throws a RangeError for a bad option before the first chunk.
 */
export function generatedText(options: GeneratedTextOptions): Generator<string, void, undefined> {
  if (!Number.isFinite(options.events)) throw new RangeError("events must be a finite number");
  const { schema, format, chunkChars = 65_536, ...streamOptions } = options;
  const stream = schemaStream(schema, streamOptions);
  const writer = schemaWriter(schema, stream);
  const line =
    format === "csv" ? (raw: RawClick) => writer.csvLine(raw) : (raw: RawClick) => writer.jsonLine(raw);
  return chunks(stream, line, format === "csv" ? writer.csvHeader : null, chunkChars);
}

function* chunks(
  stream: Clickstream,
  line: (raw: RawClick) => string,
  header: string | null,
  chunkChars: number,
): Generator<string, void, undefined> {
  let chunk = header === null ? "" : `${header}\n`;
  for (const raw of stream.raw()) {
    chunk += `${line(raw)}\n`;
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}
