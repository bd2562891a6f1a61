import { useId } from "react";

/** One choice of a {@link SegmentedControl}. */
interface Segment<T extends string> {
  readonly value: T;
  readonly label: string;
}

export interface SegmentedControlProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly Segment<T>[];
  readonly onChange: (value: T) => void;
  /** Each choice's label gets `<testId>.<value>`. */
  readonly testId: string;
}

/** A row of mutually exclusive choices: native radio buttons (arrow keys move between them). */
export function SegmentedControl<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: SegmentedControlProps<T>) {
  const name = useId();
  return (
    <div className="export-segmented" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <label
          key={option.value}
          className={`export-segmented__option${option.value === value ? " export-segmented__option--on" : ""}`}
          data-testid={`${testId}.${option.value}`}
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => {
              onChange(option.value);
            }}
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
