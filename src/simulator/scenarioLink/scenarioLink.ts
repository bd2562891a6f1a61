/**
 * Scenario links: the rules (the whole document, in its save format), where the data comes from
 * (a seed scenario, the generator's seed and knobs, or small inline data), the run settings,
 * the position in the stream, the dock tab and the broadcast schedule — everything that makes
 * a view — in one URL fragment, `#scenario=<base64url(deflateRaw(JSON))>`. Opening it reopens
 * the same view. Pure; every field of a link is checked, and a problem names its JSON path.
 */
import { parseSavedDocument, serializeDocument } from "../../document/saveFormat.ts";
import { isJavaKeyType, JAVA_KEY_TYPES } from "../../runtime/javaHashCode.ts";
import type { StudioDocument } from "../../document/studioDocument.ts";
import { GENERATED_SCHEMAS } from "../../formats/generator/index.ts";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import {
  DEFAULT_RUN_SETTINGS,
  isPartialMatchCap,
  maxParallelismRange,
  MIN_PARTIAL_MATCH_CAP,
  type RunSettings,
} from "../controller/runSettings.ts";
import {
  DEFAULT_GENERATOR_SETTINGS,
  generatorProblem,
  type GeneratorSettings,
} from "../data/generatorSettings.ts";
import { packTextWithinLimits, unpackText } from "../../document/linkPayload.ts";
import { LinkReader } from "./linkReader.ts";

/** The fragment prefix of a scenario link. */
export const SCENARIO_PREFIX = "#scenario=";
/** The link's format name and version (a later version migrates forward). */
const FORMAT = "cep-studio-scenario";
const VERSION = 1;
/** What a scenario link carries, as its size messages name it ("the link's scenario is larger than 5 MB"). */
const LINK_CONTENT = "scenario";
/** Inline data is for small examples; anything larger is shared as a file, not a link. */
export const MAX_INLINE_DATA_BYTES = 64 * 1024;

/** Where a linked view's events come from. */
export type LinkData =
  | { readonly type: "scenario"; readonly scenarioId: string }
  | { readonly type: "generator"; readonly settings: GeneratorSettings }
  | {
      readonly type: "inline";
      readonly fileName: string;
      readonly text: string;
      readonly mapping: FieldMapping;
    };

/** Everything a scenario link reopens. */
export interface ScenarioView {
  readonly doc: StudioDocument;
  readonly data: LinkData;
  readonly settings: RunSettings;
  /** The input item the run stands at. */
  readonly position: number;
  /**
   * The run also took the end of input (its final watermark times partial matches out), which is
   * no input item: `position` alone would reopen the run one step before it.
   */
  readonly ended: boolean;
  /** The dock tab shown; null keeps the current one. */
  readonly tab: string | null;
  /** The broadcast panel's schedule (its JSON text); null when there is none. */
  readonly broadcast: string | null;
}

export type EncodeResult =
  { readonly ok: true; readonly fragment: string } | { readonly ok: false; readonly error: string };
export type DecodeResult =
  | { readonly ok: true; readonly view: ScenarioView; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** The UTF-8 size of `text`. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The fragment (`#scenario=…`) that reopens `view`; refused when inline data is over 64 KB, or
 * when the link would be larger than {@link decodeScenarioFragment} accepts (1 MB compressed,
 * 5 MB of text). Asynchronous: the compression runs natively, without holding the tab.
 */
export async function encodeScenarioFragment(view: ScenarioView): Promise<EncodeResult> {
  if (view.data.type === "inline" && utf8Bytes(view.data.text) > MAX_INLINE_DATA_BYTES) {
    return {
      ok: false,
      error: `the data (${view.data.fileName}) is larger than ${MAX_INLINE_DATA_BYTES / 1024} KB; a link holds small data only — use a seed scenario or the generator, or share the file`,
    };
  }
  const json = {
    format: FORMAT,
    version: VERSION,
    document: serializeDocument(view.doc),
    data: view.data,
    settings: view.settings,
    position: view.position,
    ended: view.ended,
    tab: view.tab,
    broadcast: view.broadcast,
  };
  const packed = await packTextWithinLimits(JSON.stringify(json), LINK_CONTENT);
  return packed.ok ? { ok: true, fragment: SCENARIO_PREFIX + packed.payload } : packed;
}

/** True when `hash` is a scenario link (the app's bootstrap asks before opening it). */
export function isScenarioFragment(hash: string): boolean {
  return hash.startsWith(SCENARIO_PREFIX);
}

/** Reads a fragment made by {@link encodeScenarioFragment}; says what is wrong with anything else. */
export function decodeScenarioFragment(hash: string): DecodeResult {
  if (!isScenarioFragment(hash)) return fail("the address holds no scenario link (#scenario=…)");
  const unpacked = unpackText(hash.slice(SCENARIO_PREFIX.length), LINK_CONTENT);
  if (!unpacked.ok) return fail(unpacked.error);
  let value: unknown;
  try {
    value = JSON.parse(unpacked.text);
  } catch {
    return fail("the link is damaged: its content is not JSON");
  }
  const reader = new LinkReader();
  const root = reader.object(value, "");
  if (root === null) return fail(reader.problem());
  if (root.format !== FORMAT) return fail(`this is not a scenario link (expected "format": "${FORMAT}")`);
  if (root.version !== VERSION)
    return fail(
      `the link was made by a newer CEP Studio (version ${String(root.version)}); this one reads version ${VERSION}`,
    );
  const documentText = reader.string(root, "document");
  const data = readData(reader, root);
  const settings = readSettings(reader, root);
  const position = reader.wholeNumber(root, "position");
  const ended = reader.flag(root, "ended");
  const tab = reader.optionalString(root, "tab");
  const broadcast = reader.optionalString(root, "broadcast");
  if (
    reader.failed ||
    documentText === null ||
    data === null ||
    settings === null ||
    position === null ||
    ended === null
  )
    return fail(reader.problem());
  const saved = parseSavedDocument(documentText, { fileName: "scenario link" });
  if (!saved.ok) return fail(`its rules cannot be read: ${saved.error}`);
  return {
    ok: true,
    view: { doc: saved.doc, data, settings, position, ended, tab, broadcast },
    warnings: saved.warnings,
  };
}

function fail(error: string): DecodeResult {
  return { ok: false, error };
}

function readData(reader: LinkReader, root: Readonly<Record<string, unknown>>): LinkData | null {
  const data = reader.object(root.data, "data");
  if (data === null) return null;
  switch (data.type) {
    case "scenario": {
      const scenarioId = reader.string(data, "scenarioId", "data");
      return scenarioId === null ? null : { type: "scenario", scenarioId };
    }
    case "generator": {
      const knobs = reader.object(data.settings, "data.settings");
      if (knobs === null) return null;
      const settings = reader.merged(DEFAULT_GENERATOR_SETTINGS, knobs, "data.settings");
      if (settings === null) return null;
      if (!(GENERATED_SCHEMAS as readonly string[]).includes(settings.schema))
        return reader.fail(`data.settings.schema: must be one of ${GENERATED_SCHEMAS.join(", ")}`);
      // The type says what a link should hold; the link itself may hold any text.
      const disorder: string = settings.outOfOrderness;
      if (disorder !== "uniform" && disorder !== "exponential")
        return reader.fail(`data.settings.outOfOrderness: must be "uniform" or "exponential"`);
      const problem = generatorProblem(settings);
      if (problem !== null) return reader.fail(`data.settings: ${problem}`);
      return { type: "generator", settings };
    }
    case "inline": {
      const fileName = reader.string(data, "fileName", "data");
      const text = reader.string(data, "text", "data");
      const mapping = reader.object(data.mapping, "data.mapping");
      if (fileName === null || text === null || mapping === null) return null;
      const key = reader.string(mapping, "key", "data.mapping");
      const time = reader.optionalString(mapping, "time", "data.mapping");
      const type = reader.optionalString(mapping, "type", "data.mapping");
      if (key === null || reader.failed) return null;
      if (utf8Bytes(text) > MAX_INLINE_DATA_BYTES)
        return reader.fail(`data.text: inline data is limited to ${MAX_INLINE_DATA_BYTES / 1024} KB`);
      return { type: "inline", fileName, text, mapping: { key, time, type } };
    }
    default:
      return reader.fail(`data.type: must be "scenario", "generator" or "inline"`);
  }
}

function readSettings(reader: LinkReader, root: Readonly<Record<string, unknown>>): RunSettings | null {
  const settings = reader.object(root.settings, "settings");
  if (settings === null) return null;
  const merged = reader.merged(DEFAULT_RUN_SETTINGS, settings, "settings", ["speed"]);
  if (merged === null) return null;
  const timeMode: string = merged.timeMode;
  if (timeMode !== "event" && timeMode !== "processing")
    return reader.fail(`settings.timeMode: must be "event" or "processing"`);
  if (!Number.isInteger(merged.parallelism) || merged.parallelism < 1)
    return reader.fail("settings.parallelism: must be a whole number ≥ 1");
  // A link made before these settings existed holds none of them: it opens with Flink's defaults.
  const { min, max } = maxParallelismRange(merged.parallelism);
  if (!Number.isInteger(merged.maxParallelism) || merged.maxParallelism < min || merged.maxParallelism > max)
    return reader.fail(
      `settings.maxParallelism: must be a whole number from ${min} (the parallelism) to ${max}`,
    );
  const keyType: string = merged.keyType;
  if (!isJavaKeyType(keyType))
    return reader.fail(`settings.keyType: must be one of ${JAVA_KEY_TYPES.join(", ")}`);
  if (!isPartialMatchCap(merged.maxPartialMatches))
    return reader.fail(`settings.maxPartialMatches: must be a whole number ≥ ${MIN_PARTIAL_MATCH_CAP}`);
  return merged;
}
