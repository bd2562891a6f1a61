/**
 * The import dialog: choose a .json file or paste text (a dropped file arrives already read), see
 * errors where they are, then review — warnings, bindings for unbound condition classes, append
 * or replace — and import as one undoable change. The paste box's text lives in the import dialog
 * store, which keeps it as the draft when the dialog closes without importing or a file replaces it.
 */
import { useState } from "react";
import type { Diagnostic } from "../formats/dynamicCep/index.ts";
import { documentStore } from "../document/documentStore.ts";
import { seedBindings } from "../scenarios/seedScenarios.ts";
import type { ImportFileProblem, ImportSource } from "./importDialogStore.ts";
import { readImport } from "./importPlan.ts";
import type { ImportPlan } from "./importPlan.ts";
import { ImportReview } from "./ImportReview.tsx";
import { ImportSourceStep } from "./ImportSourceStep.tsx";
import { ModalDialog } from "./ModalDialog.tsx";
import "./ImportDialog.css";

export interface ImportDialogProps {
  /** A dropped file's text (or why it could not be read), or the draft; null starts empty. */
  readonly initial: ImportSource | ImportFileProblem | null;
  /** The box holds the draft kept from last time: the dialog says so and offers Clear. */
  readonly fromDraft: boolean;
  /** The paste box's text and the name its messages use. */
  readonly pasted: ImportSource;
  /** The user edited the paste box. */
  readonly onPastedChange: (text: string) => void;
  /** A file chosen in the dialog was read: it goes into the paste box. */
  readonly onFileChosen: (file: ImportSource) => void;
  /** Clear: empty the box and forget the draft. */
  readonly onClearDraft: () => void;
  /** Closed without importing. */
  readonly onClose: () => void;
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
export function ImportDialog({
  initial,
  fromDraft,
  pasted,
  onPastedChange,
  onFileChosen,
  onClearDraft,
  onClose,
  onImported,
}: ImportDialogProps) {
  const [step, setStep] = useState<Step>(() =>
    fromDraft && initial !== null && "text" in initial ? readDraft(initial) : read(initial),
  );

  return (
    <ModalDialog title="Import rules" testId="import.dialog" onClose={onClose}>
      {step.kind === "source" ? (
        <ImportSourceStep
          pasted={pasted.text}
          onPastedChange={onPastedChange}
          draftNote={fromDraft}
          onClearDraft={() => {
            onClearDraft();
            setStep(EMPTY_SOURCE);
          }}
          errors={step.errors}
          warnings={step.warnings}
          onRead={(source) => {
            // A file's text goes into the paste box too, so its errors can be fixed in place.
            if ("text" in source) onFileChosen(source);
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
