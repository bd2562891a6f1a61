import { describe, expect, it } from "vitest";
import { STAGE_SIZE } from "./designerGeometry.ts";
import { FIT_PADDING, MIN_READABLE_ZOOM, nodesToFit, placedNode, zoomToFit } from "./fitTarget.ts";

const chain = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, x: i * 336, y: 0, ...STAGE_SIZE }));

describe("fit target", () => {
  it("fits the whole pattern while it stays readable", () => {
    expect(nodesToFit(chain(3), 800, 400)).toBeNull();
    expect(zoomToFit(chain(3), 800, 400)).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
  });

  it("shows the start of a long chain instead of its middle at an unreadable zoom", () => {
    const ids = nodesToFit(chain(12), 680, 420);
    const room = (680 - FIT_PADDING.left - FIT_PADDING.right) / MIN_READABLE_ZOOM;
    expect(ids?.[0]).toBe("s0");
    expect(ids).toEqual(
      chain(12)
        .filter((n) => n.x + n.width <= room)
        .map((n) => n.id),
    );
    expect(ids?.length).toBeLessThan(12);
  });

  it("keeps at least the first stage on a canvas too small for one", () => {
    expect(nodesToFit(chain(4), 100, 100)).toEqual(["s0"]);
  });

  it("takes a stage's size for nodes React Flow has not measured yet", () => {
    expect(placedNode({ id: "a", position: { x: 1, y: 2 } })).toEqual({ id: "a", x: 1, y: 2, ...STAGE_SIZE });
    expect(placedNode({ id: "g", position: { x: 0, y: 0 }, width: 500, height: 200 }).width).toBe(500);
  });
});
