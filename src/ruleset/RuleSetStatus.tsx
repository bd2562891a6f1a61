/**
 * The rule list's status line: what the last action did ("Rule 3 deleted", "Rule 1 published as
 * version 2"), with Undo after a deletion. A message shows only while it is still true of the
 * document (the deleted rule is still gone, the version is still the published one) — the canvas
 * and other panels change the document too, so "the document is the one the action produced"
 * would be too strict.
 */
import type { StudioDocument } from "../document/studioDocument.ts";
import { VisibleSentence } from "../ui/text/VisibleText.tsx";

/** A message about an action, and while it holds. */
export interface StatusMessage {
  readonly text: string;
  readonly holds: (doc: StudioDocument) => boolean;
  /** Offered as "Undo" (a deletion's restore); null for none. */
  readonly undo: (() => void) | null;
}

export interface RuleSetStatusProps {
  readonly status: StatusMessage | null;
  readonly doc: StudioDocument;
  readonly onDismiss: () => void;
}

/** The status line; an empty live region when there is nothing to say. */
export function RuleSetStatus({ status, doc, onDismiss }: RuleSetStatusProps) {
  const shown = status?.holds(doc) ? status : null;
  return (
    <div className="ruleset__status" role="status" aria-live="polite" data-testid="ruleset.status">
      {shown && (
        <>
          <span className="ruleset__status-text">
            <VisibleSentence text={shown.text} />
          </span>
          {shown.undo && (
            <button
              type="button"
              className="ruleset__status-undo"
              data-testid="ruleset.undo"
              onClick={shown.undo}
            >
              Undo
            </button>
          )}
          <button type="button" className="ruleset__status-dismiss" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
