/**
 * What "fit the view" should show on a small canvas. The whole pattern when it stays readable;
 * otherwise the start of the chain, read left to right, with the minimap showing the rest —
 * a view of the middle of a long chain at an unreadable zoom helps nobody.
 */
import { STAGE_SIZE } from "./designerGeometry.ts";
import type { Rect } from "./designerGeometry.ts";

/**
 * Screen pixels kept clear around a fitted pattern: the pattern badge sits at the top left, the
 * zoom controls at the bottom left.
 */
export const FIT_PADDING = { top: 64, right: 24, bottom: 24, left: 56 } as const;

/** Zoom below which stage text stops being readable. */
export const MIN_READABLE_ZOOM = 0.5;

/** A drawn top-level node: its id and its box in canvas coordinates. */
export interface PlacedNode extends Rect {
  readonly id: string;
}

/** The node's box, with a stage's size when React Flow has not measured it yet. */
export function placedNode(node: {
  readonly id: string;
  readonly position: { readonly x: number; readonly y: number };
  readonly width?: number | undefined;
  readonly height?: number | undefined;
  readonly measured?:
    { readonly width?: number | undefined; readonly height?: number | undefined } | undefined;
}): PlacedNode {
  return {
    id: node.id,
    x: node.position.x,
    y: node.position.y,
    width: node.width ?? node.measured?.width ?? STAGE_SIZE.width,
    height: node.height ?? node.measured?.height ?? STAGE_SIZE.height,
  };
}

/** The zoom at which `nodes` fill a canvas of `width` × `height` screen pixels (inside {@link FIT_PADDING}). */
export function zoomToFit(nodes: readonly Rect[], width: number, height: number): number {
  if (nodes.length === 0) return Infinity;
  const left = Math.min(...nodes.map((n) => n.x));
  const top = Math.min(...nodes.map((n) => n.y));
  const right = Math.max(...nodes.map((n) => n.x + n.width));
  const bottom = Math.max(...nodes.map((n) => n.y + n.height));
  const roomX = width - FIT_PADDING.left - FIT_PADDING.right;
  const roomY = height - FIT_PADDING.top - FIT_PADDING.bottom;
  return Math.min(roomX / Math.max(1, right - left), roomY / Math.max(1, bottom - top));
}

/**
 * The ids of the top-level nodes a fit should show on a `width` × `height` canvas: null for all
 * of them (the whole pattern is readable), else the nodes from the top-left corner of the
 * pattern that fit at {@link MIN_READABLE_ZOOM} (at least the first one).
 */
export function nodesToFit(nodes: readonly PlacedNode[], width: number, height: number): string[] | null {
  if (nodes.length === 0 || zoomToFit(nodes, width, height) >= MIN_READABLE_ZOOM) return null;
  const left = Math.min(...nodes.map((n) => n.x));
  const top = Math.min(...nodes.map((n) => n.y));
  const reachX = left + (width - FIT_PADDING.left - FIT_PADDING.right) / MIN_READABLE_ZOOM;
  const reachY = top + (height - FIT_PADDING.top - FIT_PADDING.bottom) / MIN_READABLE_ZOOM;
  const shown = nodes.filter((n) => n.x + n.width <= reachX && n.y + n.height <= reachY);
  if (shown.length > 0) return shown.map((n) => n.id);
  const first = [...nodes].sort((a, b) => a.x - b.x || a.y - b.y)[0];
  return first ? [first.id] : null;
}
