import { WholeNumberField } from "./WholeNumberField.tsx";

/**
 * A millisecond setting: 0 or more, or — where blank means "off" (`blank` says what it means) —
 * 1 or more, since a zero interval or idleness would be the same as off but say otherwise.
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
  return <WholeNumberField {...props} unit="ms" min={props.blank === undefined ? 0 : 1} />;
}
