import { useId } from "react";
import type { ReactNode } from "react";

export interface CheckboxFieldProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly testId: string;
  /** Flink's method name or a short note, shown muted after the label. */
  readonly note?: ReactNode;
  readonly disabled?: boolean;
}

/** A labelled checkbox row. */
export function CheckboxField({ label, checked, onChange, testId, note, disabled }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="inspector-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />
      <label htmlFor={id}>
        {label}
        {note && <span className="inspector-check__note"> {note}</span>}
      </label>
    </div>
  );
}
