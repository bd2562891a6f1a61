/**
 * Sizes the canvas lays out with. Stage nodes render at a fixed width, so automatic layout and
 * the drawn nodes agree; heights vary a little with the condition text and are measured by
 * React Flow once drawn.
 */
import { GROUP_PADDING } from "../document/edits/groupEdits.ts";

/** A width and height in canvas pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A stage node's drawn width and its height as layout assumes it. */
export const STAGE_SIZE: Size = { width: 196, height: 92 };

/** Space between a group's border and its inner stages (shared with the document's group edit). */
export { GROUP_PADDING };

/** Gap between consecutive stages (room for an edge label) and between parallel rows. */
export const LAYOUT_GAPS = { rank: 140, node: 40 } as const;

/** Where a newly added stage goes relative to the stage it follows. */
export const NEXT_STAGE_OFFSET = { x: STAGE_SIZE.width + LAYOUT_GAPS.rank, y: 0 } as const;

/** A placed rectangle, relative to its graph. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The size of a group that holds `children` (positions relative to the group, already inside its
 * padding): their bounding box plus padding; an empty group keeps room for one stage.
 */
export function groupSizeFor(children: readonly Rect[]): Size {
  if (children.length === 0) {
    return {
      width: GROUP_PADDING.left + STAGE_SIZE.width + GROUP_PADDING.right,
      height: GROUP_PADDING.top + STAGE_SIZE.height / 2 + GROUP_PADDING.bottom,
    };
  }
  const right = Math.max(...children.map((c) => c.x + c.width));
  const bottom = Math.max(...children.map((c) => c.y + c.height));
  return { width: right + GROUP_PADDING.right, height: bottom + GROUP_PADDING.bottom };
}
