/** Finding stages by name in a pattern, for the inspector's links from a diagnostic to its stage. */
import type { GraphPath } from "../document/edits/graphAccess.ts";
import type { GraphNode, PatternNode } from "../model/pattern.ts";
import { stageChain } from "../model/stageChain.ts";

/** The graph path of the graph holding the node `name`, or null when there is none. */
export function graphPathOf(pattern: GraphNode, name: string): GraphPath | null {
  const search = (graph: GraphNode, path: GraphPath): GraphPath | null => {
    for (const node of graph.nodes) {
      if (node.name === name) return path;
      if (node.type === "COMPOSITE") {
        const inner = search(node, [...path, node.name]);
        if (inner) return inner;
      }
    }
    return null;
  };
  return search(pattern, []);
}

/**
 * Every atomic stage name of the pattern, groups' stages included, in chain order (begin first;
 * stages off the chain after it, in node order).
 */
export function atomicStageNames(pattern: GraphNode): string[] {
  const names: string[] = [];
  const visit = (graph: GraphNode) => {
    const chained: PatternNode[] = stageChain(graph).links.map((l) => l.node);
    for (const node of [...chained, ...graph.nodes.filter((n) => !chained.includes(n))]) {
      if (node.type === "COMPOSITE") visit(node);
      else names.push(node.name);
    }
  };
  visit(pattern);
  return names;
}
