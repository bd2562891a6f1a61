/**
 * Finding stages and edges in a pattern, for the inspector's links from a diagnostic to its stage
 * and for the findings about one edge.
 */
import type { GraphPath } from "../document/edits/graphAccess.ts";
import { graphAtIndices, locate } from "../document/patternLocation.ts";
import type { GraphNode, PatternNode } from "../model/pattern.ts";
import type { PatternDiagnostic } from "../model/patternFindings.ts";
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

/** The node indices of the groups along `graphPath` from the top graph, or null when one is missing. */
function groupIndices(pattern: GraphNode, graphPath: GraphPath): number[] | null {
  const indices: number[] = [];
  let graph: GraphNode = pattern;
  for (const name of graphPath) {
    const index = graph.nodes.findIndex((n) => n.name === name && n.type === "COMPOSITE");
    const group = graph.nodes[index];
    if (group?.type !== "COMPOSITE") return null;
    indices.push(index);
    graph = group;
  }
  return indices;
}

/**
 * The findings about the edge `source` → `target` of the graph at `graphPath`: those whose JSON
 * path points into that edge (`edges[k]…`, `nodes[i].edges[k]…` inside groups).
 */
export function edgeDiagnostics(
  pattern: GraphNode,
  diagnostics: readonly PatternDiagnostic[],
  graphPath: GraphPath,
  source: string,
  target: string,
): PatternDiagnostic[] {
  const indices = groupIndices(pattern, graphPath);
  const graph = indices && graphAtIndices(pattern, indices);
  if (!indices || !graph) return [];
  const edgeIndex = graph.edges.findIndex((e) => e.source === source && e.target === target);
  if (edgeIndex < 0) return [];
  return diagnostics.filter((d) => {
    const at = locate(d.path);
    return (
      at.target.kind === "edge" &&
      at.target.index === edgeIndex &&
      at.graph.length === indices.length &&
      at.graph.every((g, i) => g === indices[i])
    );
  });
}
