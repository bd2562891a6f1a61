import type { Condition } from "../../model/condition.ts";
import { SelectField } from "../fields/SelectField.tsx";
import { ClassFields } from "./ClassFields.tsx";
import {
  CONDITION_KIND_LABELS,
  conditionKind,
  conditionKindsFor,
  withConditionKind,
} from "./conditionKind.ts";
import { ExpressionField } from "./ExpressionField.tsx";
import { LiveTextField } from "../fields/LiveTextField.tsx";

export interface ConditionFieldsProps {
  /** The select's label: "Condition", "Until", "First condition", … */
  readonly label: string;
  readonly condition: Condition | null;
  /** Whether "none" is offered (a stage's condition, an until); composite operands must exist. */
  readonly allowNone: boolean;
  /** The "none" entry's text, e.g. "None (any event)" or "No until". */
  readonly noneLabel?: string;
  /**
   * `typedField` is a stable path of the field typed into (for the caller's undo merge key),
   * null for discrete changes such as picking a kind.
   */
  readonly onChange: (condition: Condition | null, typedField: string | null) => void;
  /** Test id prefix: `<testId>.kind`, `<testId>.expression`, `<testId>.left.kind`, … */
  readonly testId: string;
  /** Stage names `getEventsForPattern` may refer to (for the expression editor). */
  readonly stageNames: readonly string[];
}

/**
 * A condition of any kind, edited in place: a kind select, then the kind's own fields, nesting
 * for And / Or / Not (dynamic CEP's RichAnd/RichOr/RichNot conditions).
 */
export function ConditionFields(props: ConditionFieldsProps) {
  const { label, condition, allowNone, noneLabel, onChange, testId, stageNames } = props;
  const kinds = conditionKindsFor(condition).filter((k) => allowNone || k !== "none");
  const options = kinds.map((k) => ({
    value: k,
    label: k === "none" && noneLabel !== undefined ? noneLabel : CONDITION_KIND_LABELS[k],
  }));
  const nested = (
    part: "left" | "right" | "inner",
    partLabel: string,
    value: Condition,
    wrap: (c: Condition) => Condition,
  ) => (
    <ConditionFields
      label={partLabel}
      condition={value}
      allowNone={false}
      stageNames={stageNames}
      testId={`${testId}.${part}`}
      onChange={(c, field) => {
        if (c !== null) onChange(wrap(c), field === null ? null : `${part}.${field}`);
      }}
    />
  );

  return (
    <div className={`inspector-condition inspector-condition--${conditionKind(condition)}`}>
      <SelectField
        label={label}
        value={conditionKind(condition)}
        options={options}
        testId={`${testId}.kind`}
        onChange={(k) => {
          onChange(withConditionKind(condition, k), null);
        }}
      />
      {condition?.type === "aviator" && (
        <ExpressionField
          label="Expression"
          value={condition.expression}
          stageNames={stageNames}
          testId={`${testId}.expression`}
          onChange={(expression) => {
            onChange({ ...condition, expression }, "expression");
          }}
        />
      )}
      {condition?.type === "groovy" && (
        <LiveTextField
          label="Groovy script"
          multiline
          code
          value={condition.expression}
          hint="Kept for Flink; CEP Studio's simulator does not run Groovy."
          testId={`${testId}.expression`}
          onChange={(expression) => {
            onChange({ ...condition, expression }, "expression");
          }}
        />
      )}
      {(condition?.type === "class" || condition?.type === "subtype") && (
        <ClassFields condition={condition} testId={testId} stageNames={stageNames} onChange={onChange} />
      )}
      {(condition?.type === "and" || condition?.type === "or") && (
        <div className="inspector-condition__operands">
          {nested("left", "First condition", condition.left, (left) => ({ ...condition, left }))}
          <span className="inspector-condition__joiner">{condition.type === "and" ? "and" : "or"}</span>
          {nested("right", "Second condition", condition.right, (right) => ({ ...condition, right }))}
        </div>
      )}
      {condition?.type === "not" && (
        <div className="inspector-condition__operands">
          {nested("inner", "Negated condition", condition.inner, (inner) => ({ ...condition, inner }))}
        </div>
      )}
    </div>
  );
}
