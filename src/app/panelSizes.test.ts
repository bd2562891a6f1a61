import { describe, expect, it } from "vitest";
import {
  clampPanelSize,
  DEFAULT_PANEL_SIZES,
  initialPanelSizes,
  PANEL_LIMITS,
  parsePanelSizes,
  serializePanelSizes,
} from "./panelSizes.ts";

describe("panel sizes", () => {
  it("clamps each size into its limits and rounds it", () => {
    expect(clampPanelSize("left", 10)).toBe(PANEL_LIMITS.left.min);
    expect(clampPanelSize("right", 5000)).toBe(PANEL_LIMITS.right.max);
    expect(clampPanelSize("dock", 200.6)).toBe(201);
    expect(clampPanelSize("dock", Number.NaN)).toBe(DEFAULT_PANEL_SIZES.dock);
  });

  it("gives the dock a third of the window on a first start", () => {
    expect(initialPanelSizes(720).dock).toBe(216);
    expect(initialPanelSizes(1440).dock).toBe(360);
    expect(initialPanelSizes(300).dock).toBe(PANEL_LIMITS.dock.min);
    expect(parsePanelSizes(null, initialPanelSizes(720)).dock).toBe(216);
  });

  it("round-trips through its text form", () => {
    const sizes = { left: 300, right: 400, dock: 200, dockCollapsed: true };
    expect(parsePanelSizes(serializePanelSizes(sizes))).toEqual(sizes);
  });

  it("falls back to the defaults for missing, malformed or foreign values", () => {
    expect(parsePanelSizes(null)).toEqual(DEFAULT_PANEL_SIZES);
    expect(parsePanelSizes("{not json")).toEqual(DEFAULT_PANEL_SIZES);
    expect(parsePanelSizes("[1,2]")).toEqual({ ...DEFAULT_PANEL_SIZES });
    expect(parsePanelSizes('{"left":"wide","right":9999,"dockCollapsed":"yes"}')).toEqual({
      ...DEFAULT_PANEL_SIZES,
      right: PANEL_LIMITS.right.max,
    });
  });
});
