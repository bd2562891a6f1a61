/**
 * The import dialog: choose a .json file or paste text (a dropped file arrives already read), see
 * errors where they are, then review — warnings, bindings for unbound condition classes, append
 * or replace — and import as one undoable change.
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
  /** A dropped file's text (or why it could not be read); null starts empty. */
  readonly initial: ImportSource | ImportFileProblem | null;
  readonly onClose: () => void;
}

/** Where the dialog is: choosing the source (with the last read's errors), or reviewing a readable import. */
type Step =
  | {
      readonly kind: "source";
      readonly errors: readonly Diagnostic[];
      readonly warnings: readonly Diagnostic[];
    }
  | { readonly kind: "review"; readonly plan: ImportPlan; readonly sourceName: string };

function read(source: ImportSource | ImportFileProblem | null): Step {
  if (source === null) return { kind: "source", errors: [], warnings: [] };
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

/** The import dialog; open while mounted. */
export function ImportDialog({ initial, onClose }: ImportDialogProps) {
  const [step, setStep] = useState<Step>(() => read(initial));
  const [pasted, setPasted] = useState(initial !== null && "text" in initial ? initial.text : "");

  return (
    <ModalDialog title="Import rules" testId="import.dialog" onClose={onClose}>
      {step.kind === "source" ? (
        <ImportSourceStep
          pasted={pasted}
          onPastedChange={setPasted}
          errors={step.errors}
          warnings={step.warnings}
          onRead={(source) => {
            // A file's text goes into the paste box too, so its errors can be fixed in place.
            if ("text" in source) setPasted(source.text);
            setStep(read(source));
          }}
        />
      ) : (
        <ImportReview
          plan={step.plan}
          sourceName={step.sourceName}
          onBack={() => {
            setStep({ kind: "source", errors: [], warnings: [] });
          }}
          onDone={onClose}
        />
      )}
    </ModalDialog>
  );
}
