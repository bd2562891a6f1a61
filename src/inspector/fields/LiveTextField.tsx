import { useId } from "react";
import type { ReactNode } from "react";
import { endMerge } from "../../document/documentStore.ts";
import { describedBy, Field } from "./Field.tsx";

export interface LiveTextFieldProps {
  readonly label: string;
  readonly value: string;
  /** Called on every keystroke; the caller records it with a merge key so typing is one undo step. */
  readonly onChange: (text: string) => void;
  readonly testId: string;
  readonly hint?: ReactNode;
  readonly error?: string | null;
  readonly multiline?: boolean;
  readonly code?: boolean;
  readonly placeholder?: string;
}

/**
 * A text field that edits the model as the user types (expressions, class names, labels).
 * Blur and Enter close the undo entry, so the next edit of the same field is a new step.
 */
export function LiveTextField(props: LiveTextFieldProps) {
  const { label, value, onChange, testId, hint, error, multiline, code, placeholder } = props;
  const id = useId();
  const common = {
    id,
    className: `inspector-input${code ? " inspector-input--code" : ""}`,
    value,
    spellCheck: false,
    placeholder,
    "aria-invalid": Boolean(error),
    "aria-describedby": describedBy(id, error, hint !== undefined),
    "data-testid": testId,
    onBlur: endMerge,
  };
  return (
    <Field id={id} label={label} error={error ?? null} hint={hint} testId={testId}>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => {
            onChange(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") endMerge();
          }}
        />
      )}
    </Field>
  );
}
