/**
 * The timeline's rows: one lane per key (in the order keys first appear), scrolled vertically,
 * and the colour of each event type (the brief's palette: view, cart, purchase, remove, other).
 * Pure.
 */

/** The event-type groups that get a colour of their own. */
export type TypeCategory = "view" | "cart" | "purchase" | "remove" | "other";

export const TYPE_COLORS: Readonly<Record<TypeCategory, string>> = {
  view: "#8aa4c8",
  cart: "#e0a030",
  purchase: "#2e7d32",
  remove: "#9e6b5a",
  other: "#9aa0a6",
};

export const TYPE_CATEGORIES: readonly TypeCategory[] = ["view", "cart", "purchase", "remove", "other"];

/**
 * The colour group of an event type as the seeds write it: REES46 (`view`, `cart`, `purchase`,
 * `remove_from_cart`), seed 000 (`VIEW_PRODUCT`, `ADD_TO_CART`, `REMOVE_FROM_CART`, `PURCHASE`)
 * and seed 001 (`add-to-cart`, `payment`; `login`/`logout` are "other").
 */
export function typeCategory(type: unknown): TypeCategory {
  if (typeof type !== "string") return "other";
  const t = type.toLowerCase().replace(/[-\s]/g, "_");
  if (t.includes("remove")) return "remove";
  if (t === "view" || t === "view_product" || t === "page_view" || t.startsWith("view")) return "view";
  if (t === "cart" || t.includes("add_to_cart") || t.endsWith("cart")) return "cart";
  if (t === "purchase" || t === "payment" || t === "buy" || t === "order") return "purchase";
  return "other";
}

/** Vertical layout: lane heights, the axis band on top, and which lanes are scrolled into view. */
export interface LaneLayout {
  /** Pixels above the first lane (the time axis). */
  readonly top: number;
  readonly laneHeight: number;
  /** The lane shown first (vertical scroll). */
  readonly firstLane: number;
}

/** Centre y of lane `lane`, or null when it is scrolled out of a canvas `height` pixels tall. */
export function laneY(layout: LaneLayout, lane: number, height: number): number | null {
  const row = lane - layout.firstLane;
  if (row < 0) return null;
  const y = layout.top + row * layout.laneHeight + layout.laneHeight / 2;
  return y > height ? null : y;
}

/** The lane under canvas y, or null above the lanes. */
export function laneAt(layout: LaneLayout, y: number): number | null {
  if (y < layout.top) return null;
  return layout.firstLane + Math.floor((y - layout.top) / layout.laneHeight);
}

/** How many lanes fit in a canvas `height` pixels tall. */
export function lanesInView(layout: LaneLayout, height: number): number {
  return Math.max(0, Math.floor((height - layout.top) / layout.laneHeight));
}

/** `firstLane` kept inside [0, lanes − visible] (no empty space below the last lane). */
export function clampFirstLane(layout: LaneLayout, lanes: number, height: number): LaneLayout {
  const max = Math.max(0, lanes - lanesInView(layout, height));
  const firstLane = Math.min(max, Math.max(0, Math.round(layout.firstLane)));
  return firstLane === layout.firstLane ? layout : { ...layout, firstLane };
}

/**
 * Lane numbers for keys, in the order they are first seen; `lanes.get(key)` is stable while
 * more keys arrive (a key never changes lane as the stream grows).
 */
export class LaneAssignment {
  private readonly lanes = new Map<string, number>();
  private readonly order: string[] = [];

  laneOf(key: string): number {
    let lane = this.lanes.get(key);
    if (lane === undefined) {
      lane = this.order.length;
      this.lanes.set(key, lane);
      this.order.push(key);
    }
    return lane;
  }

  /** The key of lane `lane`. */
  keyOf(lane: number): string | undefined {
    return this.order[lane];
  }

  get size(): number {
    return this.order.length;
  }
}
