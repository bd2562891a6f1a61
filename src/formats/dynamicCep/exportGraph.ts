/**
 * Writes the pattern model as dynamic-CEP JSON, in the shape and key order of Ververica's
 * `CepJsonUtils.convertPatternToJSONString` (`GraphSpec`, `NodeSpec`, `QuantifierSpec`,
 * `ConditionSpec` family): null-valued keys written out, nodes and edges in the model's order.
 * It writes what the model says, including where the reference writer loses information (a
 * group's quantifier, `times.windowTime` on TIMES, an Aviator until-condition), and `null` for a
 * stage without condition rather than the writer's unreadable "true" class.
 */
import type { Condition } from "../../model/condition.ts";
import { RICH_CONDITION_CLASS } from "../../model/condition.ts";
import type { Duration } from "../../model/duration.ts";
import type {
  AfterMatchSkipStrategy,
  Edge,
  GraphNode,
  PatternNode,
  Quantifier,
  Window,
} from "../../model/pattern.ts";

/** A JSON value as the exporters build it (plain data; `JSON.stringify` writes it). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObjectValue;
export interface JsonObjectValue {
  readonly [key: string]: JsonValue;
}

/** The GraphSpec for `graph`: `name, quantifier, condition, nodes, edges, window, afterMatchStrategy, type, version`. */
export function exportGraphSpec(graph: GraphNode): JsonObjectValue {
  const spec: Record<string, JsonValue> = {
    name: graph.name,
    quantifier: graph.quantifier && exportQuantifier(graph.quantifier),
    condition: graph.condition && exportCondition(graph.condition),
    nodes: graph.nodes.map(exportNode),
    edges: graph.edges.map(exportEdge),
    window: graph.window && exportWindow(graph.window),
    afterMatchStrategy: exportSkipStrategy(graph.afterMatchStrategy),
    type: "COMPOSITE",
  };
  // GraphSpec's constant version; left out when the source had none (Flink never reads it).
  if (graph.version !== null) spec.version = graph.version;
  return spec;
}

function exportNode(node: PatternNode): JsonObjectValue {
  if (node.type === "COMPOSITE") return exportGraphSpec(node);
  return {
    name: node.name,
    quantifier: exportQuantifier(node.quantifier),
    condition: node.condition && exportCondition(node.condition),
    type: "ATOMIC",
  };
}

function exportQuantifier(q: Quantifier): JsonObjectValue {
  return {
    consumingStrategy: q.consumingStrategy,
    properties: [...q.properties],
    times: q.times && {
      from: q.times.from,
      to: q.times.to,
      windowTime: q.times.windowTime && exportTime(q.times.windowTime),
    },
    untilCondition: q.untilCondition && exportCondition(q.untilCondition),
  };
}

function exportTime(duration: Duration): JsonObjectValue {
  return { unit: duration.unit, size: duration.size };
}

/** A `ConditionSpec`, keys in the order the reference writer emits them. */
export function exportCondition(condition: Condition): JsonObjectValue {
  switch (condition.type) {
    case "aviator":
      return { expression: condition.expression, type: "AVIATOR" };
    case "groovy":
      return { expression: condition.expression, type: "GROOVY" };
    case "class":
      return condition.args
        ? { args: [...condition.args], className: condition.className, type: "CLASS" }
        : { className: condition.className, type: "CLASS" };
    case "subtype":
      return { className: condition.className, subClassName: condition.subClassName, type: "CLASS" };
    case "and":
    case "or":
      return {
        nestedConditions: [exportCondition(condition.left), exportCondition(condition.right)],
        type: "CLASS",
        className: RICH_CONDITION_CLASS[condition.type],
      };
    case "not":
      return {
        nestedConditions: [exportCondition(condition.inner)],
        type: "CLASS",
        className: RICH_CONDITION_CLASS.not,
      };
  }
}

/** An `EdgeSpec`: `{source, target, type}`. */
export function exportEdge(edge: Edge): JsonObjectValue {
  return { source: edge.source, target: edge.target, type: edge.type };
}

function exportWindow(window: Window): JsonObjectValue {
  return { type: window.type, time: exportTime(window.time) };
}

function exportSkipStrategy(skip: AfterMatchSkipStrategy): JsonObjectValue {
  return { type: skip.type, patternName: skip.patternName };
}
