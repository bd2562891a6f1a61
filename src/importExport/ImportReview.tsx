/**
 * The import dialog's review step: the rules found, the reader's warnings, a binding for each
 * condition class the document does not bind, and whether to add the rules or replace the rule
 * set. Importing is one undoable change.
 */
import { useEffect, useId, useRef, useState } from "react";
import { changeDocument } from "../document/documentStore.ts";
import { useDocument } from "../document/useDocument.ts";
import { checkBindingExpression } from "./bindingCheck.ts";
import { BindingsDialog } from "./BindingsDialog.tsx";
import { DiagnosticList } from "./DiagnosticList.tsx";
import { ImportBindingsStep } from "./ImportBindingsStep.tsx";
import { applyImport, chosenBindings, settleRuleIds } from "./importPlan.ts";
import type { ImportMode, ImportPlan } from "./importPlan.ts";
import { ImportRuleTable } from "./ImportRuleTable.tsx";

export interface ImportReviewProps {
  readonly plan: ImportPlan;
  readonly sourceName: string;
  readonly onBack: () => void;
  readonly onDone: () => void;
}

/** Review and confirm. */
export function ImportReview({ plan, sourceName, onBack, onDone }: ImportReviewProps) {
  const doc = useDocument((s) => s.doc);
  const [mode, setMode] = useState<ImportMode>("append");
  const [entries, setEntries] = useState<Record<string, string>>(() =>
    Object.fromEntries(plan.unbound.map((u) => [u.className, u.suggestion ?? ""])),
  );
  const [editingBindings, setEditingBindings] = useState(false);
  const modeName = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The source step's button that led here is gone; focus the next thing to do.
    confirmButton.current?.focus();
  }, []);
  // Classes bound meanwhile (in the bindings editor) no longer need an entry here.
  const unbound = plan.unbound.filter((u) => !Object.hasOwn(doc.bindings, u.className));
  const invalid = unbound.some((u) => {
    const text = entries[u.className] ?? "";
    return text.trim() !== "" && checkBindingExpression(text) !== null;
  });
  const rules = settleRuleIds(plan, doc, mode);

  const confirm = () => {
    const bindings = chosenBindings(
      Object.fromEntries(unbound.map((u) => [u.className, entries[u.className] ?? ""])),
    );
    changeDocument((current) => applyImport(current, settleRuleIds(plan, current, mode), mode, bindings));
    onDone();
  };

  return (
    <div className="import-review" data-testid="import.review">
      <ImportRuleTable rules={rules} sourceName={sourceName} bareGraph={plan.bareGraph} />
      <DiagnosticList kind="warning" diagnostics={plan.warnings} testId="import.warnings" />
      {unbound.length > 0 && (
        <ImportBindingsStep
          unbound={unbound}
          entries={entries}
          onChange={(className, expression) => {
            setEntries((e) => ({ ...e, [className]: expression }));
          }}
          onEditAll={() => {
            setEditingBindings(true);
          }}
        />
      )}
      <fieldset className="import-review__mode">
        <legend>How to import</legend>
        <label>
          <input
            type="radio"
            name={modeName}
            checked={mode === "append"}
            data-testid="import.mode.append"
            onChange={() => {
              setMode("append");
            }}
          />
          Add to the rule set ({doc.rules.length} {doc.rules.length === 1 ? "rule" : "rules"} now)
        </label>
        <label>
          <input
            type="radio"
            name={modeName}
            checked={mode === "replace"}
            data-testid="import.mode.replace"
            onChange={() => {
              setMode("replace");
            }}
          />
          Replace the rule set
        </label>
      </fieldset>
      <div className="import-review__actions">
        <button type="button" className="app-button" data-testid="import.back" onClick={onBack}>
          Back
        </button>
        <button
          type="button"
          className="app-button app-button--primary"
          disabled={invalid}
          title={invalid ? "Fix or clear the binding expressions marked in red first" : undefined}
          ref={confirmButton}
          data-autofocus
          data-testid="import.confirm"
          onClick={confirm}
        >
          Import {rules.length === 1 ? "1 rule" : `${rules.length} rules`}
        </button>
      </div>
      {editingBindings && (
        <BindingsDialog
          onClose={() => {
            setEditingBindings(false);
          }}
        />
      )}
    </div>
  );
}
