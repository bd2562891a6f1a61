import { useEffect, useMemo, useState } from "react";
import { useActiveRule, useDocument } from "../document/useDocument.ts";
import { ModalDialog } from "../importExport/ModalDialog.tsx";
import { ExportPane } from "./ExportPane.tsx";
import { javaPreview, jsonPreview, ruleSetPreview, sqlPreview } from "./exportPreview.ts";
import { updateExportSettings, useExportSettings } from "./exportSettings.ts";
import { SegmentedControl } from "./SegmentedControl.tsx";
import { JavaOptions, SqlOptions } from "./TargetOptions.tsx";
import "./ExportPanel.css";

/** Below this width the two sides take turns instead of standing side by side. */
const SIDE_BY_SIDE_MIN_WIDTH = 640;

export interface ExportPanelProps {
  /** In the export dialog: no "open larger" button. */
  readonly inDialog?: boolean;
}

/**
 * The export preview: the dynamic-CEP JSON (of the rule, or of the enabled rule set) beside the
 * Flink SQL `MATCH_RECOGNIZE` query or the Java Pattern API class, each with Copy and Download
 * and the exporter's notes. Narrow panels show one side at a time.
 */
export function ExportPanel({ inDialog = false }: ExportPanelProps) {
  const active = useActiveRule();
  const rules = useDocument((s) => s.doc.rules);
  const bindings = useDocument((s) => s.doc.bindings);
  const settings = useExportSettings();
  const [dialogOpen, setDialogOpen] = useState(false);
  const { ref, width } = useWidth();
  const sideBySide = width >= SIDE_BY_SIDE_MIN_WIDTH;

  const rule = active?.rule ?? null;
  const json = useMemo(
    () => (settings.jsonScope === "ruleSet" || rule === null ? ruleSetPreview(rules) : jsonPreview(rule)),
    [settings.jsonScope, rule, rules],
  );
  const code = useMemo(() => {
    if (rule === null) return null;
    return settings.target === "sql"
      ? sqlPreview(rule, bindings, settings.sql)
      : javaPreview(rule, settings.java);
  }, [rule, bindings, settings.target, settings.sql, settings.java]);

  if (rule === null || code === null) {
    return (
      <section ref={ref} className="app-tool-panel export-panel" aria-label="Export" data-testid="export">
        <p className="app-tool-panel__empty" data-testid="export.empty">
          No rule is open. Add a rule to export it.
        </p>
      </section>
    );
  }
  const enabledCount = rules.filter((r) => r.enabled).length;

  const jsonPane = (
    <ExportPane
      title="Dynamic-CEP JSON"
      switcher={
        <SegmentedControl
          label="What to export as JSON"
          value={settings.jsonScope}
          options={[
            { value: "rule", label: "This rule" },
            { value: "ruleSet", label: `Enabled rules (${enabledCount})` },
          ]}
          onChange={(jsonScope) => {
            updateExportSettings({ jsonScope });
          }}
          testId="export.json.scope"
        />
      }
      preview={json}
      language="json"
      refusal=""
      testId="export.json"
    />
  );
  const codePane = (
    <ExportPane
      key={settings.target}
      title={settings.target === "sql" ? "Flink SQL" : "Java Pattern API"}
      switcher={
        <SegmentedControl
          label="Code to export"
          value={settings.target}
          options={[
            { value: "sql", label: "SQL" },
            { value: "java", label: "Java" },
          ]}
          onChange={(target) => {
            updateExportSettings({ target });
          }}
          testId="export.target"
        />
      }
      options={
        settings.target === "sql" ? (
          <SqlOptions
            rule={rule}
            settings={settings.sql}
            onChange={(sql) => {
              updateExportSettings({ sql });
            }}
          />
        ) : (
          <JavaOptions
            settings={settings.java}
            onChange={(java) => {
              updateExportSettings({ java });
            }}
          />
        )
      }
      preview={code}
      language={settings.target}
      refusal="Flink SQL cannot express this rule as it stands; the notes below say why and what to change."
      testId="export.code"
    />
  );

  return (
    <section
      ref={ref}
      className={`app-tool-panel export-panel${sideBySide ? " export-panel--wide" : ""}`}
      aria-label="Export"
      data-testid={inDialog ? "export.dialog.panel" : "export"}
    >
      {!sideBySide && (
        <div className="app-tool-panel__bar">
          <SegmentedControl
            label="Show"
            value={settings.narrowSide}
            options={[
              { value: "json", label: "JSON" },
              { value: "code", label: "SQL / Java" },
            ]}
            onChange={(narrowSide) => {
              updateExportSettings({ narrowSide });
            }}
            testId="export.side"
          />
          {!inDialog && (
            <button
              type="button"
              className="app-button"
              data-testid="export.open"
              onClick={() => {
                setDialogOpen(true);
              }}
            >
              Side by side…
            </button>
          )}
        </div>
      )}
      <div className="export-panel__panes">
        {(sideBySide || settings.narrowSide === "json") && jsonPane}
        {(sideBySide || settings.narrowSide === "code") && codePane}
      </div>
      {dialogOpen && (
        <ModalDialog
          title="Export the rule"
          testId="export.dialog"
          size="wide"
          onClose={() => {
            setDialogOpen(false);
          }}
        >
          <div className="export-dialog__body">
            <ExportPanel inDialog />
          </div>
        </ModalDialog>
      )}
    </section>
  );
}

/** A callback ref and the content width of the element it is attached to. */
function useWidth() {
  const [element, ref] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return { ref, width };
}
