/**
 * Edge edits. A pattern is one linear chain (GraphSpec keys edges by source, and Flink's
 * `Pattern` has one `previous`), so connecting two stages replaces the source's outgoing edge and
 * the target's incoming edge. An edge's `type` is the contiguity of its target.
 */
import type { EdgeContiguity, Edge } from "../../model/pattern.ts";
import type { DocumentRule } from "../studioDocument.ts";
import { graphAt, nodeIn } from "./graphAccess.ts";
import type { GraphPath } from "./graphAccess.ts";
import { editGraph, editStructure } from "./patternAccess.ts";

/** The default contiguity of a new edge: followedBy. */
export const DEFAULT_EDGE_CONTIGUITY: EdgeContiguity = "SKIP_TILL_NEXT";

/**
 * Joins `source` → `target` in the graph at `graphPath`, replacing `source`'s outgoing and
 * `target`'s incoming edge. Unchanged for a self-loop, unknown stages, or an existing identical edge.
 */
export function connectStages(
  rule: DocumentRule,
  graphPath: GraphPath,
  source: string,
  target: string,
  type: EdgeContiguity = DEFAULT_EDGE_CONTIGUITY,
): DocumentRule {
  const graph = graphAt(rule.rule.pattern, graphPath);
  if (!graph || source === target || !nodeIn(graph, source) || !nodeIn(graph, target)) return rule;
  if (graph.edges.some((e) => e.source === source && e.target === target && e.type === type)) return rule;
  return editStructure(rule, graphPath, (g) => ({
    ...g,
    edges: [...g.edges.filter((e) => e.source !== source && e.target !== target), { source, target, type }],
  }));
}

/** Sets the contiguity of the edge `source` → `target`. */
export function setEdgeType(
  rule: DocumentRule,
  graphPath: GraphPath,
  source: string,
  target: string,
  type: EdgeContiguity,
): DocumentRule {
  return editGraph(rule, graphPath, (g) => {
    const edge = findEdge(g.edges, source, target);
    if (!edge || edge.type === type) return g;
    return { ...g, edges: g.edges.map((e) => (e === edge ? { ...e, type } : e)) };
  });
}

/** Removes the edge `source` → `target` (the chain splits in two until reconnected). */
export function deleteEdge(
  rule: DocumentRule,
  graphPath: GraphPath,
  source: string,
  target: string,
): DocumentRule {
  return editStructure(rule, graphPath, (g) => {
    const edge = findEdge(g.edges, source, target);
    return edge ? { ...g, edges: g.edges.filter((e) => e !== edge) } : g;
  });
}

function findEdge(edges: readonly Edge[], source: string, target: string): Edge | undefined {
  return edges.find((e) => e.source === source && e.target === target);
}
