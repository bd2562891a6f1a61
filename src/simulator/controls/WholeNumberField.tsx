import { useId, useState } from "react";
import { countText } from "../format/timeText.ts";

/** The whole numbers a {@link WholeNumberField} takes. */
interface Bounds {
  readonly min: number;
  /** The largest value taken; absent: no upper bound. */
  readonly max?: number;
}

/** A whole number within `bounds` typed by the user, blank as null, or undefined when it is neither. */
function parseWhole(text: string, bounds: Bounds): number | null | undefined {
  if (text.trim() === "") return null;
  const value = Number(text);
  const inRange = value >= bounds.min && (bounds.max === undefined || value <= bounds.max);
  // Safe integers only: `1e300` reads as a whole number but no setting means it.
  return Number.isSafeInteger(value) && inRange ? value : undefined;
}

/** What the field takes, said when the typed text is not that (`blank` as in {@link WholeNumberField}). */
function allowedText(unit: string, bounds: Bounds, blank: string | undefined): string {
  const range =
    bounds.max === undefined
      ? `${countText(bounds.min)} or more`
      : `from ${countText(bounds.min)} to ${countText(bounds.max)}`;
  return `A whole number of ${unit}, ${range}${blank === undefined ? "" : ` — or blank: ${blank}`}.`;
}

/**
 * A whole-number setting typed as text and committed on Enter or leaving the field, so the run is
 * replayed once per change rather than once per keystroke. Blank means "off" where `blank` says so.
 * Text the field refuses stays, with a message saying what it takes, until it is corrected or
 * Escape brings back the setting's value: typed input is never dropped silently.
 */
export function WholeNumberField(props: {
  label: string;
  title: string;
  value: number | null;
  /** What the number counts, for the message (`ms`, `key groups`, `partial matches`). */
  unit: string;
  min: number;
  max?: number;
  /** What a blank field means (e.g. "every event"); without it, a blank is refused. */
  blank?: string;
  testId: string;
  onCommit: (value: number | null) => void;
}) {
  const { label, title, value, unit, min, max, blank, testId, onCommit } = props;
  const bounds: Bounds = max === undefined ? { min } : { min, max };
  const [text, setText] = useState<string | null>(null);
  const messageId = useId();
  const shown = text ?? (value === null ? "" : String(value));
  const parsed = parseWhole(shown, bounds);
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
          {allowedText(unit, bounds, blank)}
        </span>
      )}
    </span>
  );
}
