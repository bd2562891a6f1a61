import { memo, useContext } from "react";
import { createPortal } from "react-dom";
import { BaseEdge, getBezierPath } from "@xyflow/react";
import type { EdgeProps } from "@xyflow/react";
import { DiagnosticBadge } from "./DiagnosticBadge.tsx";
import { EdgeLabelLayer } from "./edgeLabelLayer.ts";
import type { DesignerEdge } from "./flowTypes.ts";
import { select } from "./selectionStore.ts";
import { CONTIGUITY_WORDS, isNegativeContiguity } from "./stageLabels.ts";
import "./ContiguityEdge.css";

/** What each contiguity means, for the label's tooltip. */
const CONTIGUITY_HINTS = {
  STRICT: "strict contiguity: the very next event must match",
  SKIP_TILL_NEXT: "relaxed contiguity: skips non-matching events, takes the first match",
  SKIP_TILL_ANY: "non-deterministic relaxed contiguity: also tries every later match",
  NOT_NEXT: "the very next event must NOT match",
  NOT_FOLLOW: "no matching event may occur before the next stage (or the window's end)",
} as const;

/**
 * An edge between two stages, styled by the target's contiguity: next solid, followedBy dashed,
 * followedByAny dotted, and the NOT kinds red with a ⊘. The label names the Pattern API call; it
 * is HTML, drawn in the canvas's edge label layer (what `<EdgeLabelRenderer>` does, without its
 * DOM search per edge and store update).
 */
function ContiguityEdgeView(props: EdgeProps<DesignerEdge>) {
  const { data, selected, markerEnd } = props;
  const labelLayer = useContext(EdgeLabelLayer);
  const [path, labelX, labelY] = getBezierPath(props);
  if (!data) return null;
  const { contiguity, diagnostics, source, target, graphPath } = data;
  const negative = isNegativeContiguity(contiguity);
  const isError = diagnostics.some((d) => d.severity === "error");
  const kind = contiguity.toLowerCase().replace(/_/g, "-");
  const classes = [
    "designer-edge",
    `designer-edge--${kind}`,
    selected ? "designer-edge--selected" : "",
    isError ? "designer-edge--error" : "",
  ].join(" ");
  const testId = `designer.edge.${[...graphPath, source].join("/")}.${target}`;
  return (
    <>
      <BaseEdge path={path} className={classes} {...(markerEnd === undefined ? {} : { markerEnd })} />
      {labelLayer !== null &&
        createPortal(
          <button
            type="button"
            className={`designer-edge-label designer-edge-label--${kind}${selected ? " designer-edge-label--selected" : ""}${isError ? " designer-edge-label--error" : ""} nodrag nopan`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={`${CONTIGUITY_WORDS[contiguity]}: ${CONTIGUITY_HINTS[contiguity]}`}
            data-testid={testId}
            onClick={() => {
              select({ type: "edge", graphPath, source, target });
            }}
          >
            {negative && (
              <span className="designer-edge-label__not" aria-hidden="true">
                ⊘
              </span>
            )}
            {CONTIGUITY_WORDS[contiguity]}
            <DiagnosticBadge diagnostics={diagnostics} testId={`${testId}.diagnostics`} />
          </button>,
          labelLayer,
        )}
    </>
  );
}

/** React Flow edge type `contiguity`. */
export const ContiguityEdge = memo(ContiguityEdgeView);
