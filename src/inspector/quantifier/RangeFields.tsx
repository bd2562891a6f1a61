import { useId } from "react";
import { endMerge } from "../../document/documentStore.ts";
import { parseCount } from "../fields/parseCount.ts";
import { useDraft } from "../fields/useDraft.ts";

export interface RangeFieldsProps {
  readonly from: number;
  readonly to: number;
  /** Called only with a valid pair (1 ≤ from ≤ to). */
  readonly onChange: (from: number, to: number) => void;
  /** Prefix: `<testId>From`, `<testId>To`. */
  readonly testId: string;
}

/**
 * `times(from, to)`'s two bounds. They are checked together: a pair with from > to shows an
 * error under both and is not written, so the model never holds a range Flink would reject.
 */
export function RangeFields({ from, to, onChange, testId }: RangeFieldsProps) {
  const id = useId();
  const [fromDraft, setFromDraft] = useDraft(String(from));
  const [toDraft, setToDraft] = useDraft(String(to));
  const fromParsed = parseCount(fromDraft, 1);
  const toParsed = parseCount(toDraft, 1);
  const error = !fromParsed.ok
    ? `From: ${fromParsed.error}`
    : !toParsed.ok
      ? `To: ${toParsed.error}`
      : fromParsed.value > toParsed.value
        ? `From (${fromParsed.value}) must not be greater than to (${toParsed.value}).`
        : null;

  const update = (nextFrom: string, nextTo: string) => {
    const f = parseCount(nextFrom, 1);
    const t = parseCount(nextTo, 1);
    if (f.ok && t.ok && f.value <= t.value && (f.value !== from || t.value !== to))
      onChange(f.value, t.value);
  };
  const input = (which: "From" | "To", draft: string) => (
    <input
      id={`${id}-${which}`}
      className="inspector-input inspector-input--number"
      type="text"
      inputMode="numeric"
      value={draft}
      aria-invalid={error !== null}
      aria-describedby={error === null ? undefined : `${id}-error`}
      data-testid={`${testId}${which}`}
      onChange={(e) => {
        if (which === "From") {
          setFromDraft(e.target.value);
          update(e.target.value, toDraft);
        } else {
          setToDraft(e.target.value);
          update(fromDraft, e.target.value);
        }
      }}
      onBlur={endMerge}
      onKeyDown={(e) => {
        if (e.key === "Enter") endMerge();
      }}
    />
  );

  return (
    <div className="inspector-field">
      <div className="inspector-range">
        <label className="inspector-field__label" htmlFor={`${id}-From`}>
          From
        </label>
        {input("From", fromDraft)}
        <label className="inspector-field__label" htmlFor={`${id}-To`}>
          to
        </label>
        {input("To", toDraft)}
      </div>
      {error !== null && (
        <p className="inspector-field__error" id={`${id}-error`} role="alert" data-testid={`${testId}.error`}>
          {error}
        </p>
      )}
    </div>
  );
}
