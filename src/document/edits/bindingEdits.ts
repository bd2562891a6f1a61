/** The shared binding table: the expression each CLASS condition's Java class runs as here. */
import type { StudioDocument } from "../studioDocument.ts";

/** Binds `className` to `expression` (adds or replaces). */
export function setBinding(doc: StudioDocument, className: string, expression: string): StudioDocument {
  if (doc.bindings[className] === expression) return doc;
  return { ...doc, bindings: { ...doc.bindings, [className]: expression } };
}

/** Removes the binding of `className`. */
export function removeBinding(doc: StudioDocument, className: string): StudioDocument {
  if (!Object.hasOwn(doc.bindings, className)) return doc;
  const bindings = Object.fromEntries(Object.entries(doc.bindings).filter(([k]) => k !== className));
  return { ...doc, bindings };
}
