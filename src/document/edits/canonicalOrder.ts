/**
 * The order in which the reference writer (Ververica `GraphSpec.fromPattern`) emits a graph: it
 * walks the pattern from its last `Pattern` back through `getPrevious()`, so `nodes` run from the
 * LAST stage to the FIRST and `edges` from the last edge to the first, and the top-level
 * GraphSpec takes the last stage's `name` and `quantifier`. Structural edits keep graphs in this
 * order, so a rule drawn by hand exports exactly as Flink's own writer would write it.
 */
import type { Edge, GraphNode, PatternNode } from "../../model/pattern.ts";

/**
 * Orders `graph` (and its groups, recursively) last stage first. Graphs that are not one clean
 * chain, as while a user is still connecting stages, get each chain in turn (in the order of their
 * begin stages) followed by stages on a cycle, all reversed; edges follow their source stage.
 * The top-level `name` and `quantifier` become the last node's. Returns `graph` itself when it is
 * already in that order.
 */
export function canonicalGraphOrder(graph: GraphNode): GraphNode {
  const ordered = orderGraph(graph);
  const last = ordered.nodes[0];
  if (last === undefined) return ordered;
  const quantifier = last.quantifier;
  if (ordered.name === last.name && ordered.quantifier === quantifier) return ordered;
  return { ...ordered, name: last.name, quantifier };
}

function orderGraph(graph: GraphNode): GraphNode {
  const inner = graph.nodes.map((node) => (node.type === "COMPOSITE" ? orderGraph(node) : node));
  const changed = inner.some((node, i) => node !== graph.nodes[i]);
  const forward = forwardOrder(inner, graph.edges);
  const nodes = [...forward].reverse();
  const rank = new Map(forward.map((node, i) => [node.name, i]));
  const edges = [...graph.edges].sort((a, b) => (rank.get(b.source) ?? -1) - (rank.get(a.source) ?? -1));
  if (!changed && sameOrder(nodes, graph.nodes) && sameOrder(edges, graph.edges)) return graph;
  return { ...graph, nodes, edges };
}

/** Begin-to-end order: each chain from a stage no edge targets, then whatever a cycle left over. */
function forwardOrder(nodes: readonly PatternNode[], edges: readonly Edge[]): PatternNode[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const next = new Map<string, string>();
  const targeted = new Set<string>();
  for (const edge of edges) {
    if (!next.has(edge.source)) next.set(edge.source, edge.target);
    targeted.add(edge.target);
  }
  // Seen by identity, not name: a graph with a duplicate name (an error shown to the user) must
  // not lose the duplicate here.
  const seen = new Set<PatternNode>();
  const out: PatternNode[] = [];
  const walk = (start: PatternNode) => {
    let current: PatternNode | undefined = start;
    while (current && !seen.has(current)) {
      seen.add(current);
      out.push(current);
      const target = next.get(current.name);
      current = target === undefined ? undefined : byName.get(target);
    }
  };
  for (const node of nodes) if (!targeted.has(node.name)) walk(node);
  for (const node of nodes) walk(node);
  return out;
}

function sameOrder<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
