/**
 * Edits the document's binding table (Java condition class → Aviator expression): every bound
 * class, plus every class the rules use that has no binding yet. An expression enters the
 * document only when it compiles; typing in one field is one undo step. Exported for the pattern
 * inspector as well as the import dialog.
 */
import { useMemo } from "react";
import { changeDocument } from "../document/documentStore.ts";
import { removeBinding, setBinding } from "../document/edits/bindingEdits.ts";
import { useDocument } from "../document/useDocument.ts";
import { conditionClasses } from "./conditionClasses.ts";
import { BindingRow } from "./BindingRow.tsx";
import { NewBindingRow } from "./NewBindingRow.tsx";
import "./BindingsEditor.css";

/** The binding table editor. */
export function BindingsEditor() {
  const bindings = useDocument((s) => s.doc.bindings);
  const rules = useDocument((s) => s.doc.rules);
  const uses = useMemo(() => conditionClasses(rules.map((r) => r.rule)), [rules]);
  const usedBy = new Map(uses.map((u) => [u.className, u.usedBy]));
  const unbound = uses.filter((u) => !Object.hasOwn(bindings, u.className)).map((u) => u.className);
  const classNames = [...Object.keys(bindings), ...unbound];

  return (
    <div className="bindings-editor" data-testid="bindings.editor">
      {classNames.length === 0 ? (
        <p className="bindings-editor__empty">No condition classes yet: the rules use expressions only.</p>
      ) : (
        <ul className="bindings-editor__list">
          {classNames.map((className) => (
            <BindingRow
              key={className}
              className={className}
              value={bindings[className] ?? null}
              usedBy={usedBy.get(className) ?? []}
              onCommit={(expression) => {
                changeDocument((doc) => setBinding(doc, className, expression), {
                  mergeKey: `binding:${className}`,
                });
              }}
              onRemove={() => {
                changeDocument((doc) => removeBinding(doc, className));
              }}
            />
          ))}
        </ul>
      )}
      <NewBindingRow
        isBound={(className) => Object.hasOwn(bindings, className)}
        onAdd={(className, expression) => {
          changeDocument((doc) => setBinding(doc, className, expression));
        }}
      />
    </div>
  );
}
