/**
 * Sizes of the shell's resizable areas (side panels and the bottom dock): their limits, clamping,
 * and keeping them across reloads. A layout preference, not part of the document: it is never
 * undone and never shared.
 */

/** The shell's adjustable sizes in CSS pixels, plus whether the dock is folded away. */
export interface PanelSizes {
  readonly left: number;
  readonly right: number;
  readonly dock: number;
  readonly dockCollapsed: boolean;
}

/** One adjustable size. */
export type PanelSizeKey = "left" | "right" | "dock";

/** The brief's layout: 240 px left, 360 px right, a dock that leaves the canvas most of the height. */
export const DEFAULT_PANEL_SIZES: PanelSizes = { left: 240, right: 360, dock: 260, dockCollapsed: false };

/**
 * The sizes for a first start: the dock takes 30 % of the window's height (216 px at 720), within
 * its limits, so the canvas keeps well over half of a small screen.
 */
export function initialPanelSizes(viewportHeight: number): PanelSizes {
  return { ...DEFAULT_PANEL_SIZES, dock: clampPanelSize("dock", Math.min(360, viewportHeight * 0.3)) };
}

/** Smallest and largest size of each area, chosen so the canvas keeps room at 1280×720. */
export const PANEL_LIMITS: Readonly<Record<PanelSizeKey, { readonly min: number; readonly max: number }>> = {
  left: { min: 180, max: 420 },
  right: { min: 280, max: 640 },
  dock: { min: 120, max: 640 },
};

/** `value` rounded and kept inside the limits of `key`. */
export function clampPanelSize(key: PanelSizeKey, value: number): number {
  const { min, max } = PANEL_LIMITS[key];
  if (!Number.isFinite(value)) return DEFAULT_PANEL_SIZES[key];
  return Math.min(max, Math.max(min, Math.round(value)));
}

/**
 * Reads sizes saved by {@link serializePanelSizes}; anything missing, malformed or out of range
 * falls back to `fallback` (or is clamped into the limits), so a stale value can never hide a panel.
 */
export function parsePanelSizes(text: string | null, fallback: PanelSizes = DEFAULT_PANEL_SIZES): PanelSizes {
  if (text === null) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fallback;
  }
  if (typeof value !== "object" || value === null) return fallback;
  const record = value as Record<string, unknown>;
  const size = (key: PanelSizeKey): number => {
    const v = record[key];
    return typeof v === "number" ? clampPanelSize(key, v) : fallback[key];
  };
  return {
    left: size("left"),
    right: size("right"),
    dock: size("dock"),
    dockCollapsed: record.dockCollapsed === true,
  };
}

/** The text {@link parsePanelSizes} reads back. */
export function serializePanelSizes(sizes: PanelSizes): string {
  return JSON.stringify(sizes);
}
