/**
 * What the run reads, described so it can be streamed to the worker again (after a worker
 * restart): a seed scenario's clickstream, a file the user picked, or generated data — each as
 * text chunks, never one giant string.
 */
import { generatedText } from "../../formats/generator/index.ts";
import { recognizeSchema, type FieldMapping } from "../../runtime/sources/index.ts";
import { seedScenarios, type SeedScenario } from "../../scenarios/seedScenarios.ts";
import {
  generatedName,
  generatedSchema,
  generatedTextOptions,
  type GeneratorSettings,
} from "../data/generatorSettings.ts";
import type { RunData } from "../simulationStore.ts";

export type DataSpec =
  | { readonly type: "scenario"; readonly scenario: SeedScenario }
  | {
      readonly type: "file";
      readonly file: File;
      readonly mapping: FieldMapping;
      readonly schemaTitle: string | null;
    }
  | { readonly type: "generator"; readonly settings: GeneratorSettings };

/** A piece of the input: text (with its size in bytes when known), or raw UTF-8 bytes the worker decodes. */
export type InputChunk =
  { readonly text: string; readonly bytes?: number } | { readonly buffer: ArrayBuffer };

const ONE_PARTITION = { count: 1, field: null } as const;

/** Bytes per chunk of a file (each transferred to the worker, not copied). */
const FILE_CHUNK_BYTES = 1 << 20;

/** The data the first start shows: scenario 1's clickstream (the default document's enabled rule). */
export function defaultDataSpec(): DataSpec | null {
  const first = seedScenarios[0];
  return first === undefined ? null : { type: "scenario", scenario: first };
}

/** The file name the worker detects the format by. */
export function fileNameOf(spec: DataSpec): string {
  switch (spec.type) {
    case "scenario":
      return `${spec.scenario.id}.events.csv`;
    case "file":
      return spec.file.name;
    case "generator":
      return "generated.csv";
  }
}

/** How the store describes the data. */
export function runDataOf(spec: DataSpec): RunData {
  switch (spec.type) {
    case "scenario": {
      const { scenario } = spec;
      const header = scenario.eventsCsv.slice(0, scenario.eventsCsv.indexOf("\n")).split(",");
      const known = recognizeSchema(header);
      return {
        source: { type: "scenario", name: scenario.title, scenarioId: scenario.id },
        mapping: known?.mapping ?? { key: scenario.keyField, time: scenario.timeField, type: null },
        schemaTitle: known?.title ?? null,
        partitions: ONE_PARTITION,
      };
    }
    case "file":
      return {
        source: { type: "file", name: spec.file.name, bytes: spec.file.size },
        mapping: spec.mapping,
        schemaTitle: spec.schemaTitle,
        partitions: ONE_PARTITION,
      };
    case "generator": {
      const { mapping, title } = generatedSchema(spec.settings.schema);
      const { partitions } = spec.settings;
      return {
        source: { type: "generator", name: generatedName(spec.settings) },
        mapping,
        schemaTitle: title,
        // The generator's writers add a `partition` column with more than one partition.
        partitions: partitions > 1 ? { count: partitions, field: "partition" } : ONE_PARTITION,
      };
    }
  }
}

/** The file's size when known up front (for a progress fraction). */
export function totalBytesOf(spec: DataSpec): number | null {
  return spec.type === "file" ? spec.file.size : null;
}

/** The data in chunks, read or generated lazily, one at a time. */
export async function* chunksOf(spec: DataSpec): AsyncGenerator<InputChunk, void, undefined> {
  switch (spec.type) {
    case "scenario":
      yield { text: spec.scenario.eventsCsv };
      return;
    case "generator":
      for (const text of generatedText(generatedTextOptions(spec.settings)))
        yield { text, bytes: text.length };
      return;
    case "file":
      yield* fileChunks(spec.file);
      return;
  }
}

/** The file's bytes, a slice at a time (the worker decodes them; a character may span two slices). */
async function* fileChunks(file: File): AsyncGenerator<InputChunk, void, undefined> {
  for (let offset = 0; offset < file.size; offset += FILE_CHUNK_BYTES) {
    yield { buffer: await file.slice(offset, offset + FILE_CHUNK_BYTES).arrayBuffer() };
  }
}

/** The first text of a chunk for a schema sample (bytes decoded; a cut character only spoils the last line). */
export function sampleTextOf(chunk: InputChunk): string {
  if ("text" in chunk) return chunk.text;
  return new TextDecoder("utf-8").decode(
    new Uint8Array(chunk.buffer, 0, Math.min(chunk.buffer.byteLength, 256 * 1024)),
  );
}
