/**
 * Sends a pattern through dynamic-CEP JSON text and back, the path every user pattern takes:
 * `exportGraphSpec` → `JSON.stringify` → `JSON.parse` → `importGraphSpec`.
 */
import type { GraphNode } from "../../model/pattern.ts";
import { exportGraphSpec, formatDiagnostic, importGraphSpec } from "../../formats/dynamicCep/index.ts";

/** The pattern as it comes back from its JSON text; import errors fail loudly. */
export function roundTripThroughJson(graph: GraphNode): GraphNode {
  const text = JSON.stringify(exportGraphSpec(graph));
  const imported = importGraphSpec(JSON.parse(text) as unknown);
  if (!imported.ok) {
    const errors = imported.errors.map((d) => `  - ${formatDiagnostic(d)}`).join("\n");
    throw new Error(`the pattern does not survive its dynamic-CEP JSON round trip:\n${errors}\n${text}`);
  }
  return imported.value;
}
