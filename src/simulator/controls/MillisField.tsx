import { useState } from "react";

/** A whole number ≥ 0 (or ≥ 1 when `positive`) typed by the user, blank as null, or undefined when it is neither. */
function parseMillis(text: string, positive: boolean): number | null | undefined {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= (positive ? 1 : 0) ? value : undefined;
}

/**
 * A millisecond setting typed as text and committed on Enter or leaving the field, so the run is
 * replayed once per change rather than once per keystroke. Blank means "off" where `blank` says so.
 */
export function MillisField(props: {
  label: string;
  title: string;
  value: number | null;
  /** What a blank field means (e.g. "every event"); without it, a blank is refused. */
  blank?: string;
  testId: string;
  onCommit: (value: number | null) => void;
}) {
  const { label, title, value, blank, testId, onCommit } = props;
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (value === null ? "" : String(value));
  const parsed = parseMillis(shown, blank !== undefined);
  const valid = parsed !== undefined && (parsed !== null || blank !== undefined);
  const commit = () => {
    if (valid && parsed !== value) onCommit(parsed ?? null);
    setText(null);
  };
  return (
    <label title={title}>
      <span>{label}</span>
      <input
        className="sim-number"
        inputMode="numeric"
        value={shown}
        placeholder={blank}
        aria-invalid={!valid}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </label>
  );
}
