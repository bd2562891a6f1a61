/**
 * Automatic layout of a rule's pattern with dagre (a simple layered layout for very large levels):
 * stages flow left to right in chain order, and groups are laid out inside-out (a group's inner graph first, so the group enters the outer
 * layout as one box of the right size). Pure and deterministic: the same rule always gives the
 * same positions, which is what lets the canvas place stages that have no stored position.
 */
import { Graph, layout } from "@dagrejs/dagre";
import type { EdgeLabel, GraphLabel, NodeLabel } from "@dagrejs/dagre";
import { stageKey } from "../document/edits/graphAccess.ts";
import type { StageKey, StagePosition } from "../document/studioDocument.ts";
import type { GraphNode, Rule } from "../model/pattern.ts";
import { GROUP_PADDING, LAYOUT_GAPS, STAGE_SIZE, groupSizeFor } from "./designerGeometry.ts";
import type { Rect, Size } from "./designerGeometry.ts";
import { layeredBoxes, type LayoutEdge } from "./layeredLayout.ts";

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

/**
 * Up to this many stages on one level dagre lays it out. Beyond, it is slow (about 3 s for 1 000
 * stages, on the main thread) and recurses once per chain link, which overflows the browser's
 * stack on long chains (a 2 000-stage import took the app down): the layered layout takes over.
 */
const DAGRE_MAX_STAGES = 150;

/**
 * How many edges beyond one per stage dagre is given. A pattern Flink accepts is one chain
 * (stages − 1 edges); the extra edges of a broken rule make dagre's cycle breaking and crossing
 * minimisation blow up (30 stages joined every way, 870 edges, froze the tab for 5 s; 150 stages
 * with 50 extra edges took about a second), so a level with more goes to the layered layout.
 */
const DAGRE_MAX_EXTRA_EDGES = 16;

/** Lays out one graph level; its direct stages are shifted by `origin` (a group's padding). */
function layoutGraph(graph: GraphNode, graphPath: readonly string[], origin: StagePosition): GraphLayout {
  // A Map, not a record: stage names such as `constructor` or `__proto__` are keys like any other.
  const positions = new Map<StageKey, StagePosition>();
  // Nodes by index: names may repeat in a broken rule, and every node must still be drawn.
  const indexByName = new Map<string, number>();
  const inner = new Map<number, GraphLayout>();
  const sizes = graph.nodes.map((node, i): Size => {
    if (!indexByName.has(node.name)) indexByName.set(node.name, i);
    if (node.type !== "COMPOSITE") return STAGE_SIZE;
    const nested = layoutGraph(node, [...graphPath, node.name], {
      x: GROUP_PADDING.left,
      y: GROUP_PADDING.top,
    });
    inner.set(i, nested);
    return groupSizeFor(
      node.nodes.length > 0 ? [{ x: GROUP_PADDING.left, y: GROUP_PADDING.top, ...nested.size }] : [],
    );
  });
  const edges = layoutEdges(graph, indexByName);
  const small = sizes.length <= DAGRE_MAX_STAGES && edges.length <= sizes.length + DAGRE_MAX_EXTRA_EDGES;
  const laid = small ? dagreBoxes(sizes, edges) : layeredBoxes(sizes, edges);
  // Rows align on the stage name line, not on box tops: a group's first inner row sits where a
  // stage of the row would, so chains through groups draw straight edges.
  const boxes = laid.map((box, i) =>
    graph.nodes[i]?.type === "COMPOSITE" ? { ...box, y: box.y - GROUP_PADDING.top } : box,
  );
  // Shift by the boxes' own top-left: dagre centres rows on the tallest box, so the stages of a
  // row beside a tall group start far below 0, and that space, doubled at every nesting level,
  // made deeply nested groups millions of pixels tall.
  let left = boxes.length > 0 ? Infinity : 0;
  let top = boxes.length > 0 ? Infinity : 0;
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
  }
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
    const nested = inner.get(i);
    if (nested) for (const [k, p] of nested.positions) positions.set(k, p);
  });
  return { size: { width, height }, positions };
}

/**
 * The level's edges between node indexes, each pair once: repeated edges, self-loops and edges
 * to stages that do not exist (a broken rule) say nothing more about where stages go.
 */
function layoutEdges(graph: GraphNode, indexByName: ReadonlyMap<string, number>): LayoutEdge[] {
  const edges: LayoutEdge[] = [];
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const source = indexByName.get(edge.source);
    const target = indexByName.get(edge.target);
    if (source === undefined || target === undefined || source === target) continue;
    const pair = `${String(source)}>${String(target)}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    edges.push({ source, target });
  }
  return edges;
}

/**
 * dagre's layout of one level, as top-left boxes whose `y` is the row's stage top (dagre centres
 * boxes of different heights on a row; a stage's top is where the row's name line starts).
 */
function dagreBoxes(sizes: readonly Size[], edges: readonly LayoutEdge[]): Rect[] {
  const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: "LR", ranksep: LAYOUT_GAPS.rank, nodesep: LAYOUT_GAPS.node, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  sizes.forEach((size, i) => g.setNode(String(i), { width: size.width, height: size.height }));
  for (const { source, target } of edges) g.setEdge(String(source), String(target));
  layout(g);
  return sizes.map((size, i) => {
    const label = g.node(String(i));
    return {
      x: Math.round((label.x ?? 0) - size.width / 2),
      y: Math.round((label.y ?? 0) - STAGE_SIZE.height / 2),
      width: size.width,
      height: size.height,
    };
  });
}
