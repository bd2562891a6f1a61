import { getCommand, runCommand } from "../document/commands/registry.ts";
import type { GraphPath } from "../document/edits/graphAccess.ts";
import { useSelection } from "../designer/selectionStore.ts";
import { InspectorSection } from "./InspectorSection.tsx";
import { VisibleText } from "../ui/text/VisibleText.tsx";

/** What the summary offers for several selected stages: the registry's commands, by id. */
const ACTIONS: readonly { readonly id: string; readonly label: string }[] = [
  { id: "groupSelection", label: "Group" },
  { id: "duplicateSelection", label: "Duplicate" },
  { id: "copy", label: "Copy" },
  { id: "deleteSelection", label: "Delete" },
];

/** Several stages selected: which ones, and what can be done with them together. */
export function SelectionSummary({
  graphPath,
  names,
}: {
  readonly graphPath: GraphPath;
  readonly names: readonly string[];
}) {
  const context = { selection: useSelection() };
  return (
    <InspectorSection
      title={`${names.length} stages selected`}
      subtitle={graphPath.length > 0 ? `in group ${graphPath.join(" › ")}` : undefined}
    >
      <ul className="inspector-selection" data-testid="inspector.selection.names">
        {names.map((n) => (
          <li key={n}>
            <code>
              <VisibleText text={n} />
            </code>
          </li>
        ))}
      </ul>
      <div className="inspector-actions">
        {ACTIONS.map((a) => (
          <button
            key={a.id}
            type="button"
            className={`app-button${a.id === "deleteSelection" ? " inspector-danger-button" : ""}`}
            disabled={getCommand(a.id).isAvailable?.(context) === false}
            data-testid={`inspector.selection.${a.id}`}
            onClick={() => {
              runCommand(a.id, context);
            }}
          >
            {a.label}
          </button>
        ))}
      </div>
    </InspectorSection>
  );
}
