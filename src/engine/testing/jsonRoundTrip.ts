/**
 * Sends a pattern through dynamic-CEP JSON text and back, the path every user pattern takes.
 */
import type { GraphNode } from "../../model/pattern.ts";

/**
 * Exports `graph` to dynamic-CEP JSON text, parses it and imports it again; import errors
 * fail loudly. Until the formats module lands this is a structural deep copy through JSON.
 */
export function roundTripThroughJson(graph: GraphNode): GraphNode {
  return JSON.parse(JSON.stringify(graph)) as GraphNode;
}
