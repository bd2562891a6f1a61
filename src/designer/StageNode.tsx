import { memo } from "react";
import { Handle, Position } from "@xyflow/react";
import type { NodeProps } from "@xyflow/react";
import { useSimulation } from "../simulator/simulationStore.ts";
import { ConditionSummary } from "./ConditionSummary.tsx";
import { DiagnosticBadge } from "./DiagnosticBadge.tsx";
import { QuantifierBadge } from "./QuantifierBadge.tsx";
import type { StageFlowNode } from "./flowTypes.ts";
import { formatDuration, innerContiguityLabel } from "./stageLabels.ts";
import { revealHiddenCharacters } from "../model/hiddenCharacters.ts";
import { VisibleText } from "../ui/text/VisibleText.tsx";
import "./StageNode.css";

/**
 * A stage on the canvas: its name, condition, quantifier badge (with greedy, inner contiguity,
 * until and the per-repetition window), validation badge, and while a run is live the number of
 * partial matches waiting in it. Lit up when it took part in the match picked in the simulator.
 */
function StageNodeView({ data, selected }: NodeProps<StageFlowNode>) {
  const { stage, ruleId, bindings, diagnostics, stageKey } = data;
  const { quantifier } = stage;
  // Own properties only: a stage (or rule) named `constructor` must not read Object.prototype's.
  const count = useSimulation((s) => {
    const counts = Object.hasOwn(s.stageCounts, ruleId) ? s.stageCounts[ruleId] : undefined;
    return counts && Object.hasOwn(counts, stage.name) ? (counts[stage.name] ?? 0) : 0;
  });
  const highlighted = useSimulation(
    (s) => s.highlight !== null && s.highlight.ruleId === ruleId && s.highlight.stages.includes(stage.name),
  );
  const inner = innerContiguityLabel(quantifier);
  const windowTime = quantifier.times?.windowTime ?? null;
  const severity = diagnostics.some((d) => d.severity === "error")
    ? "error"
    : diagnostics.length > 0
      ? "warning"
      : "ok";
  const classes = [
    "designer-stage",
    `designer-stage--${severity}`,
    selected ? "designer-stage--selected" : "",
    highlighted ? "designer-stage--highlighted" : "",
  ].join(" ");
  return (
    <div className={classes} data-testid={`designer.node.${stageKey}`}>
      <Handle type="target" position={Position.Left} className="designer-handle" />
      <div className="designer-stage__header">
        <span className="designer-stage__name" title={revealHiddenCharacters(stage.name)}>
          {stage.name === "" ? "(no name)" : <VisibleText text={stage.name} />}
        </span>
        <DiagnosticBadge diagnostics={diagnostics} testId={`designer.node.${stageKey}.diagnostics`} />
        {count > 0 && (
          <span
            className="designer-stage__count"
            title={`${count} partial match${count === 1 ? "" : "es"} waiting in this stage`}
            data-testid={`designer.node.${stageKey}.count`}
          >
            {count}
          </span>
        )}
        <QuantifierBadge quantifier={quantifier} stageKey={stageKey} />
      </div>
      <ConditionSummary condition={stage.condition} bindings={bindings} />
      {(inner !== null || windowTime !== null || quantifier.untilCondition !== null) && (
        <div className="designer-stage__footer">
          {inner !== null && <span className="designer-stage__tag">{inner}</span>}
          {windowTime !== null && (
            <span className="designer-stage__tag" title="Longest gap between two repetitions">
              each ≤ {formatDuration(windowTime)}
            </span>
          )}
          {quantifier.untilCondition !== null && (
            <ConditionSummary condition={quantifier.untilCondition} bindings={bindings} prefix="until" />
          )}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="designer-handle" />
    </div>
  );
}

/** React Flow node type `stage`. */
export const StageNode = memo(StageNodeView);
