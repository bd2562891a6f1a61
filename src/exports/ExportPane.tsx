import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import { CodeEditor } from "../editors/CodeEditor.tsx";
import type { CodeLanguage } from "../editors/CodeEditor.tsx";
import { copyText, downloadText } from "./download.ts";
import { ExportNotesList } from "./ExportNotesList.tsx";
import type { ExportPreview } from "./exportPreview.ts";

export interface ExportPaneProps {
  readonly title: string;
  /** What this side shows (a segmented control), next to the title. */
  readonly switcher: ReactNode;
  /** Target options between the bar and the code. */
  readonly options?: ReactNode;
  readonly preview: ExportPreview;
  readonly language: CodeLanguage;
  /** Said instead of the code when the target cannot express the rule. */
  readonly refusal: string;
  /** `export.json` → `export.json.copy`, `.download`, `.code`, `.refusal`, `.notes`, `.status`. */
  readonly testId: string;
}

/** One side of the export: a read-only preview with Copy and Download, its options and notes. */
export function ExportPane({
  title,
  switcher,
  options,
  preview,
  language,
  refusal,
  testId,
}: ExportPaneProps) {
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (status === null) return;
    const timer = setTimeout(() => {
      setStatus(null);
    }, 2500);
    return () => {
      clearTimeout(timer);
    };
  }, [status]);
  const { text } = preview;

  return (
    <section className="export-pane" aria-label={title} data-testid={testId}>
      <div className="export-pane__bar">
        <h3 className="export-pane__title">{title}</h3>
        {switcher}
        <span className="export-pane__actions">
          <span className="export-pane__status" role="status" data-testid={`${testId}.status`}>
            {status}
          </span>
          <button
            type="button"
            className="app-button"
            disabled={text === null}
            data-testid={`${testId}.copy`}
            onClick={() => {
              if (text === null) return;
              copyText(text).then(
                () => {
                  setStatus("Copied");
                },
                () => {
                  setStatus("The browser refused the clipboard: select the text and press Ctrl+C");
                },
              );
            }}
          >
            Copy
          </button>
          <button
            type="button"
            className="app-button"
            disabled={text === null}
            title={`Save as ${preview.fileName}`}
            data-testid={`${testId}.download`}
            onClick={() => {
              if (text === null) return;
              downloadText(preview.fileName, text, preview.mimeType);
              setStatus(`Saved ${preview.fileName}`);
            }}
          >
            Download
          </button>
        </span>
      </div>
      {options}
      <div className="export-pane__code">
        {text === null ? (
          <p className="export-pane__refusal" data-testid={`${testId}.refusal`}>
            {refusal}
          </p>
        ) : (
          <CodeEditor
            key={language}
            value={text}
            language={language}
            ariaLabel={`${title} (read-only)`}
            testId={`${testId}.code`}
          />
        )}
      </div>
      <ExportNotesList notes={preview.notes} testId={`${testId}.notes`} />
    </section>
  );
}
