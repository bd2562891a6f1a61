/** The bindings editor's last row: bind a class that is not in the table yet. */
import { useState } from "react";
import { checkBindingExpression, formatBindingProblem } from "./bindingCheck.ts";

export interface NewBindingRowProps {
  readonly isBound: (className: string) => boolean;
  readonly onAdd: (className: string, expression: string) => void;
}

function classProblem(className: string, isBound: (c: string) => boolean): string | null {
  if (className === "") return "enter the condition's Java class name";
  if (/\s/.test(className)) return "a Java class name has no spaces";
  if (isBound(className)) return "this class is bound already; edit its row above";
  return null;
}

/** Class name + expression + Add. */
export function NewBindingRow({ isBound, onAdd }: NewBindingRowProps) {
  const [className, setClassName] = useState("");
  const [expression, setExpression] = useState("");
  const [tried, setTried] = useState(false);
  const name = className.trim();
  const nameProblem = classProblem(name, isBound);
  const expressionProblem = checkBindingExpression(expression);
  return (
    <form
      className="bindings-new"
      aria-label="Add a binding"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (nameProblem !== null || expressionProblem !== null) return;
        onAdd(name, expression.trim());
        setClassName("");
        setExpression("");
        setTried(false);
      }}
    >
      <input
        className="bindings-new__class"
        spellCheck={false}
        value={className}
        placeholder="com.example.MyCondition"
        aria-label="Java class name"
        data-testid="bindings.new.class"
        onChange={(event) => {
          setClassName(event.currentTarget.value);
        }}
      />
      <input
        className="bindings-new__expression"
        spellCheck={false}
        value={expression}
        placeholder="eventType == 'cart'"
        aria-label="Expression"
        data-testid="bindings.new.expression"
        onChange={(event) => {
          setExpression(event.currentTarget.value);
        }}
      />
      <button type="submit" className="app-button" data-testid="bindings.add">
        Add binding
      </button>
      {tried && (nameProblem ?? expressionProblem) !== null && (
        <span className="bindings-row__error" role="alert">
          {nameProblem ?? (expressionProblem && formatBindingProblem(expressionProblem))}
        </span>
      )}
    </form>
  );
}
