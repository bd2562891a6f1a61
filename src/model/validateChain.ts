/**
 * Shape rules of one graph level, as dynamic CEP's `GraphSpec.toPattern` walks it: the begin
 * stage is the one node no edge targets, and each stage's single outgoing edge leads to the next.
 * Anything else (branches, cycles, dangling edges, unconnected stages, duplicate names) is
 * reported, not guessed at, and all of it at once: a stage with a duplicate name does not hide an
 * unconnected one. {@link stageChain} finds the problems; this module words them with their JSON
 * paths.
 */
import type { Findings } from "./patternFindings.ts";
import { joinPath } from "./patternFindings.ts";
import type { EdgeContiguity, GraphNode, PatternNode } from "./pattern.ts";
import { stageChain } from "./stageChain.ts";
import type { ChainIssue } from "./stageChain.ts";

/** A stage in chain order, with where it sits in its graph. */
export interface ChainLink {
  readonly node: PatternNode;
  /** JSON path of the node (`nodes[1]`, `nodes[0].nodes[2]`). */
  readonly path: string;
  /** The edge into this stage; null for the begin stage. */
  readonly edge: { readonly type: EdgeContiguity; readonly path: string } | null;
  readonly previous: ChainLink | null;
}

/** Which step of the walk found an issue. */
function stepOf(issue: ChainIssue): "names" | "edges" | "walk" {
  switch (issue.kind) {
    case "emptyName":
    case "duplicateName":
      return "names";
    case "unknownEnd":
    case "selfLoop":
    case "extraOutgoing":
    case "extraIncoming":
      return "edges";
    case "begins":
    case "cycle":
    case "unreachable":
      return "walk";
  }
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
  const { links, issues } = stageChain(graph);
  const shape = issues.filter((issue) => stepOf(issue) !== "walk");
  for (const issue of shape) reportIssue(graph, path, group, issue, NO_WALK, findings);
  const unconnected = unconnectedStages(graph);
  for (const i of unconnected) {
    findings.error(
      graph.nodes[i]?.name || null,
      joinPath(path, `nodes[${i}]`),
      "the stage is not connected: no edge leads to it or from it, and a pattern is one linear chain",
    );
  }
  // A walk over edges that branch, merge or dangle only restates those edge problems.
  if (!shape.some((issue) => stepOf(issue) === "edges")) {
    const walk = walkConnected(graph, unconnected);
    for (const issue of walk.issues) reportIssue(graph, path, group, issue, walk, findings);
  }
  if (issues.length > 0 || unconnected.length > 0) return null;

  const chain: ChainLink[] = [];
  let previous: ChainLink | null = null;
  for (const link of links) {
    const edgePath = link.edgeIndex === null ? null : joinPath(path, `edges[${link.edgeIndex}]`);
    const current: ChainLink = {
      node: link.node,
      path: joinPath(path, `nodes[${link.nodeIndex}]`),
      edge: link.contiguity !== null && edgePath !== null ? { type: link.contiguity, path: edgePath } : null,
      previous,
    };
    chain.push(current);
    previous = current;
  }
  return chain;
}

/** What the walk over the connected stages found, for wording its issues. */
interface Walk {
  readonly issues: readonly ChainIssue[];
  /** The stage the walk started at. */
  readonly beginName: string;
  /** The names walked over: with no begin stage, they all sit on cycles. */
  readonly walked: readonly string[];
}

const NO_WALK: Walk = { issues: [], beginName: "", walked: [] };

/**
 * Stages (by index) that no edge names, at a level with more than one stage name. Each is said
 * as itself — rather than only as one more begin stage — so the canvas marks the stage.
 */
function unconnectedStages(graph: GraphNode): number[] {
  const names = new Set(graph.nodes.map((node) => node.name));
  if (names.size < 2) return [];
  const ends = new Set(graph.edges.flatMap((edge) => [edge.source, edge.target]));
  return graph.nodes.flatMap((node, i) => (ends.has(node.name) ? [] : [i]));
}

/**
 * The begin and walk issues of the connected stages, one node per name, with node indices of
 * `graph`: a duplicate name or an unconnected stage is already said, and must not come back as
 * a second begin stage or a stage off the chain.
 */
function walkConnected(graph: GraphNode, unconnected: readonly number[]): Walk {
  const kept: number[] = [];
  const names = new Set<string>();
  graph.nodes.forEach((node, i) => {
    if (unconnected.includes(i) || names.has(node.name)) return;
    names.add(node.name);
    kept.push(i);
  });
  if (kept.length === 0) return NO_WALK;
  const walked = stageChain({ ...graph, nodes: kept.flatMap((i) => graph.nodes[i] ?? []) });
  const issues = walked.issues.flatMap((issue): ChainIssue[] => {
    if (issue.kind === "unreachable") return [{ ...issue, nodes: issue.nodes.flatMap((i) => kept[i] ?? []) }];
    return stepOf(issue) === "walk" ? [issue] : [];
  });
  return {
    issues,
    beginName: walked.links[0]?.node.name ?? "",
    walked: kept.map((i) => graph.nodes[i]?.name ?? ""),
  };
}

function reportIssue(
  graph: GraphNode,
  path: string,
  group: string | null,
  issue: ChainIssue,
  walk: Walk,
  findings: Findings,
): void {
  const where = group === null ? "" : `group '${group}': `;
  switch (issue.kind) {
    case "emptyName":
      findings.error(
        null,
        joinPath(path, `nodes[${issue.node}].name`),
        `${where}every stage needs a non-empty name`,
      );
      return;
    case "duplicateName":
      findings.error(
        issue.name,
        joinPath(path, `nodes[${issue.node}].name`),
        "another stage at this level has the same name, so edges cannot tell them apart",
      );
      return;
    case "unknownEnd": {
      const known = graph.nodes.map((n) => `'${n.name}'`).join(", ");
      findings.error(
        null,
        `${joinPath(path, `edges[${issue.edge}]`)}.${issue.end}`,
        `${where}edge ${issue.end} '${issue.name}' names no stage of this graph (stages: ${known})`,
      );
      return;
    }
    case "selfLoop":
      findings.error(
        issue.stage,
        joinPath(path, `edges[${issue.edge}]`),
        "an edge leads from the stage to itself; a pattern is one linear chain",
      );
      return;
    case "extraOutgoing":
      // GraphSpec keys edges by source, so Flink would silently keep only the last one.
      findings.error(
        issue.stage,
        `${joinPath(path, `edges[${issue.edge}]`)}.source`,
        "the stage has more than one outgoing edge; a pattern is one linear chain",
      );
      return;
    case "extraIncoming":
      findings.error(
        issue.stage,
        `${joinPath(path, `edges[${issue.edge}]`)}.target`,
        "the stage has more than one incoming edge; a pattern is one linear chain",
      );
      return;
    case "begins": {
      const quoted = (names: readonly string[]) => names.map((name) => `'${name}'`).join(", ");
      findings.error(
        null,
        joinPath(path, "edges"),
        `${where}There must be exactly one begin node (a stage no edge leads to), but there are ${issue.begins.length}` +
          (issue.begins.length === 0
            ? ` (the edges form a cycle through ${quoted(walk.walked)})`
            : `: ${quoted(issue.begins.map((n) => n.name))}`),
      );
      return;
    }
    case "cycle":
      // Only follows from an edge problem, which is said instead; listed for completeness.
      findings.error(issue.stage, joinPath(path, "edges"), "the edges form a cycle through the stage");
      return;
    case "unreachable":
      // With one begin and at most one edge in and out of each stage, the rest sit on a cycle.
      for (const i of issue.nodes) {
        findings.error(
          graph.nodes[i]?.name ?? null,
          joinPath(path, `nodes[${i}]`),
          `the stage is not on the chain that starts at '${walk.beginName}' (its edges form a cycle)`,
        );
      }
      return;
  }
}
