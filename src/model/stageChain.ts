/**
 * Orders a graph's stages the way dynamic CEP's `GraphSpec.toPattern` walks them: start at the
 * one node no edge targets, then follow each node's outgoing edge. The exporters and the app's
 * views read stages in this order; each link carries the contiguity of the edge into it (null for the begin stage).
 */
import type { EdgeContiguity, GraphNode, PatternNode, Rule } from "./pattern.ts";

/** The pattern graph of a rule, or the graph itself. */
export function graphOf(input: Rule | GraphNode): GraphNode {
  return "pattern" in input ? input.pattern : input;
}

/** A stage in chain order with the contiguity of the edge that leads to it. */
export interface ChainLink {
  readonly node: PatternNode;
  /** null for the begin stage. */
  readonly contiguity: EdgeContiguity | null;
}

/** The chain plus whatever stopped it from being a clean linear chain. */
export interface StageChain {
  readonly links: readonly ChainLink[];
  /** Human-readable problems (several begins, branches, cycles, dangling edges, unreachable stages). */
  readonly problems: readonly string[];
}

/** Walks `graph` from its begin stage; never throws, reports problems instead. */
export function stageChain(graph: GraphNode): StageChain {
  const problems: string[] = [];
  const byName = new Map<string, PatternNode>();
  for (const node of graph.nodes) {
    if (byName.has(node.name)) problems.push(`two stages are named '${node.name}'`);
    byName.set(node.name, node);
  }
  const outgoing = new Map<string, { target: string; type: EdgeContiguity }>();
  const targeted = new Set<string>();
  for (const edge of graph.edges) {
    for (const end of [edge.source, edge.target]) {
      if (!byName.has(end)) problems.push(`an edge names the unknown stage '${end}'`);
    }
    if (outgoing.has(edge.source)) {
      // GraphSpec keys edges by source, so Flink silently keeps one; we say so.
      problems.push(`stage '${edge.source}' has more than one outgoing edge (patterns are linear chains)`);
      continue;
    }
    outgoing.set(edge.source, { target: edge.target, type: edge.type });
    targeted.add(edge.target);
  }

  const begins = graph.nodes.filter((node) => !targeted.has(node.name));
  if (begins.length !== 1) {
    problems.push(`there must be exactly one begin stage (a stage no edge leads to), found ${begins.length}`);
  }
  const links: ChainLink[] = [];
  const seen = new Set<string>();
  let current = begins[0];
  let contiguity: EdgeContiguity | null = null;
  while (current && !seen.has(current.name)) {
    seen.add(current.name);
    links.push({ node: current, contiguity });
    const edge = outgoing.get(current.name);
    if (!edge) break;
    contiguity = edge.type;
    current = byName.get(edge.target);
    if (current && seen.has(current.name)) problems.push(`the edges form a cycle through '${current.name}'`);
  }
  const unreachable = graph.nodes.filter((node) => !seen.has(node.name)).map((node) => `'${node.name}'`);
  if (begins.length === 1 && unreachable.length > 0) {
    problems.push(`stage(s) ${unreachable.join(", ")} cannot be reached from the begin stage`);
  }
  return { links, problems };
}
