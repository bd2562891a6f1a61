/**
 * The layer React Flow keeps for HTML edge labels (`.react-flow__edgelabel-renderer`), looked up
 * once per canvas and handed to the edges through context. React Flow's `<EdgeLabelRenderer>`
 * looks it up with `querySelector` in every edge on every store update: a dense rule of hundreds
 * of edges spent most of each selection change or drag step searching the DOM for it.
 */
import { createContext } from "react";
import type { ReactFlowState } from "@xyflow/react";

/** The edge label layer of the canvas the edges are drawn in; null until React Flow has drawn it. */
export const EdgeLabelLayer = createContext<HTMLElement | null>(null);

const found = new WeakMap<HTMLElement, HTMLElement>();

/**
 * React Flow store selector: the canvas's edge label layer. Remembered per canvas element, so the
 * DOM is searched again only when React Flow replaces the layer.
 */
export function edgeLabelLayerOf(state: ReactFlowState): HTMLElement | null {
  const canvas = state.domNode;
  if (!canvas) return null;
  const known = found.get(canvas);
  if (known?.isConnected && canvas.contains(known)) return known;
  const layer = canvas.querySelector<HTMLElement>(".react-flow__edgelabel-renderer");
  if (layer) found.set(canvas, layer);
  return layer;
}
