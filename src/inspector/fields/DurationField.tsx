import { useId } from "react";
import type { Duration, TimeUnit } from "../../model/duration.ts";
import { TIME_UNITS } from "../../model/duration.ts";
import { endMerge } from "../../document/documentStore.ts";
import { parseCount } from "./parseCount.ts";
import { useDraft } from "./useDraft.ts";

const UNIT_LABELS: Readonly<Record<TimeUnit, string>> = {
  NANOSECONDS: "nanoseconds",
  MICROSECONDS: "microseconds",
  MILLISECONDS: "milliseconds",
  SECONDS: "seconds",
  MINUTES: "minutes",
  HOURS: "hours",
  DAYS: "days",
};

export interface DurationFieldProps {
  /** The checkbox's label, e.g. "Window (within)". */
  readonly label: string;
  readonly value: Duration | null;
  /** What switching the duration on starts with. */
  readonly initial: Duration;
  /**
   * Called with each valid change; `null` switches the duration off. `typed` is true for the
   * size typed digit by digit (the caller merges those into one undo step).
   */
  readonly onChange: (value: Duration | null, typed: boolean) => void;
  /** Prefix: `<testId>` (checkbox), `<testId>Size`, `<testId>Unit`. */
  readonly testId: string;
  /** Flink's method, shown muted after the label. */
  readonly note?: string;
}

/** An optional time span: a checkbox that switches it on, then size and `TimeUnit`. */
export function DurationField({ label, value, initial, onChange, testId, note }: DurationFieldProps) {
  const id = useId();
  const [draft, setDraft] = useDraft(value === null ? "" : String(value.size));
  const parsed = parseCount(draft, 1);
  return (
    <div className="inspector-duration">
      <div className="inspector-check">
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={value !== null}
          data-testid={testId}
          onChange={(e) => {
            onChange(e.target.checked ? initial : null, false);
          }}
        />
        <label htmlFor={`${id}-on`}>
          {label}
          {note && <span className="inspector-check__note"> {note}</span>}
        </label>
      </div>
      {value !== null && (
        <div className="inspector-duration__row">
          <input
            id={`${id}-size`}
            className="inspector-input inspector-input--number"
            type="text"
            inputMode="numeric"
            aria-label={`${label}: size`}
            aria-invalid={!parsed.ok}
            aria-describedby={parsed.ok ? undefined : `${id}-error`}
            value={draft}
            data-testid={`${testId}Size`}
            onChange={(e) => {
              setDraft(e.target.value);
              const next = parseCount(e.target.value, 1);
              if (next.ok && next.value !== value.size) onChange({ ...value, size: next.value }, true);
            }}
            onBlur={endMerge}
            onKeyDown={(e) => {
              if (e.key === "Enter") endMerge();
            }}
          />
          <select
            className="inspector-select"
            aria-label={`${label}: unit`}
            value={value.unit}
            data-testid={`${testId}Unit`}
            onChange={(e) => {
              const unit = TIME_UNITS.find((u) => u === e.target.value);
              if (unit) onChange({ ...value, unit }, false);
            }}
          >
            {TIME_UNITS.map((u) => (
              <option key={u} value={u}>
                {UNIT_LABELS[u]}
              </option>
            ))}
          </select>
        </div>
      )}
      {value !== null && !parsed.ok && (
        <p
          className="inspector-field__error"
          id={`${id}-error`}
          role="alert"
          data-testid={`${testId}Size.error`}
        >
          {parsed.error}
        </p>
      )}
    </div>
  );
}
