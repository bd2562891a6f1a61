/**
 * Automatic layout of a rule's pattern with dagre: stages flow left to right in chain order, and
 * groups are laid out inside-out (a group's inner graph first, so the group enters the outer
 * layout as one box of the right size). Pure and deterministic: the same rule always gives the
 * same positions, which is what lets the canvas place stages that have no stored position.
 */
import { Graph, layout } from "@dagrejs/dagre";
import type { EdgeLabel, GraphLabel, NodeLabel } from "@dagrejs/dagre";
import { stageKey } from "../document/edits/graphAccess.ts";
import type { StageKey, StagePosition } from "../document/studioDocument.ts";
import type { GraphNode, Rule } from "../model/pattern.ts";
import { GROUP_PADDING, LAYOUT_GAPS, STAGE_SIZE, groupSizeFor } from "./designerGeometry.ts";
import type { Size } from "./designerGeometry.ts";

interface GraphLayout {
  readonly size: Size;
  /** Every stage of this graph and of its groups, keyed by stage key; relative to the enclosing graph. */
  readonly positions: Map<StageKey, StagePosition>;
}

/**
 * Positions for every stage of `rule` (groups and their inner stages too), keyed by stage key;
 * positions inside a group are relative to the group, as React Flow's sub flows expect. Stages
 * that share a name (a rule Flink would reject) get the first one's position.
 */
export function layoutRule(rule: Rule): Record<StageKey, StagePosition> {
  return Object.fromEntries(layoutGraph(rule.pattern, [], { x: 0, y: 0 }).positions);
}

/** Lays out one graph level; its direct stages are shifted by `origin` (a group's padding). */
function layoutGraph(graph: GraphNode, graphPath: readonly string[], origin: StagePosition): GraphLayout {
  // A Map, not a record: stage names such as `constructor` or `__proto__` are keys like any other.
  const positions = new Map<StageKey, StagePosition>();
  const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: "LR", ranksep: LAYOUT_GAPS.rank, nodesep: LAYOUT_GAPS.node, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));

  // dagre ids are node indexes: names may repeat in a broken rule, and every node must still be drawn.
  const idByName = new Map<string, string>();
  const inner = new Map<string, GraphLayout>();
  graph.nodes.forEach((node, i) => {
    const id = String(i);
    if (!idByName.has(node.name)) idByName.set(node.name, id);
    let size = STAGE_SIZE;
    if (node.type === "COMPOSITE") {
      const nested = layoutGraph(node, [...graphPath, node.name], {
        x: GROUP_PADDING.left,
        y: GROUP_PADDING.top,
      });
      inner.set(id, nested);
      size = groupSizeFor(
        node.nodes.length > 0 ? [{ x: GROUP_PADDING.left, y: GROUP_PADDING.top, ...nested.size }] : [],
      );
    }
    g.setNode(id, { width: size.width, height: size.height });
  });
  for (const edge of graph.edges) {
    const source = idByName.get(edge.source);
    const target = idByName.get(edge.target);
    if (source !== undefined && target !== undefined && source !== target) g.setEdge(source, target);
  }
  layout(g);

  // Rows align on the stage name line, not on box centres: a stage's top, and a group's first
  // inner row, sit where a stage of the row would, so chains through groups draw straight edges.
  const boxes = graph.nodes.map((node, i) => {
    const label = g.node(String(i));
    const rowTop = (label.y ?? 0) - STAGE_SIZE.height / 2;
    return {
      x: Math.round((label.x ?? 0) - label.width / 2),
      y: Math.round(node.type === "COMPOSITE" ? rowTop - GROUP_PADDING.top : rowTop),
      width: label.width,
      height: label.height,
    };
  });
  const left = Math.min(0, ...boxes.map((b) => b.x));
  const top = Math.min(0, ...boxes.map((b) => b.y));
  let width = 0;
  let height = 0;
  graph.nodes.forEach((node, i) => {
    const box = boxes[i];
    if (!box) return;
    const x = box.x - left;
    const y = box.y - top;
    width = Math.max(width, x + box.width);
    height = Math.max(height, y + box.height);
    const key = stageKey(graphPath, node.name);
    if (positions.has(key)) return;
    positions.set(key, { x: x + origin.x, y: y + origin.y });
    const nested = inner.get(String(i));
    if (nested) for (const [k, p] of nested.positions) positions.set(k, p);
  });
  return { size: { width, height }, positions };
}
