import type { Window, WindowType } from "../model/pattern.ts";
import { DurationField } from "./fields/DurationField.tsx";
import { SelectField } from "./fields/SelectField.tsx";

const WINDOW_TYPE_OPTIONS: readonly { readonly value: WindowType; readonly label: string }[] = [
  { value: "FIRST_AND_LAST", label: "first to last event (FIRST_AND_LAST)" },
  { value: "PREVIOUS_AND_CURRENT", label: "between consecutive events (PREVIOUS_AND_CURRENT)" },
];

export interface WindowFieldsProps {
  readonly window: Window | null;
  /** `typedField` names a field typed into (for the caller's undo merge key); null for discrete changes. */
  readonly onChange: (window: Window | null, typedField: string | null) => void;
  /** Prefix: `<testId>.window`, `<testId>.windowSize`, `<testId>.windowUnit`, `<testId>.windowType`. */
  readonly testId: string;
}

/** `within(time, WithinType)`: off, or a time span and what it measures. */
export function WindowFields({ window, onChange, testId }: WindowFieldsProps) {
  return (
    <>
      <DurationField
        label="Within"
        note="within()"
        value={window?.time ?? null}
        initial={{ unit: "MINUTES", size: 10 }}
        testId={`${testId}.window`}
        onChange={(time, typed) => {
          onChange(
            time === null ? null : { type: window?.type ?? "FIRST_AND_LAST", time },
            typed ? "size" : null,
          );
        }}
      />
      {window !== null && (
        <SelectField
          label="Measured"
          value={window.type}
          options={WINDOW_TYPE_OPTIONS}
          testId={`${testId}.windowType`}
          onChange={(type) => {
            onChange({ ...window, type }, null);
          }}
        />
      )}
    </>
  );
}
