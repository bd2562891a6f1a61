/** Import errors or warnings as a list of plain text lines (`file:line:col: path: message`). */
import { formatDiagnostic } from "../formats/dynamicCep/index.ts";
import type { Diagnostic } from "../formats/dynamicCep/index.ts";
import { VisibleSentence } from "../ui/text/VisibleText.tsx";

export interface DiagnosticListProps {
  readonly kind: "error" | "warning";
  readonly diagnostics: readonly Diagnostic[];
  readonly testId: string;
}

/** Shows each diagnostic as text; nothing when there are none. */
export function DiagnosticList({ kind, diagnostics, testId }: DiagnosticListProps) {
  if (diagnostics.length === 0) return null;
  return (
    <div
      className={`import-diagnostics import-diagnostics--${kind}`}
      role={kind === "error" ? "alert" : "status"}
    >
      <p className="import-diagnostics__title">
        {kind === "error"
          ? `Not imported: ${diagnostics.length === 1 ? "1 error" : `${diagnostics.length} errors`}. The document is unchanged.`
          : diagnostics.length === 1
            ? "1 warning"
            : `${diagnostics.length} warnings`}
      </p>
      <ul className="import-diagnostics__list" data-testid={testId}>
        {diagnostics.map((d, i) => (
          <li key={i}>
            <code>
              <VisibleSentence text={formatDiagnostic(d)} />
            </code>
          </li>
        ))}
      </ul>
    </div>
  );
}
