import { Fragment } from "react";
import type { Condition } from "../model/condition.ts";
import type { ConditionBindings } from "../model/pattern.ts";
import { summarizeCondition, summaryText } from "./conditionSummary.ts";
import { revealHiddenCharacters } from "../model/hiddenCharacters.ts";
import { VisibleText } from "../ui/text/VisibleText.tsx";
import "./ConditionSummary.css";

/** A condition as styled tokens (class names, expressions, and/or/not), the full text as tooltip. */
export function ConditionSummary({
  condition,
  bindings,
  prefix,
}: {
  readonly condition: Condition | null;
  readonly bindings: ConditionBindings;
  /** A leading word such as `until`. */
  readonly prefix?: string;
}) {
  const tokens = summarizeCondition(condition, bindings);
  const full = summaryText(summarizeCondition(condition, bindings, Infinity));
  return (
    <div
      className="designer-condition"
      title={revealHiddenCharacters(prefix === undefined ? full : `${prefix} ${full}`)}
    >
      {prefix !== undefined && <span className="designer-condition__keyword">{prefix} </span>}
      {tokens.map((token, i) => (
        // A real space between tokens: lines may break there, never inside a class name.
        <Fragment key={i}>
          {i > 0 && " "}
          <span className={`designer-condition__${token.kind}`}>
            <VisibleText text={token.text} />
          </span>
        </Fragment>
      ))}
    </div>
  );
}
