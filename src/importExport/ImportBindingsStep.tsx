/**
 * The bindings part of an import: each Java condition class the imported rules use that the
 * document does not bind, with an expression input (prefilled when the seed knows the class).
 * Blank entries import without a binding; the stage then shows the missing binding as an error.
 */
import { simpleClassName } from "../designer/conditionSummary.ts";
import { checkBindingExpression, formatBindingProblem } from "./bindingCheck.ts";
import { expressionRows } from "./expressionRows.ts";
import type { UnboundClass } from "./importPlan.ts";

export interface ImportBindingsStepProps {
  readonly unbound: readonly UnboundClass[];
  readonly entries: Readonly<Record<string, string>>;
  readonly onChange: (className: string, expression: string) => void;
  readonly onEditAll: () => void;
}

/** One input per unbound class. */
export function ImportBindingsStep({ unbound, entries, onChange, onEditAll }: ImportBindingsStepProps) {
  return (
    <section
      className="import-bindings"
      aria-labelledby="import-bindings-title"
      data-testid="import.bindings"
    >
      <h3 id="import-bindings-title" className="import-bindings__title">
        Bind condition classes
      </h3>
      <p className="import-hint">
        CEP Studio cannot run Java condition classes: each runs as the Aviator expression bound to it. Leave
        an entry blank to import anyway — its stages then show the missing binding as an error.
      </p>
      <ul className="import-bindings__list">
        {unbound.map((use) => {
          const text = entries[use.className] ?? "";
          const problem = text.trim() === "" ? null : checkBindingExpression(text);
          const inputId = `import-binding-${use.className}`;
          return (
            <li key={use.className} className="import-bindings__item">
              <label htmlFor={inputId} className="import-bindings__class" title={use.className}>
                <strong>{simpleClassName(use.className)}</strong>
                <span className="import-bindings__package">{use.className}</span>
              </label>
              <span className="import-bindings__used">used by {use.usedBy.join("; ")}</span>
              <textarea
                id={inputId}
                rows={expressionRows(text)}
                className={`import-bindings__input${problem ? " import-bindings__input--invalid" : ""}`}
                spellCheck={false}
                value={text}
                placeholder="e.g. eventType == 'view'"
                aria-invalid={problem !== null}
                aria-describedby={problem ? `${inputId}-error` : undefined}
                data-testid={`import.binding.${use.className}`}
                onChange={(event) => {
                  onChange(use.className, event.currentTarget.value);
                }}
              />
              {problem && (
                <span id={`${inputId}-error`} className="import-bindings__error" role="alert">
                  {formatBindingProblem(problem)}
                </span>
              )}
              {use.suggestion !== null && text === use.suggestion && (
                <span className="import-bindings__note">from the seed's bindings</span>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="app-button" data-testid="import.editBindings" onClick={onEditAll}>
        Edit all bindings…
      </button>
    </section>
  );
}
