/**
 * The import dialog's first step: a file picker and a paste box, with the last attempt's errors —
 * and, when the box holds the draft kept from a dialog closed without importing, a line saying so
 * with a Clear button.
 */
import { useId, useRef } from "react";
import type { Diagnostic } from "../formats/dynamicCep/index.ts";
import { DiagnosticList } from "./DiagnosticList.tsx";
import type { ImportFileProblem, ImportSource } from "./importDialogStore.ts";
import { readImportFile } from "./readImportFile.ts";

export interface ImportSourceStepProps {
  readonly pasted: string;
  readonly onPastedChange: (text: string) => void;
  /** The box holds the draft kept from last time. */
  readonly draftNote: boolean;
  /** Empties the box and forgets the draft. */
  readonly onClearDraft: () => void;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** A chosen file was read (or could not be). */
  readonly onRead: (source: ImportSource | ImportFileProblem) => void;
  /** Read the box's text. */
  readonly onReadPasted: () => void;
}

/** File picker, paste box, errors. */
export function ImportSourceStep({
  pasted,
  onPastedChange,
  draftNote,
  onClearDraft,
  errors,
  warnings,
  onRead,
  onReadPasted,
}: ImportSourceStepProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteBox = useRef<HTMLTextAreaElement>(null);
  const pasteId = useId();
  return (
    <div className="import-source">
      <p className="import-hint">
        Flink dynamic-CEP JSON: a GraphSpec, a rule <code>{"{id, version, pattern, function}"}</code> or an
        array of rules. You can also drop a .json file anywhere on the window.
      </p>
      <div className="import-source__file">
        <button
          type="button"
          className="app-button"
          data-autofocus
          data-testid="import.chooseFile"
          onClick={() => fileInput.current?.click()}
        >
          Choose a .json file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="import-source__file-input"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import.fileInput"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = ""; // picking the same file again must fire change again
            if (file) void readImportFile(file).then(onRead);
          }}
        />
      </div>
      <div className="import-source__paste-head">
        <label className="import-source__paste-label" htmlFor={pasteId}>
          Or paste JSON
        </label>
        {draftNote && (
          <p className="import-source__draft" data-testid="import.draft">
            Draft kept from last time
            <button
              type="button"
              className="import-source__draft-clear"
              data-testid="import.clearDraft"
              onClick={() => {
                onClearDraft();
                // The button goes away with the line: focus the box to paste into.
                pasteBox.current?.focus();
              }}
            >
              Clear
            </button>
          </p>
        )}
      </div>
      <textarea
        ref={pasteBox}
        id={pasteId}
        className="import-source__paste"
        spellCheck={false}
        rows={10}
        value={pasted}
        placeholder='{"name": "end", "nodes": [...], "edges": [...], ...}'
        data-testid="import.paste"
        onChange={(event) => {
          onPastedChange(event.currentTarget.value);
        }}
      />
      <div className="import-source__actions">
        <button
          type="button"
          className="app-button app-button--primary"
          disabled={pasted.trim() === ""}
          data-testid="import.readPasted"
          onClick={onReadPasted}
        >
          Read pasted JSON
        </button>
      </div>
      <DiagnosticList kind="error" diagnostics={errors} testId="import.errors" />
      <DiagnosticList kind="warning" diagnostics={warnings} testId="import.sourceWarnings" />
    </div>
  );
}
