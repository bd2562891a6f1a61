import { useMemo, useState } from "react";
import type { Rule } from "../model/index.ts";
import { importRule, exportRule, formatDiagnostic } from "../formats/dynamicCep/index.ts";
import { exportSql } from "../formats/sql/index.ts";
import { exportJava } from "../formats/java/index.ts";
import type { ExportNote } from "../formats/java/index.ts";
import type { SeedScenario } from "../scenarios/seedScenarios.ts";
import { seedBindings } from "../scenarios/seedScenarios.ts";
import { StageChain } from "./StageChain.tsx";
import { EventsTable } from "./EventsTable.tsx";
import { RunPanel } from "./RunPanel.tsx";
import { useRunSession, type RunSetup } from "./useRunSession.ts";

type ExportTab = "json" | "sql" | "java";

/** One scenario: its pattern as a chain of stages, its exports and its clickstream. */
export function ScenarioView({ scenario }: { scenario: SeedScenario }) {
  const imported = useMemo(() => importRule(scenario.ruleJson), [scenario]);
  const run = useRunSession(useMemo(() => runSetupOf(scenario), [scenario]));
  if (!imported.ok) {
    return (
      <section className="panel error" role="alert">
        <h2>{scenario.title}</h2>
        <p>This rule could not be read:</p>
        <ul>
          {imported.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>{formatDiagnostic(e)}</li>
          ))}
        </ul>
      </section>
    );
  }
  const rule = imported.value;
  return (
    <>
      <section className="panel">
        <h2>{scenario.title}</h2>
        <p className="muted">
          Rule <code>{rule.id}</code> · version {rule.version} · key <code>{scenario.keyField}</code> · event
          time <code>{scenario.timeField}</code>
        </p>
        <StageChain pattern={rule.pattern} />
      </section>
      <RunPanel run={run} />
      <ExportPanel rule={rule} />
      <section className="panel">
        <h3>Clickstream</h3>
        <EventsTable csv={scenario.eventsCsv} />
      </section>
    </>
  );
}

/**
 * How the app runs a seed scenario, as `cep-studio run` would: keyed by its key field, in event
 * time with no out-of-orderness, ending with a +∞ watermark.
 */
function runSetupOf(scenario: SeedScenario): RunSetup {
  return {
    rulesJson: scenario.ruleJson,
    bindings: seedBindings,
    eventsText: scenario.eventsCsv,
    fileName: `${scenario.id}.events.csv`,
    config: {
      key: scenario.keyField,
      time: { field: scenario.timeField, watermarks: { type: "bounded", delay: 0 }, finalWatermark: true },
      clock: null,
      parallelism: 1,
    },
  };
}

function ExportPanel({ rule }: { rule: Rule }) {
  const [tab, setTab] = useState<ExportTab>("json");
  const output = useMemo(() => exportText(rule, tab), [rule, tab]);
  const tabs: readonly [ExportTab, string][] = [
    ["json", "Dynamic-CEP JSON"],
    ["sql", "Flink SQL"],
    ["java", "Java Pattern API"],
  ];
  return (
    <section className="panel">
      <div className="tabs" role="tablist" aria-label="Export format">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => {
              setTab(id);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      {output.notes.length > 0 && (
        <ul className="notes" aria-label="Export notes">
          {output.notes.map((n, i) => (
            <li key={i} className={`note-${n.severity}`}>
              {n.stage === null ? "" : `stage '${n.stage}': `}
              {n.message}
            </li>
          ))}
        </ul>
      )}
      {output.text !== null && (
        <pre className="code" data-testid="export-output">
          {output.text}
        </pre>
      )}
    </section>
  );
}

function exportText(rule: Rule, tab: ExportTab): { text: string | null; notes: readonly ExportNote[] } {
  switch (tab) {
    case "json":
      return { text: JSON.stringify(exportRule(rule), null, 2), notes: [] };
    case "sql": {
      const result = exportSql(rule, { bindings: seedBindings, partitionBy: ["userId"] });
      return { text: result.sql, notes: result.notes };
    }
    case "java": {
      const result = exportJava(rule);
      return { text: result.code, notes: result.notes };
    }
  }
}
