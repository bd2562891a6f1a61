import { useMemo, useState } from "react";
import { applyQuickFix, quickFixesFor } from "../document/quickFixes.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { useDocument } from "../document/useDocument.ts";
import { select } from "../designer/selectionStore.ts";
import type { PatternDiagnostic } from "../model/patternFindings.ts";
import { patternDiagnostics } from "../document/ruleDiagnostics.ts";
import { editActiveRule } from "./editActiveRule.ts";
import { InspectorSection } from "./InspectorSection.tsx";
import type { GraphPath } from "../document/edits/graphAccess.ts";
import { edgeDiagnostics, graphPathOf } from "./stageLocation.ts";
import { validateRuleId } from "../model/validate.ts";
import { VisibleSentence, VisibleText } from "../ui/text/VisibleText.tsx";

/**
 * Findings listed at first, and added per "Show more": a broken rule of thousands of edges has
 * thousands of findings, and rendering them all made every selection and drag on the canvas
 * stall for seconds. The count in the section's title is always the full one.
 */
const FINDINGS_PER_PAGE = 100;

export interface DiagnosticsListProps {
  readonly rule: DocumentRule;
  /**
   * Only this stage's findings, in the stage inspector (nothing at all when it has none);
   * without it, the whole pattern's, with a link to each finding's stage.
   */
  readonly stage?: string;
  /** Only this edge's findings, in the edge inspector (nothing at all when it has none). */
  readonly edge?: { readonly graphPath: GraphPath; readonly source: string; readonly target: string };
}

/**
 * Flink's verdict on the pattern and its conditions (`patternDiagnostics`): every error and
 * warning with its JSON path, and one-click fixes where the fix is obvious.
 */
export function DiagnosticsList({ rule, stage, edge }: DiagnosticsListProps) {
  const pattern = rule.rule.pattern;
  const ruleId = rule.rule.id;
  const all = useMemo(() => [...validateRuleId(ruleId), ...patternDiagnostics(pattern)], [ruleId, pattern]);
  const diagnostics =
    edge !== undefined
      ? edgeDiagnostics(pattern, all, edge.graphPath, edge.source, edge.target)
      : stage === undefined
        ? all
        : all.filter((d) => d.stage === stage);
  const area = edge !== undefined ? "edge" : stage === undefined ? "pattern" : "stage";
  const [shown, setShown] = useState(FINDINGS_PER_PAGE);
  const rules = useDocument((s) => s.doc.rules);
  // The rule-id fixes pick an id no other rule has.
  const ruleIds = useMemo(() => new Set(rules.map((r) => r.rule.id)), [rules]);
  if (area !== "pattern" && diagnostics.length === 0) return null;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const hidden = diagnostics.length - shown;
  return (
    <InspectorSection title="Validation" subtitle={summary(errors, diagnostics.length - errors)}>
      {diagnostics.length === 0 ? (
        <p className="inspector-valid" data-testid={`inspector.${area}.valid`}>
          Flink accepts this pattern.
        </p>
      ) : (
        <>
          <ul className="inspector-diagnostics" data-testid={`inspector.${area}.diagnostics`}>
            {diagnostics.slice(0, shown).map((d, i) => (
              <DiagnosticItem
                key={`${d.path}-${i}`}
                rule={rule}
                ruleIds={ruleIds}
                diagnostic={d}
                showStage={area !== "stage"}
                testId={`inspector.${area}.fix.${i}`}
              />
            ))}
          </ul>
          {hidden > 0 && (
            <button
              type="button"
              className="app-button inspector-small-button"
              data-testid={`inspector.${area}.more`}
              onClick={() => {
                setShown((n) => n + FINDINGS_PER_PAGE);
              }}
            >
              Show {Math.min(hidden, FINDINGS_PER_PAGE)} more of {hidden} not shown
            </button>
          )}
        </>
      )}
    </InspectorSection>
  );
}

interface DiagnosticItemProps {
  readonly rule: DocumentRule;
  /** Every rule id of the rule set. */
  readonly ruleIds: ReadonlySet<string>;
  readonly diagnostic: PatternDiagnostic;
  readonly showStage: boolean;
  /** Prefix of the fix buttons' test ids (`<testId>.<n>`). */
  readonly testId: string;
}

function DiagnosticItem({ rule, ruleIds, diagnostic: d, showStage, testId }: DiagnosticItemProps) {
  const stagePath = showStage && d.stage !== null ? graphPathOf(rule.rule.pattern, d.stage) : null;
  const fixes = quickFixesFor(rule.rule, d, ruleIds);
  return (
    <li className={`inspector-diagnostic inspector-diagnostic--${d.severity}`}>
      <span className="inspector-diagnostic__severity">{d.severity === "error" ? "Error" : "Warning"}</span>
      <span className="inspector-diagnostic__message">
        <VisibleSentence text={d.message} names={d.stage === null ? [] : [d.stage]} />
      </span>
      {d.path !== "" && <code className="inspector-diagnostic__path">{d.path}</code>}
      <span className="inspector-diagnostic__actions">
        {d.stage !== null && stagePath !== null && (
          <button
            type="button"
            className="app-button inspector-small-button"
            onClick={() => {
              if (d.stage !== null) select({ type: "stages", graphPath: stagePath, names: [d.stage] });
            }}
          >
            Show <VisibleText text={d.stage} />
          </button>
        )}
        {fixes.map((fix, j) => (
          <button
            key={fix.label}
            type="button"
            className="app-button app-button--primary inspector-small-button inspector-diagnostic__fix"
            data-testid={`${testId}.${j}`}
            onClick={() => {
              editActiveRule((r) => applyQuickFix(r, fix));
            }}
          >
            {/* A label quotes the new name: a space look-alike left in it shows as a marker. */}
            <VisibleSentence text={fix.label} />
          </button>
        ))}
      </span>
    </li>
  );
}

function summary(errors: number, warnings: number): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return parts.length === 0 ? "valid" : parts.join(", ");
}
