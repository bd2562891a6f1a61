import { useEffect, useRef } from "react";
import type { RefObject } from "react";
import { useReactFlow } from "@xyflow/react";
import { STAGE_SIZE } from "./designerGeometry.ts";
import type { DesignerEdge, DesignerNode } from "./flowTypes.ts";

/**
 * How the canvas fits its view on its own: some room around the pattern, never zoomed in past
 * 110 %, and never out below 50 %, where stage text stops being readable (the minimap and the
 * fit-view control show a long pattern whole).
 */
export const FIT_VIEW_OPTIONS = { padding: 0.1, minZoom: 0.5, maxZoom: 1.1 } as const;

/** The fit-view control: the whole pattern, however small. */
export const FIT_ALL_OPTIONS = { padding: 0.1, maxZoom: 1.1 } as const;

/**
 * Fits the view when a different pattern comes on the canvas (another rule, an import, a
 * template: the rule changed or none of the previous stages is still there). A stage added outside
 * the view brings it in: the whole pattern if that stays readable, else the new stage centred.
 * Other edits keep the user's viewport.
 */
export function useAutoFitView(
  ruleKey: string,
  nodes: readonly DesignerNode[],
  container: RefObject<HTMLElement | null>,
): void {
  const { fitView, setCenter, getZoom, getNodesBounds, getInternalNode, flowToScreenPosition } = useReactFlow<
    DesignerNode,
    DesignerEdge
  >();
  const shown = useRef<{ ruleKey: string; ids: ReadonlySet<string> } | null>(null);
  useEffect(() => {
    const ids = new Set(nodes.map((n) => n.id));
    const previous = shown.current;
    shown.current = { ruleKey, ids };
    if (previous?.ruleKey !== ruleKey || (ids.size > 0 && ![...ids].some((id) => previous.ids.has(id)))) {
      void fitView(FIT_VIEW_OPTIONS);
      return;
    }
    const bounds = container.current?.getBoundingClientRect();
    const added = [...ids].filter((id) => !previous.ids.has(id));
    const outside = added
      .map((id) => getInternalNode(id)?.internals.positionAbsolute)
      .find((at) => {
        if (!at || !bounds) return false;
        const topLeft = flowToScreenPosition(at);
        const bottomRight = flowToScreenPosition({ x: at.x + STAGE_SIZE.width, y: at.y + STAGE_SIZE.height });
        return (
          topLeft.x < bounds.left ||
          topLeft.y < bounds.top ||
          bottomRight.x > bounds.right ||
          bottomRight.y > bounds.bottom
        );
      });
    if (!outside || !bounds) return;
    // Show the whole pattern if it stays readable; else keep the zoom and centre the new stage.
    const all = getNodesBounds(nodes.map((n) => n.id));
    const padding = 1 + FIT_VIEW_OPTIONS.padding;
    const zoomToFit = Math.min(bounds.width / (all.width * padding), bounds.height / (all.height * padding));
    if (zoomToFit >= FIT_VIEW_OPTIONS.minZoom) {
      void fitView({ ...FIT_VIEW_OPTIONS, duration: 200 });
    } else {
      const center = { x: outside.x + STAGE_SIZE.width / 2, y: outside.y + STAGE_SIZE.height / 2 };
      void setCenter(center.x, center.y, { zoom: getZoom(), duration: 200 });
    }
  }, [
    ruleKey,
    nodes,
    container,
    fitView,
    setCenter,
    getZoom,
    getNodesBounds,
    getInternalNode,
    flowToScreenPosition,
  ]);
}
