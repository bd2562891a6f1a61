/**
 * Shape rules of one graph level, as dynamic CEP's `GraphSpec.toPattern` walks it: the begin
 * stage is the one node no edge targets, and each stage's single outgoing edge leads to the next.
 * Anything else (branches, cycles, dangling or duplicate names) is reported, not guessed at.
 */
import type { Findings } from "./patternFindings.ts";
import { joinPath } from "./patternFindings.ts";
import type { Edge, EdgeContiguity, GraphNode, PatternNode } from "./pattern.ts";

/** A stage in chain order, with where it sits in its graph. */
export interface ChainLink {
  readonly node: PatternNode;
  /** JSON path of the node (`nodes[1]`, `nodes[0].nodes[2]`). */
  readonly path: string;
  /** The edge into this stage; null for the begin stage. */
  readonly edge: { readonly type: EdgeContiguity; readonly path: string } | null;
  readonly previous: ChainLink | null;
}

interface IndexedEdge {
  readonly edge: Edge;
  readonly k: number;
}

/**
 * Orders the stages of `graph` from its begin stage. Returns null (after reporting every
 * problem) when the nodes and edges do not form exactly one linear chain.
 * `group` names the group this graph belongs to, or is null for the top level.
 */
export function linkChain(
  graph: GraphNode,
  path: string,
  group: string | null,
  findings: Findings,
): ChainLink[] | null {
  const where = group === null ? "" : `group '${group}': `;
  const index = indexNodes(graph, path, where, findings);
  const edges = indexEdges(graph, path, where, index, findings);
  if (!index || !edges) return null;
  const { outgoing, incoming } = edges;

  const begins = graph.nodes.filter((node) => !incoming.has(node.name));
  const [begin] = begins;
  if (begins.length !== 1 || !begin) {
    const names = begins.map((n) => `'${n.name}'`).join(", ");
    findings.error(
      null,
      joinPath(path, "edges"),
      `${where}There must be exactly one begin node (a stage no edge leads to), but there are ${begins.length}` +
        (begins.length === 0 ? " (the edges form a cycle)" : `: ${names}`),
    );
    return null;
  }

  const chain: ChainLink[] = [];
  let previous: ChainLink | null = null;
  for (let node: PatternNode | undefined = begin; node !== undefined;) {
    const into = incoming.get(node.name);
    const link: ChainLink = {
      node,
      path: joinPath(path, `nodes[${String(index.get(node.name))}]`),
      edge: into && previous ? { type: into.edge.type, path: joinPath(path, `edges[${into.k}]`) } : null,
      previous,
    };
    chain.push(link);
    previous = link;
    const out = outgoing.get(node.name);
    node = out ? graph.nodes[index.get(out.edge.target) ?? -1] : undefined;
  }
  if (chain.length === graph.nodes.length) return chain;

  // With one begin and at most one edge in and out of each stage, the rest sit on a cycle.
  const onChain = new Set(chain.map((link) => link.node.name));
  graph.nodes.forEach((node, i) => {
    if (!onChain.has(node.name)) {
      findings.error(
        node.name,
        joinPath(path, `nodes[${i}]`),
        `the stage is not on the chain that starts at '${begin.name}' (its edges form a cycle)`,
      );
    }
  });
  return null;
}

/** Name → index in `nodes`; null when a name is empty or repeated at this level. */
function indexNodes(
  graph: GraphNode,
  path: string,
  where: string,
  findings: Findings,
): Map<string, number> | null {
  const index = new Map<string, number>();
  let ok = true;
  for (const [i, node] of graph.nodes.entries()) {
    const namePath = joinPath(path, `nodes[${i}].name`);
    if (node.name === "") {
      findings.error(null, namePath, `${where}every stage needs a non-empty name`);
      ok = false;
    } else if (index.has(node.name)) {
      findings.error(
        node.name,
        namePath,
        "another stage at this level has the same name, so edges cannot tell them apart",
      );
      ok = false;
    } else {
      index.set(node.name, i);
    }
  }
  return ok ? index : null;
}

/** Edges keyed by source and by target; null when an edge dangles, loops or branches. */
function indexEdges(
  graph: GraphNode,
  path: string,
  where: string,
  index: Map<string, number> | null,
  findings: Findings,
): { outgoing: Map<string, IndexedEdge>; incoming: Map<string, IndexedEdge> } | null {
  const outgoing = new Map<string, IndexedEdge>();
  const incoming = new Map<string, IndexedEdge>();
  const known = graph.nodes.map((n) => `'${n.name}'`).join(", ");
  let ok = true;
  for (const [k, edge] of graph.edges.entries()) {
    const edgePath = joinPath(path, `edges[${k}]`);
    let endsKnown = true;
    for (const end of ["source", "target"] as const) {
      if (!graph.nodes.some((node) => node.name === edge[end])) {
        findings.error(
          null,
          `${edgePath}.${end}`,
          `${where}edge ${end} '${edge[end]}' names no stage of this graph (stages: ${known})`,
        );
        endsKnown = false;
      }
    }
    if (!endsKnown || !index) {
      ok = false;
      continue;
    }
    if (edge.source === edge.target) {
      findings.error(
        edge.source,
        edgePath,
        "an edge leads from the stage to itself; a pattern is one linear chain",
      );
      ok = false;
      continue;
    }
    if (outgoing.has(edge.source)) {
      // GraphSpec keys edges by source, so Flink would silently keep only the last one.
      findings.error(
        edge.source,
        `${edgePath}.source`,
        "the stage has more than one outgoing edge; a pattern is one linear chain",
      );
      ok = false;
    } else {
      outgoing.set(edge.source, { edge, k });
    }
    if (incoming.has(edge.target)) {
      findings.error(
        edge.target,
        `${edgePath}.target`,
        "the stage has more than one incoming edge; a pattern is one linear chain",
      );
      ok = false;
    } else {
      incoming.set(edge.target, { edge, k });
    }
  }
  return ok ? { outgoing, incoming } : null;
}
