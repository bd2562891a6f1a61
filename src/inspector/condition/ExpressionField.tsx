import { useId } from "react";
import type { ReactNode } from "react";
import { endMerge } from "../../document/documentStore.ts";
import { ConditionEditor } from "../../editors/ConditionEditor.tsx";

export interface ExpressionFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (expression: string) => void;
  readonly testId: string;
  /** Stage names `getEventsForPattern` may refer to (offered in completion). */
  readonly stageNames: readonly string[];
  /** A note under the label (what the expression is for). */
  readonly hint?: ReactNode;
}

/**
 * An AVIATOR expression in the condition editor (Monaco: highlighting, completion, inline
 * errors). Leaving the editor ends the typing gesture, so one burst of typing is one undo step.
 */
export function ExpressionField({ label, value, onChange, testId, stageNames, hint }: ExpressionFieldProps) {
  const id = useId();
  return (
    <div className="inspector-field" role="group" aria-labelledby={id}>
      <span className="inspector-field__label" id={id}>
        {label}
      </span>
      {hint && <p className="inspector-field__hint">{hint}</p>}
      <ConditionEditor
        value={value}
        onChange={onChange}
        onCommit={endMerge}
        stageNames={stageNames}
        ariaLabel={label}
        testId={testId}
      />
    </div>
  );
}
