import { useActiveRule } from "../document/useDocument.ts";
import { addPaletteShape, PALETTE_DRAG_TYPE } from "./addPaletteShape.ts";
import { PALETTE_LABELS, PALETTE_SHAPES } from "./paletteShapes.ts";
import type { PaletteShape } from "./paletteShapes.ts";
import "./Palette.css";

/** A small picture of each shape, drawn like the canvas draws it. */
const SHAPE_GLYPHS: Readonly<Record<PaletteShape, string>> = {
  stage: "1",
  group: "( )",
  oneOrMore: "+",
  times: "{2}",
  optional: "?",
  absence: "⊘",
};

/**
 * The palette: stages, groups and common stage shapes. A click adds the shape after the selected
 * stage (or the chain's last one); dragging it onto the canvas adds it at the drop point.
 */
export function Palette() {
  const rule = useActiveRule();
  const disabled = rule === null;
  return (
    <section
      className="designer-palette"
      aria-labelledby="designer-palette-title"
      data-testid="designer.palette"
    >
      <h2 id="designer-palette-title" className="designer-palette__title">
        Palette
      </h2>
      <p className="designer-palette__hint">Click: add after the selected stage. Drag: drop on the canvas.</p>
      <div className="designer-palette__grid">
        {PALETTE_SHAPES.map((shape) => (
          <button
            key={shape}
            type="button"
            className={`designer-palette__item designer-palette__item--${shape}`}
            disabled={disabled}
            draggable={!disabled}
            title={`Add ${PALETTE_LABELS[shape].label.toLowerCase()}: ${PALETTE_LABELS[shape].call}`}
            data-testid={`designer.palette.${shape}`}
            onClick={() => {
              addPaletteShape(shape);
            }}
            onDragStart={(event) => {
              event.dataTransfer.setData(PALETTE_DRAG_TYPE, shape);
              event.dataTransfer.effectAllowed = "copy";
            }}
          >
            <span className="designer-palette__glyph" aria-hidden="true">
              {SHAPE_GLYPHS[shape]}
            </span>
            <span className="designer-palette__label">{PALETTE_LABELS[shape].label}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
