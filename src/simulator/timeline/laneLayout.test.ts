import { describe, expect, it } from "vitest";
import { clampFirstLane, LaneAssignment, laneAt, laneY, lanesInView, typeCategory } from "./laneLayout.ts";

describe("typeCategory", () => {
  it("groups the seeds' event types into the timeline's colours", () => {
    expect(["view", "VIEW_PRODUCT"].map(typeCategory)).toEqual(["view", "view"]);
    expect(["cart", "ADD_TO_CART", "add-to-cart"].map(typeCategory)).toEqual(["cart", "cart", "cart"]);
    expect(["purchase", "PURCHASE", "payment"].map(typeCategory)).toEqual([
      "purchase",
      "purchase",
      "purchase",
    ]);
    expect(["remove_from_cart", "REMOVE_FROM_CART"].map(typeCategory)).toEqual(["remove", "remove"]);
    expect(["login", "logout", 7, null].map(typeCategory)).toEqual(["other", "other", "other", "other"]);
  });
});

describe("lane layout", () => {
  const layout = { top: 24, laneHeight: 20, firstLane: 0 };

  it("maps lanes to y and y to lanes", () => {
    expect(laneY(layout, 0, 200)).toBe(34);
    expect(laneY(layout, 2, 200)).toBe(74);
    expect(laneAt(layout, 34)).toBe(0);
    expect(laneAt(layout, 64)).toBe(2);
    expect(laneAt(layout, 10)).toBeNull();
  });

  it("hides lanes scrolled out of view", () => {
    const scrolled = { ...layout, firstLane: 3 };
    expect(laneY(scrolled, 2, 200)).toBeNull();
    expect(laneY(scrolled, 3, 200)).toBe(34);
    expect(laneY(layout, 20, 200)).toBeNull();
    expect(laneAt(scrolled, 34)).toBe(3);
  });

  it("counts lanes in view and keeps the scroll inside the lanes", () => {
    expect(lanesInView(layout, 224)).toBe(10);
    expect(clampFirstLane({ ...layout, firstLane: 50 }, 15, 224).firstLane).toBe(5);
    expect(clampFirstLane({ ...layout, firstLane: -3 }, 15, 224).firstLane).toBe(0);
    expect(clampFirstLane({ ...layout, firstLane: 4 }, 3, 224).firstLane).toBe(0);
  });
});

describe("LaneAssignment", () => {
  it("gives keys lanes in the order first seen, stable as keys arrive", () => {
    const lanes = new LaneAssignment();
    expect(["b", "a", "b", "c"].map((k) => lanes.laneOf(k))).toEqual([0, 1, 0, 2]);
    expect(lanes.keyOf(1)).toBe("a");
    expect(lanes.size).toBe(3);
  });
});
