/**
 * Reads a dynamic-CEP `GraphSpec` (JSON value) into the pattern model. Ports what Ververica's
 * reader accepts: the top-level `GraphSpec` bean, `NodeSpecStdDeserializer` for every node,
 * `QuantifierSpec`, `EdgeSpec`, `WindowSpec`, `AfterMatchSkipStrategySpec` and
 * `TimeStdDeserializer`. It is lenient where that reader is (missing or null optional keys,
 * `version`, the ignored top-level `name`) and strict where it would throw or NPE (missing
 * `quantifier`, `afterMatchStrategy`, `nodes`, `edges`; unknown enum names; `"3"` for a number).
 * Shape and Flink's pattern rules are `validatePattern`'s job, not this module's.
 */
import type { Duration } from "../../model/duration.ts";
import { TIME_UNITS } from "../../model/duration.ts";
import type {
  AfterMatchSkipStrategy,
  Edge,
  GraphNode,
  PatternNode,
  Quantifier,
  QuantifierProperty,
  Times,
  Window,
} from "../../model/pattern.ts";
import {
  EDGE_CONTIGUITIES,
  INNER_CONTIGUITIES,
  QUANTIFIER_PROPERTIES,
  SKIP_STRATEGIES,
  WINDOW_TYPES,
} from "../../model/pattern.ts";
import { canonicalProperties } from "../../model/quantifier.ts";
import { readCondition } from "./importCondition.ts";
import { indexPath, memberPath } from "../json/jsonPath.ts";
import { describeJson, JAVA_INT_MAX, JsonReader, oneOf } from "./jsonReader.ts";
import type { JsonObject } from "./jsonReader.ts";

const GRAPH_KEYS = [
  "name",
  "quantifier",
  "condition",
  "nodes",
  "edges",
  "window",
  "afterMatchStrategy",
  "type",
  "version",
];
const ATOMIC_KEYS = ["name", "quantifier", "condition", "type"];
const NODE_TYPES = ["ATOMIC", "COMPOSITE"] as const;
const NODE_IGNORES = "Flink's NodeSpecStdDeserializer ignores it";
const BEAN_REJECTS = "Flink's Jackson reader may reject unknown keys here";
const OTHER_DIALECT =
  "this looks like the shirukai/flink-dynamic-cep dialect, which Ververica's reader does not accept; " +
  "CEP Studio reads the Ververica/Alibaba GraphSpec format";

/** A key that Jackson reads as absent: missing or null. */
function absent(obj: JsonObject, key: string): boolean {
  return obj[key] === undefined || obj[key] === null;
}

/** `Time` as `{unit, size}` (`TimeStdDeserializer`: `Time.of(size, TimeUnit.valueOf(unit))`). */
export function readTime(value: unknown, path: string, reader: JsonReader): Duration | undefined {
  const obj = reader.object(value, path, 'a time such as {"unit": "MINUTES", "size": 5}');
  if (!obj) return undefined;
  reader.unknownKeys(obj, path, ["unit", "size"], BEAN_REJECTS);
  const unit = reader.enumValue(obj, "unit", path, TIME_UNITS);
  const size = reader.wholeNumber(obj, "size", path, 0, Number.MAX_SAFE_INTEGER);
  return unit === undefined || size === undefined ? undefined : { unit, size };
}

function readTimes(value: unknown, path: string, reader: JsonReader): Times | null | undefined {
  if (value === undefined || value === null) return null;
  const obj = reader.object(value, path, 'times such as {"from": 3, "to": 3, "windowTime": null}');
  if (!obj) return undefined;
  reader.unknownKeys(obj, path, ["from", "to", "windowTime"], BEAN_REJECTS);
  const from = reader.wholeNumber(obj, "from", path, 0, JAVA_INT_MAX);
  const to = reader.wholeNumber(obj, "to", path, 0, JAVA_INT_MAX);
  const windowTime = absent(obj, "windowTime")
    ? null
    : readTime(obj.windowTime, memberPath(path, "windowTime"), reader);
  if (from === undefined || to === undefined || windowTime === undefined) return undefined;
  return { from, to, windowTime };
}

function readProperties(obj: JsonObject, path: string, reader: JsonReader): QuantifierProperty[] | undefined {
  const items = reader.array(obj, "properties", path, `an array of ${oneOf(QUANTIFIER_PROPERTIES)}`);
  if (!items) return undefined;
  const propsPath = memberPath(path, "properties");
  const properties: QuantifierProperty[] = [];
  let ok = true;
  for (const [i, item] of items.entries()) {
    const match = QUANTIFIER_PROPERTIES.find((p) => p === item);
    if (match === undefined) {
      reader.error(
        indexPath(propsPath, i),
        `expected ${oneOf(QUANTIFIER_PROPERTIES)}, got ${describeJson(item)}`,
      );
      ok = false;
    } else if (properties.includes(match)) {
      reader.warn(indexPath(propsPath, i), `"${match}" is listed twice; Flink keeps a set`);
    } else {
      properties.push(match);
    }
  }
  // Flink holds an EnumSet: declaration order, no duplicates.
  return ok ? canonicalProperties(properties) : undefined;
}

/** `QuantifierSpec`: the stage's inner contiguity, property set, times and until condition. */
export function readQuantifier(value: unknown, path: string, reader: JsonReader): Quantifier | undefined {
  const obj = reader.object(
    value,
    path,
    'a quantifier such as {"consumingStrategy": "SKIP_TILL_NEXT", "properties": ["SINGLE"]}',
  );
  if (!obj) return undefined;
  if (obj.innerConsumingStrategy !== undefined) {
    reader.error(memberPath(path, "innerConsumingStrategy"), OTHER_DIALECT);
    return undefined;
  }
  if (obj.details !== undefined && obj.properties === undefined) {
    reader.error(
      memberPath(path, "details"),
      'this looks like the wl4g/rengine dialect ("details" instead of "properties"); CEP Studio reads the Ververica/Alibaba GraphSpec format',
    );
    return undefined;
  }
  reader.unknownKeys(obj, path, ["consumingStrategy", "properties", "times", "untilCondition"], BEAN_REJECTS);
  const strategy = obj.consumingStrategy;
  if (strategy === "NOT_NEXT" || strategy === "NOT_FOLLOW") {
    reader.error(
      memberPath(path, "consumingStrategy"),
      `expected ${oneOf(INNER_CONTIGUITIES)} (the contiguity between iterations), got "${strategy}"; ${strategy} belongs on the edge into the stage`,
    );
  }
  const consumingStrategy = reader.enumValue(obj, "consumingStrategy", path, INNER_CONTIGUITIES);
  const properties = readProperties(obj, path, reader);
  const times = readTimes(obj.times, memberPath(path, "times"), reader);
  const untilCondition = absent(obj, "untilCondition")
    ? null
    : readCondition(obj.untilCondition, memberPath(path, "untilCondition"), reader);
  if (consumingStrategy === undefined || !properties || times === undefined || untilCondition === undefined)
    return undefined;
  return { consumingStrategy, properties, times, untilCondition };
}

/** `EdgeSpec`: `type` is the contiguity of the target stage. */
export function readEdge(value: unknown, path: string, reader: JsonReader): Edge | undefined {
  const obj = reader.object(
    value,
    path,
    'an edge such as {"source": "a", "target": "b", "type": "SKIP_TILL_NEXT"}',
  );
  if (!obj) return undefined;
  reader.unknownKeys(obj, path, ["source", "target", "type"], BEAN_REJECTS);
  const source = reader.string(obj, "source", path, "the source stage's name");
  const target = reader.string(obj, "target", path, "the target stage's name");
  const type = reader.enumValue(obj, "type", path, EDGE_CONTIGUITIES);
  return source === undefined || target === undefined || type === undefined
    ? undefined
    : { source, target, type };
}

function readWindow(value: unknown, path: string, reader: JsonReader): Window | null | undefined {
  if (value === undefined || value === null) return null;
  const obj = reader.object(
    value,
    path,
    'a window such as {"type": "FIRST_AND_LAST", "time": {"unit": "MINUTES", "size": 5}}',
  );
  if (!obj) return undefined;
  reader.unknownKeys(obj, path, ["type", "time"], BEAN_REJECTS);
  const type = reader.enumValue(obj, "type", path, WINDOW_TYPES);
  if (absent(obj, "time")) {
    // Ververica's WindowSpec.fromWindowTime writes a null time for PREVIOUS_AND_CURRENT windows.
    reader.warn(
      memberPath(path, "time"),
      "the window has no time (Ververica's writer drops it for PREVIOUS_AND_CURRENT); read as no window",
    );
    return null;
  }
  const time = readTime(obj.time, memberPath(path, "time"), reader);
  return type === undefined || time === undefined ? undefined : { type, time };
}

function readSkipStrategy(
  obj: JsonObject,
  path: string,
  reader: JsonReader,
): AfterMatchSkipStrategy | undefined {
  if (obj.afterMatchSkipStrategy !== undefined) {
    reader.error(memberPath(path, "afterMatchSkipStrategy"), OTHER_DIALECT);
    return undefined;
  }
  const skipPath = memberPath(path, "afterMatchStrategy");
  if (absent(obj, "afterMatchStrategy")) {
    reader.error(
      skipPath,
      `expected {"type": ${oneOf(SKIP_STRATEGIES)}, "patternName": …}, but it is missing (Flink's reader fails without it)`,
    );
    return undefined;
  }
  const skip = reader.object(
    obj.afterMatchStrategy,
    skipPath,
    'an after-match strategy such as {"type": "NO_SKIP", "patternName": null}',
  );
  if (!skip) return undefined;
  reader.unknownKeys(skip, skipPath, ["type", "patternName"], BEAN_REJECTS);
  const type = reader.enumValue(skip, "type", skipPath, SKIP_STRATEGIES);
  const patternName = reader.optionalString(skip, "patternName", skipPath);
  return type === undefined || patternName === undefined ? undefined : { type, patternName };
}

/** A node in `nodes`, as `NodeSpecStdDeserializer` reads it. */
export function readNode(value: unknown, path: string, reader: JsonReader): PatternNode | undefined {
  const obj = reader.object(
    value,
    path,
    'a node such as {"name": "start", "type": "ATOMIC", "quantifier": {...}}',
  );
  if (!obj) return undefined;
  if (obj.graph !== undefined) {
    reader.error(memberPath(path, "graph"), OTHER_DIALECT);
    return undefined;
  }
  const type = reader.enumValue(obj, "type", path, NODE_TYPES);
  if (type === "COMPOSITE") return readGraph(obj, path, reader, false);
  if (type === undefined) return undefined;
  reader.unknownKeys(obj, path, ATOMIC_KEYS, NODE_IGNORES);
  const name = reader.string(obj, "name", path, "the stage's name (a string)");
  const quantifier = readQuantifier(obj.quantifier, memberPath(path, "quantifier"), reader);
  const condition = absent(obj, "condition")
    ? null
    : readCondition(obj.condition, memberPath(path, "condition"), reader);
  if (name === undefined || !quantifier || condition === undefined) return undefined;
  return { type: "ATOMIC", name, quantifier, condition };
}

/**
 * A GraphSpec: the top-level rule pattern (`top`) or a nested group node. Keys Flink ignores at
 * the top level (`name`, `quantifier`, `condition`, `version`) are read for round trips.
 */
export function readGraph(
  obj: JsonObject,
  path: string,
  reader: JsonReader,
  top: boolean,
): GraphNode | undefined {
  reader.unknownKeys(obj, path, GRAPH_KEYS, top ? BEAN_REJECTS : NODE_IGNORES);
  if (top && obj.type !== undefined && obj.type !== "COMPOSITE") {
    reader.error(
      memberPath(path, "type"),
      `a rule's pattern is a GraphSpec, whose type is "COMPOSITE", got ${describeJson(obj.type)}`,
    );
  }
  const nodes = reader
    .array(obj, "nodes", path, "an array of nodes")
    ?.map((n, i) => readNode(n, indexPath(memberPath(path, "nodes"), i), reader));
  const edges = reader
    .array(obj, "edges", path, "an array of edges (may be empty)")
    ?.map((e, i) => readEdge(e, indexPath(memberPath(path, "edges"), i), reader));
  const name = top
    ? readTopName(obj, path, reader)
    : reader.string(obj, "name", path, "the group's name (a string)");
  const quantifier = absent(obj, "quantifier")
    ? null
    : readQuantifier(obj.quantifier, memberPath(path, "quantifier"), reader);
  const condition = absent(obj, "condition")
    ? null
    : readCondition(obj.condition, memberPath(path, "condition"), reader);
  const window = readWindow(obj.window, memberPath(path, "window"), reader);
  const afterMatchStrategy = readSkipStrategy(obj, path, reader);
  const version = readVersion(obj, path, reader);
  if (
    !nodes ||
    !edges ||
    quantifier === undefined ||
    condition === undefined ||
    window === undefined ||
    !afterMatchStrategy
  ) {
    return undefined;
  }
  const okNodes = nodes.filter((n) => n !== undefined);
  const okEdges = edges.filter((e) => e !== undefined);
  if (okNodes.length !== nodes.length || okEdges.length !== edges.length || name === undefined)
    return undefined;
  return {
    type: "COMPOSITE",
    name: name ?? lastStageName(okNodes, okEdges),
    quantifier,
    condition,
    nodes: okNodes,
    edges: okEdges,
    window,
    afterMatchStrategy,
    version,
  };
}

/** Flink ignores the top-level name; a missing one is filled in from the last stage, as the writer does. */
function readTopName(obj: JsonObject, path: string, reader: JsonReader): string | null {
  const name = obj.name;
  if (typeof name === "string") return name;
  if (name !== undefined && name !== null) {
    reader.warn(
      memberPath(path, "name"),
      `expected a string, got ${describeJson(name)}; Flink ignores the top-level name, so the last stage's name is used`,
    );
  }
  return null;
}

/** The stage no edge leaves; the writer lists it first. */
function lastStageName(nodes: readonly PatternNode[], edges: readonly Edge[]): string {
  const sources = new Set(edges.map((e) => e.source));
  return (nodes.find((n) => !sources.has(n.name)) ?? nodes[0])?.name ?? "";
}

/** GraphSpec's constant `version` (written as 1, never read). */
function readVersion(obj: JsonObject, path: string, reader: JsonReader): number | null {
  const version = obj.version;
  if (version === undefined || version === null) return null;
  if (typeof version === "number" && Number.isSafeInteger(version)) return version;
  reader.warn(
    memberPath(path, "version"),
    `expected a whole number, got ${describeJson(version)}; Flink never reads it, so it is dropped`,
  );
  return null;
}
