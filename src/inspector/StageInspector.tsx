import {
  renameStage,
  setStageCondition,
  setStageQuantifier,
  stageNameProblem,
} from "../document/edits/stageEdits.ts";
import { setUntil } from "../document/edits/quantifierEdits.ts";
import { stageKey } from "../document/edits/graphAccess.ts";
import type { GraphPath } from "../document/edits/graphAccess.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { select } from "../designer/selectionStore.ts";
import type { AtomicNode } from "../model/pattern.ts";
import { ConditionFields } from "./condition/ConditionFields.tsx";
import { DiagnosticsList } from "./DiagnosticsList.tsx";
import { editActiveRule } from "./editActiveRule.ts";
import { CommitTextField } from "./fields/CommitTextField.tsx";
import { InspectorSection } from "./InspectorSection.tsx";
import { QuantifierFields } from "./quantifier/QuantifierFields.tsx";

export interface StageInspectorProps {
  readonly rule: DocumentRule;
  readonly graphPath: GraphPath;
  readonly stage: AtomicNode;
  /** Every stage name of the pattern (for `getEventsForPattern` completion). */
  readonly stageNames: readonly string[];
  /** Called after the name field renamed the stage (and selected it by its new name). */
  readonly onRenamed: (from: string, to: string) => void;
}

/** One stage: its name, its condition and its quantifier (with until for looping stages). */
export function StageInspector({ rule, graphPath, stage, stageNames, onRenamed }: StageInspectorProps) {
  const name = stage.name;
  // One merge key per field of this stage: typing in one field is one undo step.
  const mergeKey = (field: string | null) =>
    field === null ? undefined : `inspector.stage.${rule.key}.${stageKey(graphPath, name)}.${field}`;
  return (
    <>
      <DiagnosticsList rule={rule} stage={name} />
      <InspectorSection
        title="Stage"
        subtitle={graphPath.length > 0 ? `in group ${graphPath.join(" › ")}` : undefined}
      >
        <CommitTextField
          label="Name"
          code
          value={name}
          testId="inspector.stage.name"
          validate={(to) => stageNameProblem(rule, name, to)}
          onCommit={(to) => {
            editActiveRule((r) => renameStage(r, graphPath, name, to));
            select({ type: "stages", graphPath, names: [to] });
            onRenamed(name, to);
          }}
        />
      </InspectorSection>
      <InspectorSection title="Condition" subtitle="where()">
        <ConditionFields
          label="Kind"
          condition={stage.condition}
          allowNone
          stageNames={stageNames}
          testId="inspector.stage.condition"
          onChange={(condition, field) => {
            editActiveRule(
              (r) => setStageCondition(r, graphPath, name, condition),
              mergeKey(field && `condition.${field}`),
            );
          }}
        />
      </InspectorSection>
      <InspectorSection title="Quantifier">
        <QuantifierFields
          quantifier={stage.quantifier}
          allowGreedy
          testId="inspector.stage"
          onChange={(quantifier, field) => {
            editActiveRule(
              (r) => setStageQuantifier(r, graphPath, name, quantifier),
              mergeKey(field && `quantifier.${field}`),
            );
          }}
          until={
            <ConditionFields
              label="Until"
              noneLabel="No until"
              condition={stage.quantifier.untilCondition}
              allowNone
              stageNames={stageNames}
              testId="inspector.stage.until"
              onChange={(condition, field) => {
                editActiveRule(
                  (r) => setStageQuantifier(r, graphPath, name, setUntil(stage.quantifier, condition)),
                  mergeKey(field && `until.${field}`),
                );
              }}
            />
          }
        />
      </InspectorSection>
    </>
  );
}
