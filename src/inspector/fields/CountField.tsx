import { useId } from "react";
import type { ReactNode } from "react";
import { describedBy, Field } from "./Field.tsx";
import { parseCount } from "./parseCount.ts";
import { endMerge } from "../../document/documentStore.ts";
import { useDraft } from "./useDraft.ts";

export interface CountFieldProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  /** Called as the user types, with each valid number; invalid text only shows its error. */
  readonly onChange: (value: number) => void;
  readonly testId: string;
  readonly hint?: ReactNode;
  /** A problem found by the caller (e.g. against another field); blocks nothing by itself. */
  readonly error?: string | null;
}

/**
 * A whole-number field that never writes an invalid number into the model: invalid text stays in
 * the field with its error until it is fixed or the model changes from elsewhere.
 */
export function CountField({
  label,
  value,
  min,
  onChange,
  testId,
  hint,
  error: outerError,
}: CountFieldProps) {
  const id = useId();
  const [draft, setDraft] = useDraft(String(value));
  const parsed = parseCount(draft, min);
  const error = parsed.ok ? (outerError ?? null) : parsed.error;
  return (
    <Field id={id} label={label} error={error} hint={hint} testId={testId}>
      <input
        id={id}
        className="inspector-input inspector-input--number"
        type="text"
        inputMode="numeric"
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={describedBy(id, error, hint !== undefined)}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = parseCount(e.target.value, min);
          if (next.ok && next.value !== value) onChange(next.value);
        }}
        onBlur={endMerge}
        onKeyDown={(e) => {
          if (e.key === "Enter") endMerge();
        }}
      />
    </Field>
  );
}
