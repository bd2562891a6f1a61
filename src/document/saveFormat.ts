/**
 * CEP Studio's own document file: what is saved in the browser, shared in links and downloaded.
 * Rules are stored as dynamic-CEP JSON (`exportRule`) and read back through `importRule`, so a
 * save holds nothing the rule importer would not accept. Like tldraw's snapshots, the file has a
 * version; older versions migrate forward one step at a time, then the result is validated.
 */
import {
  formatDiagnostic,
  importRule,
  loadBindings,
  locateDiagnostics,
  parseJsonFile,
} from "../formats/dynamicCep/index.ts";
import { exportRule } from "../formats/dynamicCep/index.ts";
import type { Diagnostic, JsonValue } from "../formats/dynamicCep/index.ts";
import { describeJson, isJsonObject, JsonReader } from "../formats/dynamicCep/jsonReader.ts";
import type { JsonObject } from "../formats/dynamicCep/jsonReader.ts";
import { indexPath, memberPath } from "../formats/json/jsonPath.ts";
import type {
  DocumentRule,
  PublishedRule,
  StageKey,
  StagePosition,
  StudioDocument,
} from "./studioDocument.ts";

/** The `format` tag of a saved document. */
export const SAVE_FORMAT = "cep-studio-document";

/** Every save-format version, oldest first. */
export const Versions = {
  /**
   * `rules: [{key, enabled, positions, published, rule, numericId?}]` with `rule` as dynamic-CEP
   * JSON, `activeRuleKey`, `bindings`.
   */
  Initial: 1,
} as const;

/** The version this build writes. */
export const CURRENT_VERSION: number = Versions.Initial;

/** Turns a save of version `n` (the key) into version `n + 1`. */
export type Migration = (save: JsonObject) => JsonObject;

/** Migrations by the version they upgrade from. None yet: version 1 is the first shape ever saved. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** The outcome of reading a saved document. */
export type SavedDocumentResult =
  | { readonly ok: true; readonly doc: StudioDocument; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** Writes `doc` as save-format JSON text. */
export function serializeDocument(doc: StudioDocument): string {
  const save: JsonValue = {
    format: SAVE_FORMAT,
    version: CURRENT_VERSION,
    rules: doc.rules.map((r) => ({
      key: r.key,
      enabled: r.enabled,
      positions: r.positions as unknown as JsonValue,
      published: r.published && { version: r.published.version, json: r.published.json },
      rule: exportRule(r.rule),
      // exportRule writes an id beyond 2^53 as a string (no JSON number holds it exactly); this
      // remembers that the source had a number there.
      ...(r.rule.idIsNumber === true ? { numericId: true } : {}),
    })),
    activeRuleKey: doc.activeRuleKey,
    bindings: doc.bindings,
  };
  return JSON.stringify(save);
}

/** How to read: the name used in messages, and the migrations (tests pass their own). */
export interface ParseSaveOptions {
  readonly fileName?: string;
  readonly migrations?: Readonly<Record<number, Migration>>;
  readonly currentVersion?: number;
}

/**
 * Reads save-format text: parse, migrate to the current version, validate. Every problem names
 * its place (`file:line:col: rules[1].rule.pattern.nodes[0].name: …`); a save with any error is
 * refused whole rather than loaded in part.
 */
export function parseSavedDocument(text: string, options: ParseSaveOptions = {}): SavedDocumentResult {
  const fileName = options.fileName ?? "saved document";
  const parsed = parseJsonFile(text, fileName);
  if (!parsed.ok) return { ok: false, error: parsed.errors.map(formatDiagnostic).join("\n") };
  const located = (ds: readonly Diagnostic[]) => locateDiagnostics(text, fileName, ds).map(formatDiagnostic);
  const migrated = migrate(
    parsed.value,
    options.migrations ?? MIGRATIONS,
    options.currentVersion ?? CURRENT_VERSION,
  );
  if (typeof migrated === "string") return { ok: false, error: migrated };
  const reader = new JsonReader();
  const doc = readDocument(migrated, reader);
  if (!doc || reader.errors.length > 0) return { ok: false, error: located(reader.errors).join("\n") };
  return { ok: true, doc, warnings: [...located(parsed.warnings), ...located(reader.warnings)] };
}

/** Brings a save to `current`, or says why it cannot. */
function migrate(
  value: unknown,
  migrations: Readonly<Record<number, Migration>>,
  current: number,
): JsonObject | string {
  if (!isJsonObject(value) || value.format !== SAVE_FORMAT) {
    return `this is not a CEP Studio document (expected "format": "${SAVE_FORMAT}")`;
  }
  const version = value.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return `version: expected a whole number ≥ 1, got ${describeJson(version)}`;
  }
  if (version > current) {
    return `this document was saved by a newer CEP Studio (format version ${version}); this one reads up to version ${current}`;
  }
  let save: JsonObject = value;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return `no migration from format version ${v} to ${v + 1}`;
    save = { ...step(save), version: v + 1 };
  }
  return save;
}

function readDocument(save: JsonObject, reader: JsonReader): StudioDocument | undefined {
  const items = reader.array(save, "rules", "", "the rules (an array)");
  const rules: DocumentRule[] = [];
  const keys = new Set<string>();
  items?.forEach((item, i) => {
    const rule = readRule(item, indexPath("rules", i), reader);
    if (!rule) return;
    if (keys.has(rule.key))
      reader.error(memberPath(indexPath("rules", i), "key"), `the key "${rule.key}" is used twice`);
    keys.add(rule.key);
    rules.push(rule);
  });
  const bindingsValue = save.bindings ?? {};
  const bindings = loadBindings(bindingsValue);
  const prefix = (d: Diagnostic) => ({
    ...d,
    path: d.path === "" ? "bindings" : `bindings${d.path.startsWith("[") ? "" : "."}${d.path}`,
  });
  if (bindings.ok) bindings.warnings.forEach((d) => reader.warnings.push(prefix(d)));
  else bindings.errors.forEach((d) => reader.errors.push(prefix(d)));
  const activeRuleKey = readActiveKey(save, rules, reader);
  if (!items || !bindings.ok) return undefined;
  return { rules, activeRuleKey, bindings: bindings.value };
}

function readActiveKey(save: JsonObject, rules: readonly DocumentRule[], reader: JsonReader): string | null {
  const key = reader.optionalString(save, "activeRuleKey", "", "the active rule's key (a string) or null");
  const fallback = rules[0]?.key ?? null;
  if (key === undefined) return fallback;
  if (key === null && rules.length > 0) {
    reader.warn("activeRuleKey", "no active rule was saved; the first rule is shown");
    return fallback;
  }
  if (key !== null && !rules.some((r) => r.key === key)) {
    reader.warn("activeRuleKey", `no rule has the key "${key}"; the first rule is shown`);
    return fallback;
  }
  return key;
}

function readRule(value: unknown, path: string, reader: JsonReader): DocumentRule | undefined {
  const obj = reader.object(value, path, "a saved rule {key, enabled, positions, published, rule}");
  if (!obj) return undefined;
  const key = reader.string(obj, "key", path, "the rule's key (a string)");
  let enabled = true;
  if (typeof obj.enabled === "boolean") enabled = obj.enabled;
  else reader.error(memberPath(path, "enabled"), `expected true or false, got ${describeJson(obj.enabled)}`);
  const positions = readPositions(obj.positions, memberPath(path, "positions"), reader);
  const published = readPublished(obj.published, memberPath(path, "published"), reader);
  const imported = importRule(obj.rule, memberPath(path, "rule"));
  reader.warnings.push(...imported.warnings);
  if (!imported.ok) reader.errors.push(...imported.errors);
  if (key === undefined || key === "" || !imported.ok || published === undefined) {
    if (key === "") reader.error(memberPath(path, "key"), "the rule's key is empty");
    return undefined;
  }
  const rule = obj.numericId === true ? { ...imported.value, idIsNumber: true } : imported.value;
  return { key, rule, enabled, positions, published };
}

function readPositions(value: unknown, path: string, reader: JsonReader): Record<StageKey, StagePosition> {
  // Entries, not `out[key] = …`: a stage named `__proto__` must stay a key (see positionAt).
  const out: [StageKey, StagePosition][] = [];
  if (value === undefined || value === null) return {};
  const obj = reader.object(value, path, 'stage positions {"<stage key>": {"x": …, "y": …}}');
  for (const [key, p] of Object.entries(obj ?? {})) {
    const x: unknown = isJsonObject(p) ? p.x : undefined;
    const y: unknown = isJsonObject(p) ? p.y : undefined;
    if (typeof x === "number" && Number.isFinite(x) && typeof y === "number" && Number.isFinite(y))
      out.push([key, { x, y }]);
    // A bad position is not worth refusing the document: the stage is placed by layout instead.
    else
      reader.warn(
        memberPath(path, key),
        `expected {"x": <number>, "y": <number>}, got ${describeJson(p)}; the stage will be placed automatically`,
      );
  }
  return Object.fromEntries(out);
}

function readPublished(value: unknown, path: string, reader: JsonReader): PublishedRule | null | undefined {
  if (value === null || value === undefined) return null;
  const obj = reader.object(value, path, 'null or {"version": <number>, "json": <string>}');
  if (!obj) return undefined;
  const version = reader.wholeNumber(obj, "version", path, 0, Number.MAX_SAFE_INTEGER);
  const json = reader.string(obj, "json", path, "the published rule's JSON text");
  return version === undefined || json === undefined ? undefined : { version, json };
}
