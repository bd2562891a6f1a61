/** A text field's draft that follows its stored value when that changes from outside (undo, import). */
import { useState } from "react";

/** The draft and its setter; the draft resets whenever `value` changes. */
export function useDraft(value: string): [string, (next: string) => void] {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // React's "adjusting state when a prop changes" pattern: no effect, no extra render pass.
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  return [draft, setDraft];
}
