import { memo } from "react";
import { Handle, Position } from "@xyflow/react";
import type { NodeProps } from "@xyflow/react";
import { DiagnosticBadge } from "./DiagnosticBadge.tsx";
import { QuantifierBadge } from "./QuantifierBadge.tsx";
import type { GroupFlowNode } from "./flowTypes.ts";
import { innerContiguityLabel, windowLabel } from "./stageLabels.ts";
import { revealHiddenCharacters } from "../model/hiddenCharacters.ts";
import { VisibleText } from "../ui/text/VisibleText.tsx";
import "./GroupNode.css";
import "./StageNode.css";

/**
 * A group pattern (`GroupPattern`): a frame around its inner stages, which React Flow draws as
 * its children. The header carries the group's name, quantifier badge and window.
 */
function GroupNodeView({ data, selected }: NodeProps<GroupFlowNode>) {
  const { group, diagnostics, stageKey } = data;
  const quantifier = group.quantifier;
  const inner = quantifier && innerContiguityLabel(quantifier);
  const window = group.window && windowLabel(group.window);
  const isError = diagnostics.some((d) => d.severity === "error");
  const classes = [
    "designer-group",
    selected ? "designer-group--selected" : "",
    isError ? "designer-group--error" : "",
  ].join(" ");
  return (
    <div className={classes} data-testid={`designer.node.${stageKey}`}>
      <Handle type="target" position={Position.Left} className="designer-handle" />
      <div className="designer-group__header">
        <span className="designer-group__kind">group</span>
        <span className="designer-group__name" title={revealHiddenCharacters(group.name)}>
          <VisibleText text={group.name} />
        </span>
        {inner && <span className="designer-stage__tag">{inner}</span>}
        {window && (
          <span className="designer-stage__tag" title={window.measure}>
            {window.text}
          </span>
        )}
        <DiagnosticBadge diagnostics={diagnostics} testId={`designer.node.${stageKey}.diagnostics`} />
        {quantifier && <QuantifierBadge quantifier={quantifier} stageKey={stageKey} />}
      </div>
      {group.nodes.length === 0 && <div className="designer-group__empty">empty group</div>}
      <Handle type="source" position={Position.Right} className="designer-handle" />
    </div>
  );
}

/** React Flow node type `stageGroup`. */
export const GroupNode = memo(GroupNodeView);
