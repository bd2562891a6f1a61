import type { PatternDiagnostic } from "../model/patternFindings.ts";
import { revealHiddenCharacters } from "../model/hiddenCharacters.ts";
import "./DiagnosticBadge.css";

/**
 * The validation badge of a node or edge: `!` for errors, `▲` for warnings, with every message
 * as its tooltip and accessible name. Renders nothing when there are no findings.
 */
export function DiagnosticBadge({
  diagnostics,
  testId,
}: {
  readonly diagnostics: readonly PatternDiagnostic[];
  readonly testId: string;
}) {
  if (diagnostics.length === 0) return null;
  const isError = diagnostics.some((d) => d.severity === "error");
  // Messages quote stage names: hidden characters in them show as markers, never act.
  const text = revealHiddenCharacters(
    diagnostics.map((d) => `${d.severity === "error" ? "Error" : "Warning"}: ${d.message}`).join("\n"),
  );
  return (
    <span
      className={`designer-diagnostic designer-diagnostic--${isError ? "error" : "warning"}`}
      title={text}
      role="img"
      aria-label={text}
      data-testid={testId}
    >
      {isError ? "!" : "▲"}
      {diagnostics.length > 1 && <span className="designer-diagnostic__count">{diagnostics.length}</span>}
    </span>
  );
}
