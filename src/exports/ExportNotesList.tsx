import type { ExportNote } from "../formats/exportNote.ts";
import { VisibleSentence, VisibleText } from "../ui/text/VisibleText.tsx";

const LABELS: Readonly<Record<ExportNote["severity"], string>> = {
  error: "Cannot export",
  warning: "Differs",
  info: "Note",
};

/** The exporter's notes in plain words, errors first. */
export function ExportNotesList({
  notes,
  testId,
}: {
  readonly notes: readonly ExportNote[];
  readonly testId: string;
}) {
  if (notes.length === 0) return null;
  const ordered = [...notes].sort((a, b) => rank(a) - rank(b));
  return (
    <ul className="export-notes" aria-label="Export notes" data-testid={testId}>
      {ordered.map((note, i) => (
        <li key={i} className={`export-notes__item export-notes__item--${note.severity}`}>
          <span className="export-notes__label">{LABELS[note.severity]}</span>
          <span>
            {note.stage !== null && (
              <>
                stage{" "}
                <code>
                  <VisibleText text={note.stage} />
                </code>
                :{" "}
              </>
            )}
            <VisibleSentence text={note.message} names={note.stage === null ? [] : [note.stage]} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function rank(note: ExportNote): number {
  return note.severity === "error" ? 0 : note.severity === "warning" ? 1 : 2;
}
