/**
 * Public importers: a GraphSpec, a pattern-processor rule row (`{id, version, pattern, function}`,
 * as Ververica's demo `JDBCPeriodicPatternProcessorDiscoverer` reads it from its table), a rule
 * set, and the condition and edge fragments. Each returns an {@link ImportResult} carrying every
 * error found, with JSON paths relative to the value passed in (optionally under `basePath`).
 */
import type { Condition } from "../../model/condition.ts";
import type { Edge, GraphNode, Rule } from "../../model/pattern.ts";
import type { ImportResult } from "./diagnostics.ts";
import { readCondition } from "./importCondition.ts";
import { readEdge, readGraph } from "./importGraph.ts";
import { indexPath, memberPath } from "../json/jsonPath.ts";
import { parseJsonText } from "../json/jsonText.ts";
import { describeJson, isJsonObject, JAVA_INT_MAX, JsonReader } from "./jsonReader.ts";
import type { JsonObject } from "./jsonReader.ts";

/** Id, version and function of the rule made for a bare GraphSpec (see {@link importRuleSet}). */
export const BARE_GRAPH_RULE = { id: "1", version: 1, function: null } as const;

function finish<T>(reader: JsonReader, value: T | undefined): ImportResult<T> {
  if (value === undefined || reader.errors.length > 0) {
    return { ok: false, errors: reader.errors, warnings: reader.warnings };
  }
  return { ok: true, value, warnings: reader.warnings };
}

/** Reads a GraphSpec (a rule's `pattern`). `basePath` prefixes every diagnostic path, e.g. "pattern". */
export function importGraphSpec(json: unknown, basePath = ""): ImportResult<GraphNode> {
  const reader = new JsonReader();
  const obj = reader.object(
    json,
    basePath,
    'a GraphSpec object {"nodes": [...], "edges": [...], "afterMatchStrategy": {...}}',
  );
  return finish(reader, obj && readGraph(obj, basePath, reader, true));
}

/** Reads one `ConditionSpec`, e.g. `{"type": "AVIATOR", "expression": "price > 10"}`. */
export function importCondition(json: unknown, basePath = ""): ImportResult<Condition> {
  const reader = new JsonReader();
  return finish(reader, readCondition(json, basePath, reader));
}

/** Reads one `EdgeSpec`, e.g. `{"source": "a", "target": "b", "type": "STRICT"}`. */
export function importEdge(json: unknown, basePath = ""): ImportResult<Edge> {
  const reader = new JsonReader();
  return finish(reader, readEdge(json, basePath, reader));
}

/**
 * Reads a rule `{id, version, pattern, function}`. `id` may be a JSON string or whole number (kept
 * as a string; `idIsNumber` remembers a number); `pattern` may be a GraphSpec object or a string
 * holding one, as the rule table's VARCHAR column stores it. Other keys (table columns) are ignored.
 */
export function importRule(json: unknown, basePath = ""): ImportResult<Rule> {
  const reader = new JsonReader();
  return finish(reader, readRule(json, basePath, reader));
}

/**
 * Reads what a rule file may hold: an array of rules, one rule, or a bare GraphSpec. A bare
 * GraphSpec becomes the rule `{id: "1", version: 1, function: null}` ({@link BARE_GRAPH_RULE}).
 */
export function importRuleSet(json: unknown): ImportResult<Rule[]> {
  const reader = new JsonReader();
  let rules: Rule[] | undefined;
  if (Array.isArray(json)) {
    const read = json.map((item, i) => readRuleItem(item, indexPath("", i), reader));
    rules = read.every((r) => r !== undefined) ? read : undefined;
    if (rules) warnDuplicateIds(rules, reader);
  } else if (isJsonObject(json) && !looksLikeRule(json)) {
    const pattern = readGraph(json, "", reader, true);
    rules = pattern && [{ ...BARE_GRAPH_RULE, pattern }];
  } else if (isJsonObject(json)) {
    const rule = readRule(json, "", reader);
    rules = rule && [rule];
  } else {
    reader.error(
      "",
      `expected a GraphSpec object, a rule {"id", "version", "pattern", "function"} or an array of rules, got ${describeJson(json)}`,
    );
  }
  return finish(reader, rules);
}

function looksLikeRule(obj: JsonObject): boolean {
  return obj.pattern !== undefined || obj.id !== undefined || obj.function !== undefined;
}

function readRuleItem(item: unknown, path: string, reader: JsonReader): Rule | undefined {
  if (isJsonObject(item) && !looksLikeRule(item) && item.nodes !== undefined) {
    reader.error(
      path,
      'expected a rule {"id", "version", "pattern", "function"}; a bare GraphSpec is only accepted as the whole document',
    );
    return undefined;
  }
  return readRule(item, path, reader);
}

function readRule(value: unknown, path: string, reader: JsonReader): Rule | undefined {
  const obj = reader.object(value, path, 'a rule {"id", "version", "pattern", "function"}');
  if (!obj) return undefined;
  const id = readId(obj, path, reader);
  const version = reader.wholeNumber(obj, "version", path, 0, JAVA_INT_MAX);
  const pattern = readPattern(obj, memberPath(path, "pattern"), reader);
  const fn = reader.optionalString(
    obj,
    "function",
    path,
    "the PatternProcessFunction class name (a string) or null",
  );
  if (!id || version === undefined || !pattern || fn === undefined) return undefined;
  const rule: Rule = { id: id.id, version, pattern, function: fn };
  return id.isNumber ? { ...rule, idIsNumber: true } : rule;
}

function readId(
  obj: JsonObject,
  path: string,
  reader: JsonReader,
): { id: string; isNumber: boolean } | undefined {
  const id = obj.id;
  const idPath = memberPath(path, "id");
  if (typeof id === "string" && id !== "") return { id, isNumber: false };
  // bigint: an integer beyond 2^53, kept exact by the JSON reader.
  if (typeof id === "bigint") return { id: id.toString(), isNumber: true };
  if (typeof id === "number" && Number.isSafeInteger(id)) return { id: String(id), isNumber: true };
  if (typeof id === "number" && Number.isInteger(id)) {
    reader.error(
      idPath,
      `the numeric id ${id} is beyond 2^53 and may have lost digits already; write it as a JSON string`,
    );
    return undefined;
  }
  if (id === undefined) {
    reader.error(idPath, 'expected the rule id (a non-empty string or a whole number), but "id" is missing');
    return undefined;
  }
  reader.error(
    idPath,
    `expected the rule id (a non-empty string or a whole number), got ${describeJson(id)}`,
  );
  return undefined;
}

function readPattern(obj: JsonObject, path: string, reader: JsonReader): GraphNode | undefined {
  let value = obj.pattern;
  if (typeof value === "string") {
    // The rule table stores the GraphSpec as JSON text.
    const parsed = parseJsonText(value);
    if (!parsed.ok) {
      const { message, line, column, path: inner } = parsed.problem;
      const what = inner === undefined ? "is not valid JSON" : `cannot be read at ${inner}`;
      reader.error(path, `the pattern string ${what}: ${message} at line ${line}, column ${column}`);
      return undefined;
    }
    // The string's own positions: the warning sits on the string, and says where in it.
    for (const w of parsed.warnings)
      reader.warn(path, `in the pattern string at ${w.line}:${w.column}: ${w.path}: ${w.message}`);
    value = parsed.value;
  }
  const graph = reader.object(
    value,
    path,
    'a GraphSpec object {"nodes": [...], "edges": [...], "afterMatchStrategy": {...}}',
  );
  return graph && readGraph(graph, path, reader, true);
}

function warnDuplicateIds(rules: readonly Rule[], reader: JsonReader): void {
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const first = seen.get(rule.id);
    if (first === undefined) {
      seen.set(rule.id, i);
      return;
    }
    reader.warn(
      memberPath(indexPath("", i), "id"),
      `rule id "${rule.id}" also appears at [${first}]; both run side by side here, but Flink's JDBC discoverer keeps only the highest version of each id`,
    );
  });
}
