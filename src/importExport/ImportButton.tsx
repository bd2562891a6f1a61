/** The header's Import button; it also hosts the import dialog that a dropped file opens. */
import { ImportDialog } from "./ImportDialog.tsx";
import {
  chooseImportFile,
  clearImportDraft,
  closeImportDialog,
  editImportText,
  finishImportDialog,
  openImportDialog,
  useImportDialog,
} from "./importDialogStore.ts";

/**
 * Opens the import dialog — with the draft a dialog closed without importing left, else empty (a
 * file dropped on the window opens it through `DropZone`).
 */
export function ImportButton() {
  const { open, initial, fromDraft, box, openCount } = useImportDialog();
  return (
    <>
      <button
        type="button"
        className="app-button"
        aria-haspopup="dialog"
        data-testid="import.button"
        onClick={() => {
          openImportDialog();
        }}
      >
        Import
      </button>
      {open && (
        <ImportDialog
          key={openCount}
          initial={initial}
          fromDraft={fromDraft}
          pasted={box}
          onPastedChange={editImportText}
          onFileChosen={chooseImportFile}
          onClearDraft={clearImportDraft}
          onClose={closeImportDialog}
          onImported={finishImportDialog}
        />
      )}
    </>
  );
}
