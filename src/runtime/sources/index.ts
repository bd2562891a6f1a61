/**
 * Event sources for the stream runtime: text chunks in, read items out (`chunkedSource.ts`),
 * plus recognising or inferring the event schema (`schema.ts`) and reading mapped time fields
 * (`timestamps.ts`). Pure: the worker or the CLI decodes bytes and feeds the text.
 */
export { createChunkedSource, DEFAULT_MAX_LISTED_PROBLEMS, utf8Length } from "./chunkedSource.ts";
export type {
  ChunkedSource,
  ChunkedSourceOptions,
  ProblemLog,
  SourceProblem,
  SourceProgress,
} from "./chunkedSource.ts";
export { chooseEventFormat } from "./formatDetection.ts";
export type { FormatChoice, FormatSource } from "./formatDetection.ts";
export { KNOWN_SCHEMAS, inferSchema, recognizeSchema } from "./schema.ts";
export type { FieldMapping, KnownSchema, SchemaInference, SuggestedMapping } from "./schema.ts";
export type { FieldKind, InferredField } from "./fieldInference.ts";
export { createTimeReader, detectTimeEncoding, readEventTime } from "./timestamps.ts";
export type { TimeEncoding, TimeEncodingResult } from "./timestamps.ts";
