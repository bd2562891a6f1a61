/** `[path, message]` of a pattern's validation errors and warnings, as the validation tests compare them. */
import type { GraphNode } from "../pattern.ts";
import { validatePattern } from "../validate.ts";

/** [path, message] of every error. */
export function errors(graph: GraphNode): Array<[string, string]> {
  return validatePattern(graph)
    .filter((d) => d.severity === "error")
    .map((d) => [d.path, d.message]);
}

/** [path, message] of every warning. */
export function warnings(graph: GraphNode): Array<[string, string]> {
  return validatePattern(graph)
    .filter((d) => d.severity === "warning")
    .map((d) => [d.path, d.message]);
}
