import { useId } from "react";
import type { ReactNode } from "react";
import { describedBy, Field } from "./Field.tsx";

/** One choice of a {@link SelectField}. */
export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

export interface SelectFieldProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly SelectOption<T>[];
  readonly onChange: (value: T) => void;
  readonly testId: string;
  readonly hint?: ReactNode;
}

/** A labelled native select (keyboard and screen-reader behaviour for free). */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, value, options, onChange, testId, hint } = props;
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} testId={testId}>
      <select
        id={id}
        className="inspector-select"
        value={value}
        aria-describedby={describedBy(id, null, hint !== undefined)}
        data-testid={testId}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
