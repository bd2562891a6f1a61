import { useEffect, useRef } from "react";
import type { RefObject } from "react";
import { useReactFlow } from "@xyflow/react";
import { STAGE_SIZE } from "./designerGeometry.ts";
import { FIT_PADDING, MIN_READABLE_ZOOM, nodesToFit, placedNode } from "./fitTarget.ts";
import type { DesignerEdge, DesignerNode } from "./flowTypes.ts";

const FIT_PADDING_OPTION = {
  top: `${FIT_PADDING.top}px`,
  right: `${FIT_PADDING.right}px`,
  bottom: `${FIT_PADDING.bottom}px`,
  left: `${FIT_PADDING.left}px`,
} as const;

/**
 * How the canvas fits its view on its own: clear of the pattern badge and the controls, never
 * zoomed in past 110 %, and never out below 50 %, where stage text stops being readable (the
 * minimap and the fit-view control show a long pattern whole).
 */
export const FIT_VIEW_OPTIONS = {
  padding: FIT_PADDING_OPTION,
  minZoom: MIN_READABLE_ZOOM,
  maxZoom: 1.1,
} as const;

/** The fit-view control: the whole pattern, however small. */
export const FIT_ALL_OPTIONS = { padding: FIT_PADDING_OPTION, maxZoom: 1.1 } as const;

/**
 * Fits the view when a different pattern comes on the canvas (another rule, an import, a
 * template: the rule changed or none of the previous stages is still there): the whole pattern,
 * or the start of a chain too long to read whole. A stage added outside the view brings it in:
 * the whole pattern if that stays readable, else the view pans just enough to show the new stage,
 * keeping as much of the rest as fits. Other edits keep the user's viewport. Returns the fit the
 * "auto layout" control uses after it rearranges the stages.
 */
export function useAutoFitView(
  ruleKey: string,
  nodes: readonly DesignerNode[],
  container: RefObject<HTMLElement | null>,
): () => void {
  const { fitView, getNodes, getViewport, setViewport, getInternalNode, flowToScreenPosition } = useReactFlow<
    DesignerNode,
    DesignerEdge
  >();
  const shown = useRef<{ ruleKey: string; ids: ReadonlySet<string> } | null>(null);

  useEffect(() => {
    const ids = new Set(nodes.map((n) => n.id));
    const previous = shown.current;
    shown.current = { ruleKey, ids };
    if (previous?.ruleKey !== ruleKey || (ids.size > 0 && ![...ids].some((id) => previous.ids.has(id)))) {
      fitReadable(fitView, container.current, nodes);
      return;
    }
    const bounds = container.current?.getBoundingClientRect();
    if (!bounds) return;
    const added = [...ids].filter((id) => !previous.ids.has(id));
    const outside = added
      .map((id) => getInternalNode(id)?.internals.positionAbsolute)
      .find((at) => {
        if (!at) return false;
        const topLeft = flowToScreenPosition(at);
        const bottomRight = flowToScreenPosition({ x: at.x + STAGE_SIZE.width, y: at.y + STAGE_SIZE.height });
        return (
          topLeft.x < bounds.left ||
          topLeft.y < bounds.top ||
          bottomRight.x > bounds.right ||
          bottomRight.y > bounds.bottom
        );
      });
    if (!outside) return;
    const top = nodes.filter((n) => n.parentId === undefined).map(placedNode);
    if (nodesToFit(top, bounds.width, bounds.height) === null) {
      fitReadable(fitView, container.current, nodes, 200);
      return;
    }
    // Too long to show whole: pan just far enough that the new stage is in view, so the stages
    // before it stay on the canvas as far as they fit (not centred, which pushes them off).
    const { x, y, zoom } = getViewport();
    const left = outside.x * zoom + x;
    const right = (outside.x + STAGE_SIZE.width) * zoom + x;
    const upper = outside.y * zoom + y;
    const lower = (outside.y + STAGE_SIZE.height) * zoom + y;
    const dx =
      right > bounds.width - FIT_PADDING.right
        ? bounds.width - FIT_PADDING.right - right
        : left < FIT_PADDING.left
          ? FIT_PADDING.left - left
          : 0;
    const dy =
      lower > bounds.height - FIT_PADDING.bottom
        ? bounds.height - FIT_PADDING.bottom - lower
        : upper < FIT_PADDING.top
          ? FIT_PADDING.top - upper
          : 0;
    void setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
  }, [ruleKey, nodes, container, fitView, getViewport, setViewport, getInternalNode, flowToScreenPosition]);

  return () => {
    // After the document change has been drawn (the stages moved), not before.
    requestAnimationFrame(() => {
      requestAnimationFrame(() => {
        fitReadable(fitView, container.current, getNodes(), 200);
      });
    });
  };
}

type FitView = ReturnType<typeof useReactFlow<DesignerNode, DesignerEdge>>["fitView"];

/** Fits the whole pattern, or the start of one too long to read whole, into `element`'s canvas. */
function fitReadable(
  fitView: FitView,
  element: HTMLElement | null,
  all: readonly DesignerNode[],
  duration?: number,
): void {
  const bounds = element?.getBoundingClientRect();
  const top = all.filter((n) => n.parentId === undefined).map(placedNode);
  const ids = bounds ? nodesToFit(top, bounds.width, bounds.height) : null;
  void fitView({
    ...FIT_VIEW_OPTIONS,
    ...(ids ? { nodes: ids.map((id) => ({ id })) } : {}),
    ...(duration === undefined ? {} : { duration }),
  });
}
