import type { ReactNode } from "react";

export interface FieldProps {
  /** The control's id, which the label points at. */
  readonly id: string;
  readonly label: string;
  readonly children: ReactNode;
  /** An inline problem with what was typed; shown in red and announced. */
  readonly error?: string | null;
  /** A short explanation under the control. */
  readonly hint?: ReactNode;
  readonly testId: string;
}

/** One labelled inspector row: label, control, then its error or hint. */
export function Field({ id, label, children, error, hint, testId }: FieldProps) {
  return (
    <div className="inspector-field">
      <label className="inspector-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="inspector-field__error" id={`${id}-error`} role="alert" data-testid={`${testId}.error`}>
          {error}
        </p>
      ) : (
        hint && (
          <p className="inspector-field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/** `aria-describedby` for a control inside {@link Field}. */
export function describedBy(
  id: string,
  error: string | null | undefined,
  hasHint: boolean,
): string | undefined {
  if (error) return `${id}-error`;
  return hasHint ? `${id}-hint` : undefined;
}
