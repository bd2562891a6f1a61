/**
 * Keeps a selection meaningful after the document changed under it (undo, a JSON edit, a rename
 * elsewhere): stages and edges that no longer exist drop out, so the inspector and the commands
 * never act on names the graph does not hold.
 */
import { graphAt } from "../document/edits/graphAccess.ts";
import type { Rule } from "../model/pattern.ts";
import type { Selection } from "./selectionStore.ts";

/** `selection` restricted to what `rule` still holds; returns `selection` itself when nothing changed. */
export function pruneSelection(selection: Selection, rule: Rule | null): Selection {
  switch (selection.type) {
    case "none":
      return selection;
    case "pattern":
      return rule ? selection : { type: "none" };
    case "stages": {
      const graph = rule ? graphAt(rule.pattern, selection.graphPath) : null;
      if (!graph) return { type: "none" };
      const names = selection.names.filter((name) => graph.nodes.some((n) => n.name === name));
      if (names.length === selection.names.length) return selection;
      return names.length === 0 ? { type: "none" } : { ...selection, names };
    }
    case "edge": {
      const graph = rule ? graphAt(rule.pattern, selection.graphPath) : null;
      const exists = graph?.edges.some((e) => e.source === selection.source && e.target === selection.target);
      return exists ? selection : { type: "none" };
    }
  }
}
