import { useId } from "react";
import type { ReactNode } from "react";
import { describedBy, Field } from "./Field.tsx";
import { useDraft } from "./useDraft.ts";

export interface CommitTextFieldProps {
  readonly label: string;
  readonly value: string;
  /** Returns why `text` can't be used, or null when it can. */
  readonly validate: (text: string) => string | null;
  /** Called on blur or Enter with a valid, changed text. */
  readonly onCommit: (text: string) => void;
  readonly testId: string;
  readonly hint?: ReactNode;
  readonly code?: boolean;
}

/**
 * A text field whose value takes effect when the user is done (blur or Enter), for identities
 * such as stage names and rule ids where every keystroke would be a different thing. Escape
 * restores the model's value; an invalid text stays in the field with its error.
 */
export function CommitTextField(props: CommitTextFieldProps) {
  const { label, value, validate, onCommit, testId, hint, code } = props;
  const id = useId();
  const [draft, setDraft] = useDraft(value);
  const error = draft === value ? null : validate(draft);

  const commit = () => {
    if (draft !== value && error === null) onCommit(draft);
  };
  return (
    <Field id={id} label={label} error={error} hint={hint} testId={testId}>
      <input
        id={id}
        className={`inspector-input${code ? " inspector-input--code" : ""}`}
        type="text"
        value={draft}
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={describedBy(id, error, hint !== undefined)}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          else if (e.key === "Escape") setDraft(value);
        }}
      />
    </Field>
  );
}
