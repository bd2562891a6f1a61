/**
 * Adds a palette shape to the active rule as one undoable change and selects the new stage.
 * Shared by the palette's buttons (click) and the canvas (drop).
 */
import { activeRule } from "../document/documentQueries.ts";
import { changeDocument, documentStore } from "../document/documentStore.ts";
import { updateRule } from "../document/edits/ruleEdits.ts";
import type { StagePosition } from "../document/studioDocument.ts";
import { addShape } from "./paletteShapes.ts";
import type { PaletteShape } from "./paletteShapes.ts";
import { select, selectionStore } from "./selectionStore.ts";

/** The drag-and-drop data type carrying a {@link PaletteShape} from the palette to the canvas. */
export const PALETTE_DRAG_TYPE = "application/x-cep-studio-shape";

/** Adds `shape` (at `position`, a drop point in canvas coordinates, when given); false without an active rule. */
export function addPaletteShape(shape: PaletteShape, position?: StagePosition): boolean {
  const rule = activeRule(documentStore.getState().doc);
  if (!rule) return false;
  const added = addShape(rule, selectionStore.getState().selection, shape, position);
  if (!added) return false;
  changeDocument((doc) => updateRule(doc, rule.key, () => added.rule));
  select({ type: "stages", graphPath: added.graphPath, names: [added.name] });
  return true;
}
