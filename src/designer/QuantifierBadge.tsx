import type { Quantifier } from "../model/pattern.ts";
import { isGreedy } from "../model/quantifier.ts";
import { quantifierBadge, quantifierCalls } from "./stageLabels.ts";
import "./StageNode.css";

/** A stage's or group's quantifier as a badge (`1`, `+`, `{n,m}`, `?`, greedy G), its Pattern API calls as the title. */
export function QuantifierBadge({ quantifier, stageKey }: { quantifier: Quantifier; stageKey: string }) {
  return (
    // The shorthand (`+`, `{2,4}`, G) means little read aloud: screen readers get the API calls.
    <span
      className="designer-stage__quantifier"
      title={quantifierCalls(quantifier)}
      role="img"
      aria-label={`Quantifier: ${quantifierCalls(quantifier)}`}
      data-testid={`designer.node.${stageKey}.quantifier`}
    >
      {quantifierBadge(quantifier)}
      {isGreedy(quantifier) && <span className="designer-stage__greedy">G</span>}
    </span>
  );
}
