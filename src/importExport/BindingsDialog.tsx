/** The bindings editor in a dialog (from the import dialog, or anywhere a button opens it). */
import { BindingsEditor } from "./BindingsEditor.tsx";
import { ModalDialog } from "./ModalDialog.tsx";

export interface BindingsDialogProps {
  readonly onClose: () => void;
}

/** A modal around {@link BindingsEditor}. */
export function BindingsDialog({ onClose }: BindingsDialogProps) {
  return (
    <ModalDialog
      title="Condition bindings"
      testId="bindings.dialog"
      onClose={onClose}
      size="wide"
      footer={
        <button type="button" className="app-button app-button--primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <p className="bindings-intro">
        Flink runs a CLASS condition's Java class; CEP Studio runs the Aviator expression bound to that class
        name, shared by all rules. Changes are undoable.
      </p>
      <BindingsEditor />
    </ModalDialog>
  );
}
