/**
 * Finds what a diagnostic's JSON path (`nodes[1].nodes[0].quantifier.properties`, `edges[2]`)
 * points at, by index, and changes it there. Indices rather than names, because the diagnostics
 * worth fixing include two stages with the same name.
 */
import type { GraphNode, PatternNode, Quantifier } from "../model/pattern.ts";

/** A place in a pattern: the graph reached by `graph` node indices, then a node or edge in it. */
export interface PatternLocation {
  /** Indices of the groups from the top graph to the graph holding the target. */
  readonly graph: readonly number[];
  readonly target:
    | { readonly kind: "graph" }
    | { readonly kind: "node"; readonly index: number }
    | { readonly kind: "edge"; readonly index: number };
  /** What follows in the path (`quantifier.properties`, `name`, `window.time.size`, `source`). */
  readonly rest: string;
}

const SEGMENT = /^(nodes|edges)\[(\d+)\]\.?/;

/** Reads a diagnostic path; nodes that are groups are entered when the path goes on into them. */
export function locate(path: string): PatternLocation {
  const graph: number[] = [];
  let rest = path;
  let target: PatternLocation["target"] = { kind: "graph" };
  for (let m = SEGMENT.exec(rest); m; m = SEGMENT.exec(rest)) {
    const index = Number(m[2]);
    rest = rest.slice(m[0].length);
    // A segment after a node's index enters that node: it is a group.
    if (target.kind === "node") graph.push(target.index);
    if (m[1] === "edges") {
      target = { kind: "edge", index };
      break;
    }
    target = { kind: "node", index };
  }
  return { graph, target, rest };
}

/** The graph at `indices`, or null. */
export function graphAtIndices(pattern: GraphNode, indices: readonly number[]): GraphNode | null {
  let graph: GraphNode = pattern;
  for (const i of indices) {
    const next = graph.nodes[i];
    if (next?.type !== "COMPOSITE") return null;
    graph = next;
  }
  return graph;
}

/** `pattern` with the graph at `indices` replaced by `update(graph)`. */
export function updateGraphAtIndices(
  pattern: GraphNode,
  indices: readonly number[],
  update: (graph: GraphNode) => GraphNode,
): GraphNode {
  const [head, ...rest] = indices;
  if (head === undefined) return update(pattern);
  const child = pattern.nodes[head];
  if (child?.type !== "COMPOSITE") return pattern;
  const next = updateGraphAtIndices(child, rest, update);
  return next === child
    ? pattern
    : { ...pattern, nodes: pattern.nodes.map((n, i) => (i === head ? next : n)) };
}

/** The node a location targets, or null. */
export function nodeAt(pattern: GraphNode, location: PatternLocation): PatternNode | null {
  if (location.target.kind !== "node") return null;
  return graphAtIndices(pattern, location.graph)?.nodes[location.target.index] ?? null;
}

/** `pattern` with the located node replaced by `update(node)`. */
export function updateNodeAt(
  pattern: GraphNode,
  location: PatternLocation,
  update: (node: PatternNode) => PatternNode,
): GraphNode {
  const target = location.target;
  if (target.kind !== "node") return pattern;
  return updateGraphAtIndices(pattern, location.graph, (g) => {
    const node = g.nodes[target.index];
    return node ? { ...g, nodes: g.nodes.map((n, i) => (i === target.index ? update(node) : n)) } : g;
  });
}

/** `pattern` with the located node's quantifier replaced by `update(quantifier)`. */
export function updateQuantifierAt(
  pattern: GraphNode,
  location: PatternLocation,
  update: (q: Quantifier) => Quantifier,
): GraphNode {
  return updateNodeAt(pattern, location, (node) => {
    if (node.type === "ATOMIC") return { ...node, quantifier: update(node.quantifier) };
    return node.quantifier ? { ...node, quantifier: update(node.quantifier) } : node;
  });
}
