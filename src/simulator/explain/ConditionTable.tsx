import type { EventExplanation } from "../../engine/index.ts";
import { useDocument } from "../../document/useDocument.ts";
import { conditionRows } from "./explainText.ts";
import { revealHiddenCharacters } from "../../model/hiddenCharacters.ts";
import { VisibleText } from "../../ui/text/VisibleText.tsx";

/**
 * Every condition the NFA evaluated for the event, with its result. A CLASS condition is named
 * by its class; the expression it is bound to is shown beside it.
 */
export function ConditionTable({ explanation }: { explanation: EventExplanation }) {
  const bindings = useDocument((s) => s.doc.bindings);
  const rows = conditionRows(explanation);
  if (rows.length === 0)
    return (
      <p className="sim-muted">
        No condition was evaluated: no transition of the key&apos;s runs needed one.
      </p>
    );
  return (
    <table className="sim-explain-conditions" data-testid="sim.explain.conditions">
      <caption>Conditions evaluated, in the order the NFA checked them</caption>
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Transition</th>
          <th scope="col">Stage</th>
          <th scope="col">Condition</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const bound = bindings[row.text];
          const shortName = bound === undefined ? row.text : row.text.slice(row.text.lastIndexOf(".") + 1);
          return (
            <tr key={i} data-testid="sim.explain.condition">
              <td>{row.run}</td>
              <td className="sim-explain-code">{row.transition}</td>
              <td className="sim-explain-code">
                <VisibleText text={row.stage} />
                {row.role === "until" ? " (until)" : ""}
              </td>
              <td className="sim-explain-code" title={revealHiddenCharacters(row.text)}>
                <VisibleText text={shortName} />
                {bound !== undefined && (
                  <span className="sim-muted">
                    {" "}
                    = <VisibleText text={bound} />
                  </span>
                )}
              </td>
              <td className={`sim-explain-result sim-explain-${row.result}`}>
                {row.result}
                {row.error !== null && <span className="sim-muted"> ({row.error})</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
