/**
 * The import dialog: choose a .json file or paste text (a dropped file arrives already read), see
 * errors where they are, then review — warnings, bindings for unbound condition classes, append
 * or replace — and import as one undoable change. Closed without importing, it hands its text to
 * the store as the draft the next plain open starts from.
 */
import { useState } from "react";
import type { Diagnostic } from "../formats/dynamicCep/index.ts";
import { documentStore } from "../document/documentStore.ts";
import { seedBindings } from "../scenarios/seedScenarios.ts";
import type { ImportFileProblem, ImportSource } from "./importDialogStore.ts";
import { PASTED_NAME } from "./importDialogStore.ts";
import { readImport } from "./importPlan.ts";
import type { ImportPlan } from "./importPlan.ts";
import { ImportReview } from "./ImportReview.tsx";
import { ImportSourceStep } from "./ImportSourceStep.tsx";
import { ModalDialog } from "./ModalDialog.tsx";
import "./ImportDialog.css";

export interface ImportDialogProps {
  /** A dropped file's text (or why it could not be read), or the draft; null starts empty. */
  readonly initial: ImportSource | ImportFileProblem | null;
  /** `initial` is the draft kept from last time: the dialog says so and offers Clear. */
  readonly fromDraft: boolean;
  /** Closed without importing; `left` is the paste box's text and the name its messages use. */
  readonly onClose: (left: ImportSource) => void;
  /** Closed after a successful import. */
  readonly onImported: () => void;
}

/** Where the dialog is: choosing the source (with the last read's errors), or reviewing a readable import. */
type Step =
  | {
      readonly kind: "source";
      readonly errors: readonly Diagnostic[];
      readonly warnings: readonly Diagnostic[];
    }
  | { readonly kind: "review"; readonly plan: ImportPlan; readonly sourceName: string };

const EMPTY_SOURCE: Step = { kind: "source", errors: [], warnings: [] };

function read(source: ImportSource | ImportFileProblem | null): Step {
  if (source === null) return EMPTY_SOURCE;
  if ("message" in source) {
    return {
      kind: "source",
      errors: [{ path: "", message: `${source.fileName}: ${source.message}` }],
      warnings: [],
    };
  }
  // Bindings and ids are judged against the document as it is when the text is read.
  const reading = readImport(source.text, source.fileName, documentStore.getState().doc, seedBindings);
  if (!reading.ok) return { kind: "source", errors: reading.errors, warnings: reading.warnings };
  return { kind: "review", plan: reading.plan, sourceName: source.fileName };
}

/** The draft's first step: its errors where it has some, never straight to the review it left. */
function readDraft(draft: ImportSource): Step {
  const step = read(draft);
  return step.kind === "source" ? step : EMPTY_SOURCE;
}

/** The import dialog; open while mounted. */
export function ImportDialog({ initial, fromDraft, onClose, onImported }: ImportDialogProps) {
  const [pasted, setPasted] = useState<ImportSource>(
    initial !== null && "text" in initial ? initial : { text: "", fileName: PASTED_NAME },
  );
  const [step, setStep] = useState<Step>(() =>
    fromDraft && initial !== null && "text" in initial ? readDraft(initial) : read(initial),
  );
  const [draftNote, setDraftNote] = useState(fromDraft);

  return (
    <ModalDialog
      title="Import rules"
      testId="import.dialog"
      onClose={() => {
        onClose(pasted);
      }}
    >
      {step.kind === "source" ? (
        <ImportSourceStep
          pasted={pasted.text}
          onPastedChange={(text) => {
            // Edited text is no longer the file's: its messages name the box.
            setPasted({ text, fileName: PASTED_NAME });
          }}
          draftNote={draftNote}
          onClearDraft={() => {
            setPasted({ text: "", fileName: PASTED_NAME });
            setStep(EMPTY_SOURCE);
            setDraftNote(false);
          }}
          errors={step.errors}
          warnings={step.warnings}
          onRead={(source) => {
            // A file's text goes into the paste box too, so its errors can be fixed in place.
            if ("text" in source) setPasted(source);
            setStep(read(source));
          }}
          onReadPasted={() => {
            setStep(read(pasted));
          }}
        />
      ) : (
        <ImportReview
          plan={step.plan}
          sourceName={step.sourceName}
          onBack={() => {
            setStep(EMPTY_SOURCE);
          }}
          onDone={onImported}
        />
      )}
    </ModalDialog>
  );
}
