/** One row of the bindings editor: class name, expression (checked as you type), remove. */
import { endMerge } from "../document/documentStore.ts";
import { simpleClassName } from "../designer/conditionSummary.ts";
import { checkBindingExpression, formatBindingProblem } from "./bindingCheck.ts";
import { expressionRows } from "./expressionRows.ts";
import { useDraft } from "./useDraft.ts";

export interface BindingRowProps {
  readonly className: string;
  /** The bound expression; null when the rules use the class but nothing binds it. */
  readonly value: string | null;
  readonly usedBy: readonly string[];
  readonly onCommit: (expression: string) => void;
  readonly onRemove: () => void;
}

/** A bound (or used-but-unbound) class. */
export function BindingRow({ className, value, usedBy, onCommit, onRemove }: BindingRowProps) {
  const [draft, setDraft] = useDraft(value ?? "");
  const problem = value === null && draft === "" ? null : checkBindingExpression(draft);
  const inputId = `binding-${className}`;
  return (
    <li className="bindings-row" data-testid={`bindings.row.${className}`}>
      <label className="bindings-row__class" htmlFor={inputId} title={className}>
        <strong>{simpleClassName(className)}</strong>
        <span className="bindings-row__package">{className}</span>
      </label>
      <span className={`bindings-row__used${value === null ? " bindings-row__used--unbound" : ""}`}>
        {value === null
          ? `no binding — used by ${usedBy.join("; ")}`
          : usedBy.length === 0
            ? "not used by any rule"
            : `used by ${usedBy.join("; ")}`}
      </span>
      <div className="bindings-row__edit">
        <textarea
          id={inputId}
          className={`bindings-row__input${problem ? " bindings-row__input--invalid" : ""}`}
          rows={expressionRows(draft)}
          spellCheck={false}
          value={draft}
          placeholder="Aviator expression, e.g. eventType == 'view'"
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${inputId}-error` : undefined}
          data-testid={`bindings.expression.${className}`}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setDraft(next);
            if (checkBindingExpression(next) === null && next !== value) onCommit(next);
          }}
          onBlur={endMerge}
        />
        {value !== null && (
          <button
            type="button"
            className="app-button"
            aria-label={`Remove the binding of ${className}`}
            data-testid={`bindings.remove.${className}`}
            onClick={onRemove}
          >
            Remove
          </button>
        )}
      </div>
      {problem && (
        <span id={`${inputId}-error`} className="bindings-row__error" role="alert">
          {formatBindingProblem(problem)}
          {value !== null && " — the document keeps the last valid expression"}
        </span>
      )}
    </li>
  );
}
