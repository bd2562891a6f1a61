/**
 * A class for every area around the canvas (header, side panels, simulator dock). React Flow
 * listens for keys on the whole window: Space held is its pan key, and it cancels the key's
 * default anywhere except in text fields and inside `.nokey` elements. So without this class,
 * Space could not open a `<details>` section, scroll a table or press a focused control outside
 * the canvas; on the canvas itself Space still pans.
 */
export const OUTSIDE_CANVAS_KEYS = "nokey";
