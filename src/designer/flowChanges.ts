/**
 * React Flow changes → document and selection values (pure; tested). The canvas feeds these
 * with the changes React Flow reports and applies the results through the document store and
 * the selection store, so a drawn element never holds state of its own.
 */
import type { EdgeChange, NodeChange } from "@xyflow/react";
import type { StageKey, StagePosition } from "../document/studioDocument.ts";
import { GROUP_PADDING } from "./designerGeometry.ts";
import type { DesignerEdge, DesignerNode, FlowRef } from "./flowTypes.ts";
import type { Selection } from "./selectionStore.ts";

/** The React Flow ids of what `selection` covers. */
export function selectedIds(selection: Selection, refs: ReadonlyMap<string, FlowRef>): Set<string> {
  const ids = new Set<string>();
  for (const [id, ref] of refs) {
    if (selection.type === "stages" && ref.kind === "stage") {
      if (samePath(ref.graphPath, selection.graphPath) && selection.names.includes(ref.name)) ids.add(id);
    } else if (selection.type === "edge" && ref.kind === "edge") {
      if (
        samePath(ref.graphPath, selection.graphPath) &&
        ref.source === selection.source &&
        ref.target === selection.target
      ) {
        ids.add(id);
      }
    }
  }
  return ids;
}

/**
 * The selection after React Flow's `select` changes (node or edge changes; others are ignored).
 * Stages win over edges; stages of several graphs narrow to the graph of the last one selected,
 * as a selection holds the stages of one graph.
 */
export function selectionAfter(
  current: Selection,
  changes: readonly (NodeChange<DesignerNode> | EdgeChange<DesignerEdge>)[],
  refs: ReadonlyMap<string, FlowRef>,
): Selection {
  const selects = changes.filter((c) => c.type === "select");
  if (selects.length === 0) return current;
  const ids = selectedIds(current, refs);
  let last: string | null = null;
  for (const change of selects) {
    if (change.selected) {
      ids.add(change.id);
      last = change.id;
    } else {
      ids.delete(change.id);
    }
  }
  const stages = [...ids].map((id) => ({ id, ref: refs.get(id) })).filter((e) => e.ref?.kind === "stage");
  const lastStage = last === null ? undefined : refs.get(last);
  const anchor = lastStage?.kind === "stage" ? lastStage : stages[0]?.ref;
  if (anchor?.kind === "stage") {
    const names = new Set<string>();
    for (const { ref } of stages) {
      if (ref?.kind === "stage" && samePath(ref.graphPath, anchor.graphPath)) names.add(ref.name);
    }
    return { type: "stages", graphPath: anchor.graphPath, names: [...names] };
  }
  const edgeRef = [...ids].map((id) => refs.get(id)).find((ref) => ref?.kind === "edge");
  if (edgeRef?.kind === "edge") {
    return { type: "edge", graphPath: edgeRef.graphPath, source: edgeRef.source, target: edgeRef.target };
  }
  return current.type === "pattern" && last === null ? current : { type: "none" };
}

/** What position changes of one batch mean for the document. */
interface PositionUpdate {
  /** New positions by stage key (inner stages kept inside their group's padding). */
  readonly positions: Record<StageKey, StagePosition>;
  /** True while the user is still dragging; false once a drag ended (or for a keyboard move). */
  readonly dragging: boolean;
  /** True when a drag ended in this batch. */
  readonly ended: boolean;
}

/** Reads the `position` changes of one `onNodesChange` batch; null when it holds none. */
export function positionUpdate(
  changes: readonly NodeChange<DesignerNode>[],
  refs: ReadonlyMap<string, FlowRef>,
): PositionUpdate | null {
  const positions = new Map<StageKey, StagePosition>();
  let any = false;
  let dragging = false;
  let ended = false;
  for (const change of changes) {
    if (change.type !== "position") continue;
    any = true;
    if (change.dragging === true) dragging = true;
    if (change.dragging === false) ended = true;
    const ref = refs.get(change.id);
    if (!change.position || ref?.kind !== "stage") continue;
    const inGroup = ref.graphPath.length > 0;
    // A group grows to the right and down around its stages; its header and left edge stay clear.
    positions.set(ref.stageKey, {
      x: Math.round(inGroup ? Math.max(GROUP_PADDING.left, change.position.x) : change.position.x),
      y: Math.round(inGroup ? Math.max(GROUP_PADDING.top, change.position.y) : change.position.y),
    });
  }
  // Built from entries, so a stage named `__proto__` is a key, not a prototype.
  return any ? { positions: Object.fromEntries(positions), dragging, ended } : null;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}
