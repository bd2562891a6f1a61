import { useMemo, useState } from "react";
import { graphAt, nodeIn } from "../document/edits/graphAccess.ts";
import { useActiveRule } from "../document/useDocument.ts";
import { useSelection } from "../designer/selectionStore.ts";
import { EdgeInspector } from "./EdgeInspector.tsx";
import { GroupInspector } from "./GroupInspector.tsx";
import { PatternInspector } from "./PatternInspector.tsx";
import { SelectionSummary } from "./SelectionSummary.tsx";
import { StageInspector } from "./StageInspector.tsx";
import { atomicStageNames } from "./stageLocation.ts";
import "./Inspector.css";

/**
 * The inspector: every field of what is selected on the canvas — a stage, a group, an edge,
 * several stages — and the rule's pattern settings when nothing (or the pattern) is selected.
 */
export function Inspector() {
  const rule = useActiveRule();
  const selection = useSelection();
  const pattern = rule?.rule.pattern;
  const stageNames = useMemo(() => (pattern ? atomicStageNames(pattern) : []), [pattern]);
  // A stage or group inspector is keyed by the node it shows, so another node gets fresh fields.
  // A rename keeps the key the node had: a remount would drop the focus the user has in the name
  // field (Enter) or has just moved on to (Tab) to the top of the page.
  const [renamed, setRenamed] = useState<{ readonly as: string; readonly key: string } | null>(null);
  const graphPath = selection.type === "stages" ? selection.graphPath : [];
  const plainKey = (name: string) => `${rule?.key ?? ""}/${graphPath.join("/")}/${name}`;
  const nodeKey = (name: string) => (renamed?.as === plainKey(name) ? renamed.key : plainKey(name));
  const onRenamed = (from: string, to: string) => {
    setRenamed({ as: plainKey(to), key: nodeKey(from) });
  };

  if (!rule || !pattern) {
    return (
      <div className="inspector inspector--empty" data-testid="inspector">
        <p>The rule set is empty. Add a rule to start designing a pattern.</p>
      </div>
    );
  }

  let content = <PatternInspector rule={rule} stageNames={stageNames} />;
  if (selection.type === "stages") {
    const graph = graphAt(pattern, selection.graphPath);
    const [only] = selection.names;
    const node = graph && only !== undefined ? nodeIn(graph, only) : undefined;
    if (selection.names.length > 1) {
      content = <SelectionSummary graphPath={selection.graphPath} names={selection.names} />;
    } else if (node?.type === "ATOMIC") {
      content = (
        <StageInspector
          key={nodeKey(node.name)}
          rule={rule}
          graphPath={selection.graphPath}
          stage={node}
          stageNames={stageNames}
          onRenamed={onRenamed}
        />
      );
    } else if (node?.type === "COMPOSITE") {
      content = (
        <GroupInspector
          key={nodeKey(node.name)}
          rule={rule}
          graphPath={selection.graphPath}
          group={node}
          onRenamed={onRenamed}
        />
      );
    }
  } else if (selection.type === "edge") {
    const graph = graphAt(pattern, selection.graphPath);
    const edge = graph?.edges.find((e) => e.source === selection.source && e.target === selection.target);
    if (edge) content = <EdgeInspector rule={rule} graphPath={selection.graphPath} edge={edge} />;
  }

  return (
    <div className="inspector" data-testid="inspector">
      {content}
    </div>
  );
}
