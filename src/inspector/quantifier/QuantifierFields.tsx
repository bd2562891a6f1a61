import { useState } from "react";
import type { ReactNode } from "react";
import { setGreedy, setOptional, setTimes, setTimesWindow } from "../../document/edits/quantifierEdits.ts";
import type { InnerContiguity, Quantifier } from "../../model/pattern.ts";
import { isGreedy, isOptional, quantifierKind, withInnerContiguity } from "../../model/quantifier.ts";
import { CheckboxField } from "../fields/CheckboxField.tsx";
import { CountField } from "../fields/CountField.tsx";
import { DurationField } from "../fields/DurationField.tsx";
import { SelectField } from "../fields/SelectField.tsx";
import { countsProblem, QUANTIFIER_CHOICES, shownChoice, withChoice } from "./quantifierChoice.ts";
import type { QuantifierChoice } from "./quantifierChoice.ts";
import { RangeFields } from "./RangeFields.tsx";

const INNER_OPTIONS: readonly { readonly value: InnerContiguity; readonly label: string }[] = [
  { value: "SKIP_TILL_NEXT", label: "default — relaxed (SKIP_TILL_NEXT)" },
  { value: "STRICT", label: "consecutive() (STRICT)" },
  { value: "SKIP_TILL_ANY", label: "allowCombinations() (SKIP_TILL_ANY)" },
];

export interface QuantifierFieldsProps {
  readonly quantifier: Quantifier;
  /** `typedField` names a field typed into (for the caller's undo merge key); null for discrete changes. */
  readonly onChange: (quantifier: Quantifier, typedField: string | null) => void;
  /** `inspector.stage` or `inspector.group`. */
  readonly testId: string;
  /** Flink forbids `greedy()` on groups. */
  readonly allowGreedy: boolean;
  /** The until editor, shown for looping quantifiers only. */
  readonly until?: ReactNode;
}

/**
 * The quantifier in Pattern API terms: the call, its counts, optional / greedy, inner contiguity
 * and the per-repetition window — each shown only where Flink gives it a meaning.
 */
export function QuantifierFields({
  quantifier: q,
  onChange,
  testId,
  allowGreedy,
  until,
}: QuantifierFieldsProps) {
  // What the user picked last, so a range with equal bounds still shows as a range.
  const [picked, setPicked] = useState<QuantifierChoice | null>(null);
  const choice = shownChoice(q, picked);
  const repeating = quantifierKind(q) !== "SINGLE";
  const setCounts = (from: number, to: number) => {
    if (countsProblem(from, to) === null) onChange(setTimes(q, from, to), "counts");
  };
  return (
    <>
      <SelectField
        label="Quantifier"
        value={choice}
        options={QUANTIFIER_CHOICES}
        testId={`${testId}.quantifier`}
        onChange={(c) => {
          setPicked(c);
          onChange(withChoice(q, c), null);
        }}
      />
      {(choice === "times" || choice === "timesOrMore") && q.times && (
        <CountField
          label={choice === "times" ? "Times (n)" : "At least (n)"}
          value={q.times.from}
          min={1}
          testId={`${testId}.times`}
          onChange={(n) => {
            setCounts(n, n);
          }}
        />
      )}
      {choice === "timesRange" && q.times && (
        <RangeFields from={q.times.from} to={q.times.to} onChange={setCounts} testId={`${testId}.times`} />
      )}
      <div className="inspector-checks">
        <CheckboxField
          label="Optional"
          note="optional()"
          checked={isOptional(q)}
          testId={`${testId}.optional`}
          onChange={(on) => {
            onChange(setOptional(q, on), null);
          }}
        />
        {repeating && allowGreedy && (
          <CheckboxField
            label="Greedy"
            note="greedy()"
            checked={isGreedy(q)}
            testId={`${testId}.greedy`}
            onChange={(on) => {
              onChange(setGreedy(q, on), null);
            }}
          />
        )}
      </div>
      {repeating && (
        <SelectField
          label="Between repetitions"
          value={q.consumingStrategy}
          options={INNER_OPTIONS}
          testId={`${testId}.inner`}
          hint="Inner contiguity: how the events of this stage's repetitions may be spread out."
          onChange={(inner) => {
            onChange(withInnerContiguity(q, inner), null);
          }}
        />
      )}
      {repeating && q.times && (
        <DurationField
          label="Window between repetitions"
          note="windowTime"
          value={q.times.windowTime}
          initial={{ unit: "MINUTES", size: 1 }}
          testId={`${testId}.windowTime`}
          onChange={(d, typed) => {
            onChange(setTimesWindow(q, d), typed ? "windowTime" : null);
          }}
        />
      )}
      {quantifierKind(q) === "LOOPING" && until}
    </>
  );
}
