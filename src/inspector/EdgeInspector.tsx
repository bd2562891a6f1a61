import { deleteEdge, setEdgeType } from "../document/edits/edgeEdits.ts";
import type { GraphPath } from "../document/edits/graphAccess.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { select } from "../designer/selectionStore.ts";
import type { Edge, EdgeContiguity } from "../model/pattern.ts";
import { DiagnosticsList } from "./DiagnosticsList.tsx";
import { editActiveRule } from "./editActiveRule.ts";
import { SelectField } from "./fields/SelectField.tsx";
import { InspectorSection } from "./InspectorSection.tsx";
import { VisibleText } from "../ui/text/VisibleText.tsx";

/** Each edge contiguity in Flink's Pattern API words, with what it means for the target stage. */
const CONTIGUITY: Readonly<Record<EdgeContiguity, { readonly call: string; readonly meaning: string }>> = {
  STRICT: { call: "next", meaning: "the very next event must match (strict contiguity)" },
  SKIP_TILL_NEXT: { call: "followedBy", meaning: "non-matching events in between are ignored (relaxed)" },
  SKIP_TILL_ANY: {
    call: "followedByAny",
    meaning: "any later matching event, each starting its own match (non-deterministic relaxed)",
  },
  NOT_NEXT: { call: "notNext", meaning: "the very next event must NOT match" },
  NOT_FOLLOW: { call: "notFollowedBy", meaning: "no matching event may occur before the next stage" },
};

const OPTIONS = (Object.keys(CONTIGUITY) as EdgeContiguity[]).map((value) => ({
  value,
  label: `${CONTIGUITY[value].call} (${value})`,
}));

export interface EdgeInspectorProps {
  readonly rule: DocumentRule;
  readonly graphPath: GraphPath;
  readonly edge: Edge;
}

/** An edge: Flink's findings about it, the contiguity of its target stage, and deleting it. */
export function EdgeInspector({ rule, graphPath, edge }: EdgeInspectorProps) {
  const { source, target, type } = edge;
  return (
    <>
      <DiagnosticsList rule={rule} edge={{ graphPath, source, target }} />
      <InspectorSection
        title="Edge"
        subtitle={graphPath.length > 0 ? `in group ${graphPath.join(" › ")}` : undefined}
      >
        <p className="inspector-edge__ends" data-testid="inspector.edge.ends">
          <code>
            <VisibleText text={source} />
          </code>
          <span className={`inspector-edge__swatch inspector-edge__swatch--${type}`} aria-hidden="true" />
          <code>
            <VisibleText text={target} />
          </code>
        </p>
        <SelectField
          label="Contiguity"
          value={type}
          options={OPTIONS}
          testId="inspector.edge.type"
          hint={
            <>
              .{CONTIGUITY[type].call}(&quot;
              <VisibleText text={target} />
              &quot;): {CONTIGUITY[type].meaning}.
            </>
          }
          onChange={(next) => {
            editActiveRule((r) => setEdgeType(r, graphPath, source, target, next));
          }}
        />
        <button
          type="button"
          className="app-button inspector-danger-button"
          data-testid="inspector.edge.delete"
          onClick={() => {
            editActiveRule((r) => deleteEdge(r, graphPath, source, target));
            select({ type: "none" });
          }}
        >
          Delete edge
        </button>
      </InspectorSection>
    </>
  );
}
