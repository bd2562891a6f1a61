import { useCallback, useEffect, useMemo, useState } from "react";
import type { NodeChange } from "@xyflow/react";
import { changeDocument } from "../document/documentStore.ts";
import { setPositions } from "../document/edits/ruleEdits.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { useDocument } from "../document/useDocument.ts";
import { patternDiagnostics } from "../document/ruleDiagnostics.ts";
import type { PatternDiagnostic } from "../model/patternFindings.ts";
import type { Size } from "./designerGeometry.ts";
import { ruleToFlow } from "./flowAdapter.ts";
import type { FlowModel } from "./flowAdapter.ts";
import { flowReuser } from "./flowReuse.ts";
import type { DesignerNode } from "./flowTypes.ts";
import { missingPositions } from "./placement.ts";
import { useSelection } from "./selectionStore.ts";

/** What the canvas draws, with the sizes React Flow measured fed back in. */
interface FlowModelState {
  readonly model: FlowModel;
  readonly diagnostics: readonly PatternDiagnostic[];
  /** Records measured sizes from a change batch (React Flow forgets them on new node objects otherwise). */
  readonly applyDimensions: (changes: readonly NodeChange<DesignerNode>[]) => void;
}

/**
 * The React Flow model of `docRule`, rebuilt when the rule, the bindings or the selection change
 * (keeping the objects of the nodes and edges that stayed the same).
 * Stages without a stored position are placed once and written back (not undoable: placing is
 * not a user change), so they stay put from then on.
 */
export function useFlowModel(docRule: DocumentRule): FlowModelState {
  const bindings = useDocument((s) => s.doc.bindings);
  const selection = useSelection();
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  // Computed once per pattern, not per store update: the adapter indexes them once per list too.
  const diagnostics = useMemo(() => patternDiagnostics(docRule.rule.pattern), [docRule.rule.pattern]);
  // Unchanged nodes and edges keep their objects, so React Flow redraws only what changed.
  const [reuse] = useState(flowReuser);
  const model = useMemo(
    () => reuse(ruleToFlow({ docRule, bindings, diagnostics, selection, measured })),
    [reuse, docRule, bindings, diagnostics, selection, measured],
  );

  useEffect(() => {
    const missing = missingPositions(docRule.rule, docRule.positions);
    if (Object.keys(missing).length === 0) return;
    changeDocument((doc) => setPositions(doc, docRule.key, missing), { history: "skip" });
  }, [docRule]);

  const applyDimensions = useCallback((changes: readonly NodeChange<DesignerNode>[]) => {
    const sized = changes.filter((c) => c.type === "dimensions" && c.dimensions !== undefined);
    if (sized.length === 0) return;
    setMeasured((previous) => {
      let next: Map<string, Size> | null = null;
      for (const change of sized) {
        if (change.type !== "dimensions" || !change.dimensions) continue;
        const old = previous.get(change.id);
        const { width, height } = change.dimensions;
        if (old?.width === width && old.height === height) continue;
        next ??= new Map(previous);
        next.set(change.id, { width, height });
      }
      return next ?? previous;
    });
  }, []);

  return { model, diagnostics, applyDimensions };
}
