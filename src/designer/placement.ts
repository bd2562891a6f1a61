/**
 * Places stages that have no stored position (after an import, a JSON edit, a paste): a graph
 * level with no stored positions at all gets the automatic layout; in a level that already has
 * some, a missing stage goes right of its chain predecessor when that spot is free, otherwise
 * below everything placed — so nothing lands on top of a stage the user arranged.
 */
import { stageKey } from "../document/edits/graphAccess.ts";
import { positionAt } from "../document/edits/positionKeys.ts";
import type { StageKey, StagePosition } from "../document/studioDocument.ts";
import type { GraphNode, PatternNode, Rule } from "../model/pattern.ts";
import { stageChain } from "../model/stageChain.ts";
import {
  GROUP_PADDING,
  LAYOUT_GAPS,
  NEXT_STAGE_OFFSET,
  STAGE_SIZE,
  groupSizeFor,
} from "./designerGeometry.ts";
import type { Rect, Size } from "./designerGeometry.ts";
import { layoutRule } from "./layout.ts";

type Positions = Readonly<Record<StageKey, StagePosition>>;

/**
 * Positions for the stages of `rule` that `stored` lacks (groups and inner stages included),
 * keyed by stage key; `{}` when every stage has one. Pure and deterministic.
 */
export function missingPositions(rule: Rule, stored: Positions): Record<StageKey, StagePosition> {
  const placed = new Map<StageKey, StagePosition>();
  let layout: Positions | null = null;
  const layoutOf = () => (layout ??= layoutRule(rule));
  placeGraph(rule.pattern, [], stored, placed, layoutOf);
  return Object.fromEntries(placed);
}

/** Places one level (inner levels first, so group sizes are known); returns the level's size. */
function placeGraph(
  graph: GraphNode,
  graphPath: readonly string[],
  stored: Positions,
  placed: Map<StageKey, StagePosition>,
  layoutOf: () => Positions,
): Size {
  const sizes = new Map<string, Size>();
  for (const node of graph.nodes) {
    if (node.type !== "COMPOSITE" || sizes.has(node.name)) continue;
    sizes.set(node.name, placeGraph(node, [...graphPath, node.name], stored, placed, layoutOf));
  }
  const keyOf = (name: string) => stageKey(graphPath, name);
  const sizeOf = (name: string) => sizes.get(name) ?? STAGE_SIZE;
  const storedAt = (name: string) => positionAt(stored, keyOf(name));
  const anyStored = graph.nodes.some((n) => storedAt(n.name) !== undefined);
  const rects: Rect[] = [];
  const at = (name: string) => storedAt(name) ?? placed.get(keyOf(name));
  const place = (name: string, position: StagePosition) => {
    placed.set(keyOf(name), position);
    rects.push({ ...position, ...sizeOf(name) });
  };
  for (const node of graph.nodes) {
    const p = storedAt(node.name);
    if (p) rects.push({ ...p, ...sizeOf(node.name) });
  }

  // Chain order first, so a predecessor is placed before the stage that follows it.
  const links = stageChain(graph).links;
  const order = [...links.map((l) => l.node), ...graph.nodes.filter((n) => !links.some((l) => l.node === n))];
  order.forEach((node, i) => {
    if (at(node.name)) return;
    if (!anyStored) {
      place(node.name, positionAt(layoutOf(), keyOf(node.name)) ?? { x: 0, y: 0 });
      return;
    }
    const previous = i < links.length && i > 0 ? links[i - 1]?.node : undefined;
    const from = previous ? at(previous.name) : undefined;
    // Keep the row's name line: a group's first inner row sits GROUP_PADDING.top below its top.
    const rowOf = (n: PatternNode) => (n.type === "COMPOSITE" ? GROUP_PADDING.top : 0);
    const candidate = from &&
      previous && {
        x: from.x + sizeOf(previous.name).width - STAGE_SIZE.width + NEXT_STAGE_OFFSET.x,
        y: from.y + rowOf(previous) - rowOf(node),
      };
    const size = sizeOf(node.name);
    if (candidate && !rects.some((r) => overlaps(r, { ...candidate, ...size }))) {
      place(node.name, candidate);
      return;
    }
    const left = rects.length > 0 ? Math.min(...rects.map((r) => r.x)) : 0;
    const bottom = rects.length > 0 ? Math.max(...rects.map((r) => r.y + r.height)) : 0;
    place(node.name, { x: left, y: bottom + LAYOUT_GAPS.node });
  });
  return groupSizeFor(rects);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
