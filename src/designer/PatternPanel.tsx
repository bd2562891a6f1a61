import type { Rule } from "../model/pattern.ts";
import type { PatternDiagnostic } from "../model/patternFindings.ts";
import { DiagnosticBadge } from "./DiagnosticBadge.tsx";
import { select, useSelection } from "./selectionStore.ts";
import { skipStrategyLabel, windowLabel } from "./stageLabels.ts";
import { VisibleText } from "../ui/text/VisibleText.tsx";
import { validateRuleId } from "../model/validate.ts";
import "./PatternPanel.css";

/**
 * The pattern's own settings on the canvas: its window (`within 5 min`, measured first → last or
 * previous → current) and after-match skip strategy, plus findings no stage or edge claims.
 * Clicking it selects the pattern, so the inspector shows those settings.
 */
export function PatternPanel({
  rule,
  diagnostics,
}: {
  readonly rule: Rule;
  readonly diagnostics: readonly PatternDiagnostic[];
}) {
  const selection = useSelection();
  const window = rule.pattern.window && windowLabel(rule.pattern.window);
  const selected = selection.type === "pattern";
  // The rule id is no part of the pattern: its finding joins those no stage or edge claims.
  const findings = [...validateRuleId(rule.id), ...diagnostics];
  return (
    <button
      type="button"
      className={`designer-pattern${selected ? " designer-pattern--selected" : ""}`}
      aria-pressed={selected}
      title="Pattern settings: window and after-match skip strategy"
      data-testid="designer.pattern"
      onClick={() => {
        select({ type: "pattern" });
      }}
    >
      <span className="designer-pattern__rule">
        Rule <VisibleText text={rule.id} /> <span className="designer-pattern__version">v{rule.version}</span>
      </span>
      <span className="designer-pattern__item" data-testid="designer.pattern.window">
        {window ? (
          <>
            <span className="designer-pattern__value">{window.text}</span>
            <span className="designer-pattern__muted">{window.measure}</span>
          </>
        ) : (
          <span className="designer-pattern__muted">no window</span>
        )}
      </span>
      <span className="designer-pattern__item" data-testid="designer.pattern.skip">
        <span className="designer-pattern__muted">after match</span>
        <span className="designer-pattern__value">
          <VisibleText text={skipStrategyLabel(rule.pattern.afterMatchStrategy)} />
        </span>
      </span>
      <DiagnosticBadge diagnostics={findings} testId="designer.pattern.diagnostics" />
    </button>
  );
}
