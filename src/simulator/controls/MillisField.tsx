import { useId, useState } from "react";

/** A whole number ≥ 0 (or ≥ 1 when `positive`) typed by the user, blank as null, or undefined when it is neither. */
function parseMillis(text: string, positive: boolean): number | null | undefined {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= (positive ? 1 : 0) ? value : undefined;
}

/** What the field takes, said when the typed text is not that (`blank` as in {@link MillisField}). */
function allowedText(blank: string | undefined): string {
  return blank === undefined
    ? "A whole number of ms, 0 or more."
    : `A whole number of ms, 1 or more — or blank: ${blank}.`;
}

/**
 * A millisecond setting typed as text and committed on Enter or leaving the field, so the run is
 * replayed once per change rather than once per keystroke. Blank means "off" where `blank` says so.
 * Text the field refuses stays, with a message saying what it takes, until it is corrected or
 * Escape brings back the setting's value: typed input is never dropped silently.
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
  const messageId = useId();
  const shown = text ?? (value === null ? "" : String(value));
  const parsed = parseMillis(shown, blank !== undefined);
  const valid = parsed !== undefined && (parsed !== null || blank !== undefined);
  const commit = () => {
    if (!valid) return;
    if (parsed !== value) onCommit(parsed ?? null);
    setText(null);
  };
  return (
    <span className="sim-millis">
      <label title={title}>
        <span>{label}</span>
        <input
          className="sim-number"
          inputMode="numeric"
          value={shown}
          placeholder={blank}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : messageId}
          data-testid={testId}
          onChange={(e) => {
            setText(e.target.value);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            // Escape first drops what was typed; only an unchanged field lets it close the popover.
            if (e.key === "Escape" && text !== null) {
              e.stopPropagation();
              setText(null);
            }
          }}
        />
      </label>
      {!valid && (
        <span
          className="sim-error-text sim-millis-error"
          id={messageId}
          role="alert"
          data-testid={`${testId}.error`}
        >
          {allowedText(blank)}
        </span>
      )}
    </span>
  );
}
