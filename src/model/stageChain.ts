/**
 * Orders a graph's stages the way dynamic CEP's `GraphSpec.toPattern` walks them: start at the
 * one node no edge targets, then follow each node's outgoing edge. The exporters, the validator,
 * the compiler and the app's views read stages in this order; each link carries the contiguity
 * of the edge into it (null for the begin stage). This is the one walk that finds shape problems:
 * it records them as {@link ChainIssue}s, and each reader words them its own way.
 */
import type { EdgeContiguity, GraphNode, PatternNode, Rule } from "./pattern.ts";

/** The pattern graph of a rule, or the graph itself. */
export function graphOf(input: Rule | GraphNode): GraphNode {
  return "pattern" in input ? input.pattern : input;
}

/** A stage in chain order with the contiguity of the edge that leads to it. */
export interface ChainLink {
  readonly node: PatternNode;
  /** Where the stage sits in `graph.nodes`. */
  readonly nodeIndex: number;
  /** null for the begin stage. */
  readonly contiguity: EdgeContiguity | null;
  /** Where the edge into this stage sits in `graph.edges`; null for the begin stage. */
  readonly edgeIndex: number | null;
}

/**
 * Why a graph level is not one clean linear chain, in the order found: node names (by node),
 * then edges (by edge: unknown source, unknown target, loop, branch, join), then the walk.
 */
export type ChainIssue =
  | { readonly kind: "emptyName"; readonly node: number }
  | { readonly kind: "duplicateName"; readonly node: number; readonly name: string }
  | {
      readonly kind: "unknownEnd";
      readonly edge: number;
      readonly end: "source" | "target";
      readonly name: string;
    }
  /** The edge leads from `stage` to itself (it is not followed). */
  | { readonly kind: "selfLoop"; readonly edge: number; readonly stage: string }
  /** A second edge out of `stage` (the first one is followed). */
  | { readonly kind: "extraOutgoing"; readonly edge: number; readonly stage: string }
  /** A second edge into `stage`. */
  | { readonly kind: "extraIncoming"; readonly edge: number; readonly stage: string }
  /** Not exactly one stage that no edge leads to; `begins` are those stages. */
  | { readonly kind: "begins"; readonly begins: readonly PatternNode[] }
  /** The walk came back to `stage`. */
  | { readonly kind: "cycle"; readonly stage: string }
  /** Stages (by index) the walk from the one begin stage never reached. */
  | { readonly kind: "unreachable"; readonly nodes: readonly number[] };

/** The chain plus whatever stopped it from being a clean linear chain. */
export interface StageChain {
  readonly links: readonly ChainLink[];
  /** What is wrong with the shape; empty for a clean linear chain. */
  readonly issues: readonly ChainIssue[];
  /** The issues as short sentences (several begins, branches, cycles, dangling edges, unreachable stages). */
  readonly problems: readonly string[];
}

/** Walks `graph` from its begin stage; never throws, reports issues instead. */
export function stageChain(graph: GraphNode): StageChain {
  const issues: ChainIssue[] = [];
  const index = new Map<string, number>();
  graph.nodes.forEach((node, i) => {
    if (node.name === "") issues.push({ kind: "emptyName", node: i });
    else if (index.has(node.name)) issues.push({ kind: "duplicateName", node: i, name: node.name });
    if (!index.has(node.name)) index.set(node.name, i);
  });
  const outgoing = new Map<string, number>();
  const incoming = new Map<string, number>();
  graph.edges.forEach((edge, k) => {
    let endsKnown = true;
    for (const end of ["source", "target"] as const) {
      if (!index.has(edge[end])) {
        issues.push({ kind: "unknownEnd", edge: k, end, name: edge[end] });
        endsKnown = false;
      }
    }
    if (!endsKnown) return;
    if (edge.source === edge.target) {
      issues.push({ kind: "selfLoop", edge: k, stage: edge.source });
      return;
    }
    // GraphSpec keys edges by source, so Flink silently keeps one; we say so.
    if (outgoing.has(edge.source)) issues.push({ kind: "extraOutgoing", edge: k, stage: edge.source });
    else outgoing.set(edge.source, k);
    if (incoming.has(edge.target)) issues.push({ kind: "extraIncoming", edge: k, stage: edge.target });
    else incoming.set(edge.target, k);
  });

  const begins = graph.nodes.filter((node) => !incoming.has(node.name));
  if (begins.length !== 1) issues.push({ kind: "begins", begins });
  const links: ChainLink[] = [];
  const seen = new Set<string>();
  let nodeIndex = begins[0] ? graph.nodes.indexOf(begins[0]) : -1;
  let edgeIndex: number | null = null;
  for (let node = graph.nodes[nodeIndex]; node !== undefined; node = graph.nodes[nodeIndex]) {
    if (seen.has(node.name)) {
      issues.push({ kind: "cycle", stage: node.name });
      break;
    }
    seen.add(node.name);
    const contiguity = edgeIndex === null ? null : (graph.edges[edgeIndex]?.type ?? null);
    links.push({ node, nodeIndex, contiguity, edgeIndex });
    const out = outgoing.get(node.name);
    const edge = out === undefined ? undefined : graph.edges[out];
    if (out === undefined || !edge) break;
    edgeIndex = out;
    nodeIndex = index.get(edge.target) ?? -1;
  }
  const unreachable = graph.nodes.flatMap((node, i) => (seen.has(node.name) ? [] : [i]));
  if (begins.length === 1 && unreachable.length > 0) issues.push({ kind: "unreachable", nodes: unreachable });
  return { links, issues, problems: issues.map((issue) => problemText(graph, issue)) };
}

function problemText(graph: GraphNode, issue: ChainIssue): string {
  switch (issue.kind) {
    case "emptyName":
      return "a stage has an empty name";
    case "duplicateName":
      return `two stages are named '${issue.name}'`;
    case "unknownEnd":
      return `an edge names the unknown stage '${issue.name}'`;
    case "selfLoop":
      return `stage '${issue.stage}' has an edge to itself`;
    case "extraOutgoing":
      return `stage '${issue.stage}' has more than one outgoing edge (patterns are linear chains)`;
    case "extraIncoming":
      return `stage '${issue.stage}' has more than one incoming edge (patterns are linear chains)`;
    case "begins":
      return `there must be exactly one begin stage (a stage no edge leads to), found ${issue.begins.length}`;
    case "cycle":
      return `the edges form a cycle through '${issue.stage}'`;
    case "unreachable": {
      const names = issue.nodes.map((i) => `'${graph.nodes[i]?.name ?? ""}'`).join(", ");
      return `stage(s) ${names} cannot be reached from the begin stage`;
    }
  }
}
