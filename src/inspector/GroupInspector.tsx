import { setGroupQuantifier, ungroup } from "../document/edits/groupEdits.ts";
import { stageKey } from "../document/edits/graphAccess.ts";
import type { GraphPath } from "../document/edits/graphAccess.ts";
import { setWindow } from "../document/edits/patternEdits.ts";
import { renameStage, stageNameProblem } from "../document/edits/stageEdits.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { select } from "../designer/selectionStore.ts";
import type { GraphNode } from "../model/pattern.ts";
import { singleQuantifier } from "../model/quantifier.ts";
import { DiagnosticsList } from "./DiagnosticsList.tsx";
import { editActiveRule } from "./editActiveRule.ts";
import { CommitTextField } from "./fields/CommitTextField.tsx";
import { InspectorSection } from "./InspectorSection.tsx";
import { QuantifierFields } from "./quantifier/QuantifierFields.tsx";
import { WindowFields } from "./WindowFields.tsx";

export interface GroupInspectorProps {
  readonly rule: DocumentRule;
  readonly graphPath: GraphPath;
  readonly group: GraphNode;
  /** Called after the name field renamed the group (and selected it by its new name). */
  readonly onRenamed: (from: string, to: string) => void;
}

/** A group pattern (`GroupPattern`): its name, its quantifier and its own window. */
export function GroupInspector({ rule, graphPath, group, onRenamed }: GroupInspectorProps) {
  const name = group.name;
  const innerPath = [...graphPath, name];
  const mergeKey = (field: string | null) =>
    field === null ? undefined : `inspector.group.${rule.key}.${stageKey(graphPath, name)}.${field}`;
  return (
    <>
      <DiagnosticsList rule={rule} stage={name} />
      <InspectorSection
        title="Group"
        subtitle={`${group.nodes.length} stage${group.nodes.length === 1 ? "" : "s"}`}
      >
        <CommitTextField
          label="Name"
          code
          value={name}
          testId="inspector.group.name"
          validate={(to) => stageNameProblem(rule, name, to)}
          onCommit={(to) => {
            editActiveRule((r) => renameStage(r, graphPath, name, to));
            select({ type: "stages", graphPath, names: [to] });
            onRenamed(name, to);
          }}
        />
        <button
          type="button"
          className="app-button"
          data-testid="inspector.group.ungroup"
          onClick={() => {
            editActiveRule((r) => ungroup(r, graphPath, name));
            select({ type: "none" });
          }}
        >
          Ungroup
        </button>
      </InspectorSection>
      <InspectorSection title="Quantifier" subtitle="of the whole group">
        <QuantifierFields
          quantifier={group.quantifier ?? singleQuantifier()}
          // Flink's greedy() refuses group patterns.
          allowGreedy={false}
          testId="inspector.group"
          onChange={(quantifier, field) => {
            editActiveRule(
              (r) => setGroupQuantifier(r, graphPath, name, quantifier),
              mergeKey(field && `quantifier.${field}`),
            );
          }}
        />
      </InspectorSection>
      <InspectorSection title="Window" subtitle="within() inside the group">
        <WindowFields
          window={group.window}
          testId="inspector.group"
          onChange={(window, field) => {
            editActiveRule((r) => setWindow(r, innerPath, window), mergeKey(field && `window.${field}`));
          }}
        />
      </InspectorSection>
    </>
  );
}
