/**
 * Addressing inside a pattern: a graph is named by its `graphPath` (the names of the enclosing
 * groups from the top graph, `[]` for the top level), a stage by its graph path plus its name.
 * Every edit reaches the graph it changes through these helpers, immutably.
 */
import type { GraphNode, PatternNode } from "../../model/pattern.ts";
import type { StageKey } from "../studioDocument.ts";

/** Names of the enclosing groups from the top graph; `[]` is the top level. */
export type GraphPath = readonly string[];

/** The graph at `graphPath`, or null when a name on the way is not a group. */
export function graphAt(pattern: GraphNode, graphPath: GraphPath): GraphNode | null {
  let graph: GraphNode = pattern;
  for (const name of graphPath) {
    const next = graph.nodes.find((n) => n.name === name);
    if (next?.type !== "COMPOSITE") return null;
    graph = next;
  }
  return graph;
}

/**
 * `pattern` with the graph at `graphPath` replaced by `update(graph)`; `pattern` itself when the
 * path does not lead to a group or the update changed nothing.
 */
export function updateGraphAt(
  pattern: GraphNode,
  graphPath: GraphPath,
  update: (graph: GraphNode) => GraphNode,
): GraphNode {
  const [head, ...rest] = graphPath;
  if (head === undefined) return update(pattern);
  const index = pattern.nodes.findIndex((node) => node.type === "COMPOSITE" && node.name === head);
  const group = pattern.nodes[index];
  if (group?.type !== "COMPOSITE") return pattern;
  const next = updateGraphAt(group, rest, update);
  if (next === group) return pattern;
  return { ...pattern, nodes: pattern.nodes.map((node, i) => (i === index ? next : node)) };
}

/** The node called `name` directly in `graph`. */
export function nodeIn(graph: GraphNode, name: string): PatternNode | undefined {
  return graph.nodes.find((n) => n.name === name);
}

/** Every node name in the pattern, groups and their inner stages included. */
export function allNodeNames(pattern: GraphNode): Set<string> {
  const names = new Set<string>();
  const visit = (graph: GraphNode) => {
    for (const node of graph.nodes) {
      names.add(node.name);
      if (node.type === "COMPOSITE") visit(node);
    }
  };
  visit(pattern);
  return names;
}

/** `base` if free, else `base_2`, `base_3`, … — the first name not in `taken`. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}_${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** `prefix_N` with the smallest N ≥ 1 not in `taken` (`stage_3`, `group_1`). */
export function numberedName(prefix: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const candidate = `${prefix}_${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A stage's positions key: `[...graphPath, name].join("/")`. */
export function stageKey(graphPath: GraphPath, name: string): StageKey {
  return [...graphPath, name].join("/");
}
