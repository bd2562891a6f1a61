import { changeDocument } from "../../document/documentStore.ts";
import { removeBinding, setBinding } from "../../document/edits/bindingEdits.ts";
import { useDocument } from "../../document/useDocument.ts";
import type { ClassCondition, Condition, SubtypeCondition } from "../../model/condition.ts";
import { LiveTextField } from "../fields/LiveTextField.tsx";
import { ExpressionField } from "./ExpressionField.tsx";

export interface ClassFieldsProps {
  readonly condition: ClassCondition | SubtypeCondition;
  readonly onChange: (condition: Condition, typedField: string | null) => void;
  readonly testId: string;
  /** Stage names the binding expression may refer to. */
  readonly stageNames: readonly string[];
}

/**
 * A CLASS or SUBTYPE condition: the Java class name(s) Flink loads, and the binding expression
 * CEP Studio runs in their place — one table for the whole document, so it says so.
 */
export function ClassFields({ condition, onChange, testId, stageNames }: ClassFieldsProps) {
  const binding = useDocument((s) => s.doc.bindings[condition.className]);
  const className = condition.className.trim();
  return (
    <>
      <LiveTextField
        label={condition.type === "class" ? "Condition class" : "Base class"}
        code
        value={condition.className}
        placeholder="com.example.condition.ViewCondition"
        testId={`${testId}.className`}
        onChange={(name) => {
          onChange({ ...condition, className: name }, "className");
        }}
      />
      {condition.type === "subtype" && (
        <LiveTextField
          label="Subtype class"
          code
          value={condition.subClassName}
          hint="subtype(): the event must be an instance of this class."
          testId={`${testId}.subClassName`}
          onChange={(subClassName) => {
            onChange({ ...condition, subClassName }, "subClassName");
          }}
        />
      )}
      {condition.type === "class" && (
        <details className="inspector-disclosure" open={condition.args !== undefined}>
          <summary>Constructor arguments{condition.args ? ` (${condition.args.length})` : ""}</summary>
          <LiveTextField
            label="Arguments, one per line"
            multiline
            code
            value={(condition.args ?? []).join("\n")}
            hint="CustomArgsCondition's constructor arguments; empty for a plain condition class."
            testId={`${testId}.args`}
            onChange={(text) => {
              const plain: ClassCondition = { type: "class", className: condition.className };
              onChange(text === "" ? plain : { ...plain, args: text.split("\n") }, "args");
            }}
          />
        </details>
      )}
      {className !== "" && (
        <ExpressionField
          label="Binding (shared by every rule)"
          value={binding ?? ""}
          stageNames={stageNames}
          hint={
            binding === undefined
              ? `${shortName(className)} has no binding yet: write the expression CEP Studio runs for it.`
              : `What CEP Studio runs for ${shortName(className)}; Flink runs the Java class itself.`
          }
          testId={`${testId}.binding`}
          onChange={(expression) => {
            changeDocument(
              (doc) =>
                expression === "" ? removeBinding(doc, className) : setBinding(doc, className, expression),
              { mergeKey: `inspector.binding.${className}` },
            );
          }}
        />
      )}
    </>
  );
}

/** `ViewCondition` for `com.example.ViewCondition`: the part that fits in a sentence. */
function shortName(className: string): string {
  return className.slice(className.lastIndexOf(".") + 1);
}
