/**
 * Shape rules of one graph level, as dynamic CEP's `GraphSpec.toPattern` walks it: the begin
 * stage is the one node no edge targets, and each stage's single outgoing edge leads to the next.
 * Anything else (branches, cycles, dangling or duplicate names) is reported, not guessed at.
 * {@link stageChain} finds the problems; this module words them with their JSON paths.
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

/** Which issues are worth saying: later ones follow from earlier ones and would only add noise. */
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
  const steps = new Set(issues.map(stepOf));
  for (const issue of issues) {
    const step = stepOf(issue);
    // Edges are only checked among well-named stages (except that their ends exist), and the
    // walk only over clean edges.
    const said =
      step === "names" ||
      issue.kind === "unknownEnd" ||
      (step === "edges" && !steps.has("names")) ||
      (step === "walk" && !steps.has("names") && !steps.has("edges"));
    if (said) reportIssue(graph, path, group, issue, links[0]?.node.name ?? "", findings);
  }
  if (issues.length > 0) return null;

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

function reportIssue(
  graph: GraphNode,
  path: string,
  group: string | null,
  issue: ChainIssue,
  beginName: string,
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
      const names = issue.begins.map((n) => `'${n.name}'`).join(", ");
      findings.error(
        null,
        joinPath(path, "edges"),
        `${where}There must be exactly one begin node (a stage no edge leads to), but there are ${issue.begins.length}` +
          (issue.begins.length === 0 ? " (the edges form a cycle)" : `: ${names}`),
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
          `the stage is not on the chain that starts at '${beginName}' (its edges form a cycle)`,
        );
      }
      return;
  }
}
