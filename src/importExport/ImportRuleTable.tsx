/** The rules an import will add: id, version, stages and process function, one row each. */
import { simpleClassName } from "../designer/conditionSummary.ts";
import type { GraphNode, Rule } from "../model/pattern.ts";
import { VisibleText } from "../ui/text/VisibleText.tsx";

export interface ImportRuleTableProps {
  readonly rules: readonly Rule[];
  readonly sourceName: string;
  readonly bareGraph: boolean;
}

function stageCount(graph: GraphNode): number {
  return graph.nodes.reduce((n, node) => n + (node.type === "COMPOSITE" ? stageCount(node) : 1), 0);
}

/** A caption and one row per rule. */
export function ImportRuleTable({ rules, sourceName, bareGraph }: ImportRuleTableProps) {
  const first = rules[0];
  return (
    <div className="import-rules">
      <p className="import-rules__caption">
        Read{" "}
        <strong>
          <VisibleText text={sourceName} />
        </strong>
        : {rules.length === 1 ? "1 rule" : `${rules.length} rules`}.
        {bareGraph && first && (
          <>
            {" A bare GraphSpec has no rule id, so it becomes rule "}
            <VisibleText text={first.id} />, version 1.
          </>
        )}
      </p>
      <table className="import-rules__table" data-testid="import.rules">
        <thead>
          <tr>
            <th scope="col">id</th>
            <th scope="col">version</th>
            <th scope="col">stages</th>
            <th scope="col">function</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, i) => (
            <tr key={i}>
              <td>
                <VisibleText text={rule.id} />
              </td>
              <td>{rule.version}</td>
              <td>{stageCount(rule.pattern)}</td>
              <td title={rule.function ?? undefined}>
                {rule.function === null ? "—" : simpleClassName(rule.function)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
