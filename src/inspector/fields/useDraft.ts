import { useState } from "react";

/**
 * A field's text while the user edits it. It follows `value` whenever the model changes from
 * elsewhere (undo, another view), and otherwise keeps what the user typed — including text the
 * model would not accept yet, which the field shows with its error instead of committing.
 */
export function useDraft(value: string): readonly [string, (draft: string) => void] {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // Adjusting state during render (React's documented pattern) avoids one stale frame.
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  return [draft, setDraft];
}
